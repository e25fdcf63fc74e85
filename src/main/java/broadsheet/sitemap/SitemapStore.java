package broadsheet.sitemap;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The reads behind the sitemaps. Only published articles are ever returned; drafts, scheduled and unpublished
 * articles never appear.
 *
 * <p>The months of the index ({@link #MONTHS}) are read from {@code sitemap_months}, one row per month with published
 * articles (how many, and their latest change), which a trigger on {@code articles} keeps as articles are published,
 * updated, unpublished or deleted: a table of a few hundred rows, however large the archive. A month's entries are a
 * range scan of {@code articles_sitemap_idx}'s month, bounded by the file's limit, and the news window a range scan of
 * the latest articles. SitemapQueriesIT checks these plans on 30,000 rows.
 */
public final class SitemapStore {
    static final String MONTHS = "SELECT month, articles, last_change FROM sitemap_months ORDER BY month DESC";
    static final String MONTH = "SELECT month, articles, last_change FROM sitemap_months WHERE month = :month";
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

    /**
     * When each section, public topic and public writer last had an article published, by id: the {@code lastmod} of
     * their pages in the sitemaps. One probe of the listing's own index each ({@code articles_section_idx},
     * {@code article_topics_listing_idx}, {@code article_bylines_listing_idx}), never a walk of the archive.
     */
    public record Latest(Map<Long, Instant> sections, Map<Long, Instant> topics, Map<Long, Instant> writers) {}

    static final String LATEST = """
            SELECT 's' AS kind, s.id, (SELECT a.first_published_at FROM articles a WHERE a.section_id = s.id AND a.status = 'published'
                                       ORDER BY a.first_published_at DESC, a.id DESC LIMIT 1) AS latest FROM sections s
            UNION ALL
            SELECT 't', t.id, (SELECT x.published_at FROM article_topics x WHERE x.topic_id = t.id AND x.published_at IS NOT NULL
                               ORDER BY x.published_at DESC, x.article_id DESC LIMIT 1) FROM topics t
            UNION ALL
            SELECT 'c', c.id, (SELECT x.published_at FROM article_bylines x WHERE x.contributor_id = c.id AND x.published_at IS NOT NULL
                               ORDER BY x.published_at DESC, x.article_id DESC LIMIT 1) FROM contributors c""";

    public Latest latest() {
        Latest out = new Latest(new HashMap<>(), new HashMap<>(), new HashMap<>());
        jdbi.useHandle(h -> h.createQuery(LATEST).map((rs, ctx) -> {
            var at = rs.getObject("latest", java.time.OffsetDateTime.class);
            if (at != null) {
                Map<Long, Instant> into = switch (rs.getString("kind")) {
                    case "s" -> out.sections();
                    case "t" -> out.topics();
                    default -> out.writers();
                };
                into.put(rs.getLong("id"), at.toInstant());
            }
            return 1;
        }).list());
        return out;
    }

    /** Every month that has published articles, newest first. */
    public List<Month> months() {
        return jdbi.withHandle(h -> h.createQuery(MONTHS).map((rs, ctx) -> month(rs)).list());
    }

    /** The month, when it has published articles. */
    public java.util.Optional<Month> month(YearMonth month) {
        return jdbi.withHandle(h -> h.createQuery(MONTH).bind("month", month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC))
                .map((rs, ctx) -> month(rs)).findOne());
    }

    private static Month month(java.sql.ResultSet rs) throws java.sql.SQLException {
        var start = rs.getObject("month", java.time.OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC);
        return new Month(YearMonth.of(start.getYear(), start.getMonth()), rs.getLong("articles"),
                rs.getObject("last_change", java.time.OffsetDateTime.class).toInstant());
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
