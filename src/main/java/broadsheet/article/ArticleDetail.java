package broadsheet.article;

import broadsheet.media.Picture;
import broadsheet.content.Section;
import broadsheet.content.Topic;
import java.util.List;

/**
 * An article with what its page shows beside the text: section, bylines, topics, lead picture, and its
 * public editorial timeline (updates, corrections, clarifications), oldest first.
 */
public record ArticleDetail(Article article, Section section, List<Byline> bylines, List<Topic> topics, Picture leadPicture,
                            List<ArticleChange> changes) {}
