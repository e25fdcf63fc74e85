package broadsheet.article;

import broadsheet.media.Picture;
import broadsheet.content.Section;
import broadsheet.content.Topic;
import java.util.List;

/**
 * An article with what its page shows beside the text: section, bylines, topics, lead picture, and its
 * public editorial timeline (updates, corrections, clarifications), oldest first; and what its thread needs, read with
 * it so the page asks the database once.
 *
 * @param commentCount      approved comments (kept by a trigger)
 * @param commentsCloseDays the article's own number of days its thread stays open, or null for the paper's
 * @param authors           the bylines again with what the author cards at the article's end show (bio, portrait)
 * @param more              the lists of more articles at its end, read with it for the public page ({@link MoreLists#NONE}
 *                          when read for anything else)
 */
public record ArticleDetail(Article article, Section section, List<Byline> bylines, List<Topic> topics, Picture leadPicture,
                            List<ArticleChange> changes, int commentCount, Integer commentsCloseDays, List<AuthorCard> authors,
                            MoreLists more) {

    public ArticleDetail {
        authors = authors == null ? List.of() : List.copyOf(authors);
        more = more == null ? MoreLists.NONE : more;
    }

    /** An article without author cards. */
    public ArticleDetail(Article article, Section section, List<Byline> bylines, List<Topic> topics, Picture leadPicture,
                         List<ArticleChange> changes, int commentCount, Integer commentsCloseDays) {
        this(article, section, bylines, topics, leadPicture, changes, commentCount, commentsCloseDays, List.of(), MoreLists.NONE);
    }

    /** The same article with these lists at its end. */
    public ArticleDetail withMore(MoreLists lists) {
        return new ArticleDetail(article, section, bylines, topics, leadPicture, changes, commentCount, commentsCloseDays, authors, lists);
    }
}
