package broadsheet.article;

import broadsheet.content.AccessLevel;
import broadsheet.content.CommentPolicy;
import java.time.Instant;
import java.util.List;

/**
 * An article as stored: one row of {@code articles}. Its bylines and topics are kept in their own tables,
 * in order, and read with {@link ArticleQueries}.
 */
public record Article(
        long id,
        long sectionId,
        String slug,
        String path,
        String headline,
        String standfirst,
        String seoTitle,
        String seoDescription,
        String bodySource,
        String bodyHtml,
        Long leadImageId,
        String leadImageCaption,
        String leadImageCredit,
        String leadImageAlt,
        AccessLevel access,
        CommentPolicy commentPolicy,
        Status status,
        Instant firstPublishedAt,
        Instant updatedAt,
        Instant createdAt,
        Instant modifiedAt,
        int version,
        Instant scheduledAt,
        Long createdBy,
        Long createdByToken) {

    /** Its content, with its section, bylines and topics (kept elsewhere) given by name. */
    public ArticleContent content(String sectionSlug, List<String> bylines, List<String> topics) {
        return ArticleContent.builder().headline(headline).standfirst(standfirst).slug(slug).section(sectionSlug)
                .bylines(bylines).topics(topics).lead(new LeadPicture(leadImageId, leadImageCaption, leadImageCredit, leadImageAlt))
                .body(bodySource).access(access).comments(commentPolicy).search(new SearchFields(seoTitle, seoDescription)).build();
    }

    /** When the article last changed in a way readers see: the update time, or first publication. */
    public Instant lastSignificantChange() {
        return updatedAt != null ? updatedAt : firstPublishedAt;
    }
}
