package broadsheet.editing;

import broadsheet.content.AccessLevel;
import broadsheet.content.CommentPolicy;
import java.util.List;

/**
 * An article's content at one save, as kept in a revision: everything the editor shows, with bylines
 * and topics by name. Stored as JSON; comparing two snapshots is the diff's job.
 */
public record Snapshot(
        String headline,
        String standfirst,
        String slug,
        String sectionSlug,
        List<String> bylines,
        List<String> topics,
        Long leadImageId,
        String leadImageCaption,
        String leadImageCredit,
        String leadImageAlt,
        String body,
        String access,
        String comments,
        String seoTitle,
        String seoDescription,
        String status) {

    public static Snapshot of(ArticleDraft d, String slug, String status) {
        return new Snapshot(d.headline(), d.standfirst(), slug, d.sectionSlug(), d.bylines(), d.topics(), d.leadImageId(),
                d.leadImageCaption(), d.leadImageCredit(), d.leadImageAlt(), d.body(), d.access().word(), d.comments().word(),
                d.seoTitle(), d.seoDescription(), status);
    }

    /** The snapshot as a draft to save again (restoring a revision). */
    public ArticleDraft toDraft() {
        return new ArticleDraft(headline, standfirst, slug, sectionSlug, bylines, topics, leadImageId, leadImageCaption,
                leadImageCredit, leadImageAlt, body, AccessLevel.fromWord(access).orElse(AccessLevel.FREE),
                CommentPolicy.fromWord(comments).orElse(CommentPolicy.OPEN), seoTitle, seoDescription);
    }
}
