package broadsheet.sitemap;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The reads behind the sitemaps. Only published articles are ever returned; drafts, scheduled and unpublished
 * articles never appear.
 *
 * <p>The months of the index ({@link #MONTHS}) are found by a skip scan: each step asks {@code articles_latest_idx}
 * for the latest publication before the month found last (one index probe a month, never a walk of the archive). Each
 * month's count and latest change is then an index-only range scan of {@code articles_sitemap_idx}, a partial index of
 * published articles holding only their first publication and last update: no table read, two timestamps a row.
 * Together they read each published article's index entry once per request, which a summary table kept by every
 * publish, update and unpublish would avoid at the price of another thing to keep right; the answer is a public page,
 * held by the CDN. A month's entries and the news window are range scans, bounded by the file's limit.
 * SitemapQueriesIT checks these plans on 30,000 rows.
 */
public final class SitemapStore {
    static final String MONTHS = """
            WITH RECURSIVE months(start) AS (
                SELECT date_trunc('month', (SELECT max(first_published_at) FROM articles WHERE status = 'published'), 'UTC')
                UNION ALL
                SELECT date_trunc('month', (SELECT max(a.first_published_at) FROM articles a
                                            WHERE a.status = 'published' AND a.first_published_at < m.start), 'UTC')
                FROM months m WHERE m.start IS NOT NULL
            )
            SELECT m.start AS month, s.articles, s.last_change FROM months m,
                LATERAL (SELECT count(*) AS articles, max(coalesce(a.updated_at, a.first_published_at)) AS last_change
                         FROM articles a WHERE a.status = 'published'
                           AND a.first_published_at >= m.start AND a.first_published_at < m.start + interval '1 month') s
            WHERE m.start IS NOT NULL ORDER BY m.start DESC""";
    static final String IN_MONTH = """
            SELECT id, path, headline, first_published_at, coalesce(updated_at, first_published_at) AS last_change,
                   lead_image_id
            FROM articles WHERE status = 'published' AND first_published_at >= :from AND first_published_at < :to
            ORDER BY first_published_at, id LIMIT :limit OFFSET :offset""";
    static final String SINCE = """
            SELECT id, path, headline, first_published_at, coalesce(updated_at, first_published_at) AS last_change,
                   lead_image_id
            FROM articles WHERE status = 'published' AND first_published_at >= :since
            ORDER BY first_published_at DESC, id DESC LIMIT :limit""";
    private final Jdbi jdbi;

    public SitemapStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A month with published articles: how many, and the latest change among them. */
    public record Month(YearMonth month, long articles, Instant lastChange) {}

    /** An article as a sitemap names it. */
    public record Entry(long id, String path, String headline, Instant firstPublished, Instant lastChange, Long leadImageId) {}

    /** Every month that has published articles, newest first. */
    public List<Month> months() {
        return jdbi.withHandle(h -> h.createQuery(MONTHS)
                .map((rs, ctx) -> {
                    var start = rs.getObject("month", java.time.OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC);
                    return new Month(YearMonth.of(start.getYear(), start.getMonth()), rs.getLong("articles"),
                            rs.getObject("last_change", java.time.OffsetDateTime.class).toInstant());
                }).list());
    }

    /** The month's published articles, oldest first, from {@code offset} on, at most {@code limit}. */
    public List<Entry> inMonth(YearMonth month, long offset, int limit) {
        Instant from = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        return jdbi.withHandle(h -> h.createQuery(IN_MONTH)
                .bind("from", from).bind("to", to).bind("limit", limit).bind("offset", offset)
                .map((rs, ctx) -> entry(rs)).list());
    }

    /** Articles first published since {@code since}, newest first, at most {@code limit}. */
    public List<Entry> since(Instant since, int limit) {
        return jdbi.withHandle(h -> h.createQuery(SINCE)
                .bind("since", since).bind("limit", limit)
                .map((rs, ctx) -> entry(rs)).list());
    }

    private static Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        long image = rs.getLong("lead_image_id");
        Long leadImage = rs.wasNull() ? null : image;
        return new Entry(rs.getLong("id"), rs.getString("path"), rs.getString("headline"),
                rs.getObject("first_published_at", java.time.OffsetDateTime.class).toInstant(),
                rs.getObject("last_change", java.time.OffsetDateTime.class).toInstant(), leadImage);
    }
}
