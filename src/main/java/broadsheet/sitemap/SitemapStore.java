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
 * <p>The months of the index come from one GROUP BY over {@code articles_sitemap_idx}, a partial index of published
 * articles holding just their first publication and last update: an index-only scan of two timestamps a row, with no
 * table read and no sort of the table (rows arrive in date order). It grows with the archive, but slowly (a million
 * articles is some 30 MB of index read sequentially), and its answer is cached by the CDN like any public page; a
 * summary table kept by every publish, update and unpublish would be cheaper to read but another thing to keep right.
 * A month's entries and the news sitemap are range scans of that index and of {@code articles_latest_idx}.
 */
public final class SitemapStore {
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
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT date_trunc('month', first_published_at AT TIME ZONE 'UTC') AS month, count(*) AS articles,
                               max(coalesce(updated_at, first_published_at)) AS last_change
                        FROM articles WHERE status = 'published' AND first_published_at IS NOT NULL
                        GROUP BY 1 ORDER BY 1 DESC""")
                .map((rs, ctx) -> {
                    var start = rs.getTimestamp("month").toLocalDateTime();
                    return new Month(YearMonth.of(start.getYear(), start.getMonth()), rs.getLong("articles"),
                            rs.getObject("last_change", java.time.OffsetDateTime.class).toInstant());
                }).list());
    }

    /** The month's published articles, oldest first, from {@code offset} on, at most {@code limit}. */
    public List<Entry> inMonth(YearMonth month, long offset, int limit) {
        Instant from = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, path, headline, first_published_at, coalesce(updated_at, first_published_at) AS last_change,
                               lead_image_id
                        FROM articles WHERE status = 'published' AND first_published_at >= :from AND first_published_at < :to
                        ORDER BY first_published_at, id LIMIT :limit OFFSET :offset""")
                .bind("from", from).bind("to", to).bind("limit", limit).bind("offset", offset)
                .map((rs, ctx) -> entry(rs)).list());
    }

    /** Articles first published since {@code since}, newest first, at most {@code limit}. */
    public List<Entry> since(Instant since, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, path, headline, first_published_at, coalesce(updated_at, first_published_at) AS last_change,
                               lead_image_id
                        FROM articles WHERE status = 'published' AND first_published_at >= :since
                        ORDER BY first_published_at DESC, id DESC LIMIT :limit""")
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
