package broadsheet.editing;

import broadsheet.content.AccessLevel;
import broadsheet.content.CommentPolicy;
import java.util.List;

/**
 * What the editor form (or the Admin API) sends: every field a journalist sets. Bylines and topics are
 * names, in order; names not yet known become new contributors and topics. An empty slug means "make
 * one from the headline".
 */
public record ArticleDraft(
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
        AccessLevel access,
        CommentPolicy comments,
        String seoTitle,
        String seoDescription) {
    /** The longest body the editing rules accept, in characters; request limits leave room for it. */
    public static final int MAX_BODY = 500_000;

    public ArticleDraft {
        headline = clean(headline);
        standfirst = clean(standfirst);
        slug = clean(slug);
        sectionSlug = clean(sectionSlug);
        bylines = bylines == null ? List.of() : bylines.stream().map(ArticleDraft::clean).filter(s -> !s.isEmpty()).distinct().toList();
        topics = topics == null ? List.of() : topics.stream().map(ArticleDraft::clean).filter(s -> !s.isEmpty()).distinct().toList();
        leadImageCaption = clean(leadImageCaption);
        leadImageCredit = clean(leadImageCredit);
        leadImageAlt = clean(leadImageAlt);
        body = body == null ? "" : body.replace("\r\n", "\n");
        access = access == null ? AccessLevel.FREE : access;
        comments = comments == null ? CommentPolicy.OPEN : comments;
        seoTitle = clean(seoTitle);
        seoDescription = clean(seoDescription);
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }
}
