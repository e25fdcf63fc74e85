package broadsheet.editing;

import broadsheet.article.ArticleOwner;
import broadsheet.article.Status;
import broadsheet.shared.Page;
import broadsheet.storage.Rows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * The newsroom's article list: every status, newest change first, filtered by status, section, byline,
 * topic and words of the headline, and limited to one's own articles for contributors.
 */
public final class NewsroomQueries {
    private final Jdbi jdbi;

    public NewsroomQueries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The list's filters; null or blank means "any". {@code owner} limits the list to one person's articles. */
    public record Filter(Status status, String section, String author, String topic, String q, ArticleOwner owner) {}

    /** One line of the list. */
    public record Row(long id, String headline, Status status, String sectionName, String bylines, Instant modifiedAt,
                      Instant firstPublishedAt, Instant scheduledAt, String path) {}

    public Page<Row> list(Filter f, int page, int size) {
        List<String> where = new ArrayList<>();
        if (f.status() != null) where.add("a.status = :status");
        if (notBlank(f.section())) where.add("s.slug = :section");
        if (notBlank(f.author())) where.add("EXISTS (SELECT 1 FROM article_bylines b JOIN contributors c ON c.id = b.contributor_id WHERE b.article_id = a.id AND c.slug = :author)");
        if (notBlank(f.topic())) where.add("EXISTS (SELECT 1 FROM article_topics x JOIN topics t ON t.id = x.topic_id WHERE x.article_id = a.id AND t.slug = :topic)");
        if (notBlank(f.q())) where.add("a.headline ILIKE :q ESCAPE '\\'");
        if (f.owner() != null) where.add(ArticleOwner.condition("a"));
        String clause = where.isEmpty() ? "" : "WHERE " + String.join(" AND ", where);
        return jdbi.withHandle(h -> {
            long total = bind(h.createQuery("SELECT count(*) FROM articles a JOIN sections s ON s.id = a.section_id <where>"), clause, f)
                    .mapTo(Long.class).one();
            List<Row> rows = bind(h.createQuery("""
                            SELECT a.id, a.headline, a.status, s.name AS section_name, a.modified_at, a.first_published_at,
                                   a.scheduled_at, a.path,
                                   (SELECT string_agg(c.name, ', ' ORDER BY b.position) FROM article_bylines b
                                    JOIN contributors c ON c.id = b.contributor_id WHERE b.article_id = a.id) AS bylines
                            FROM articles a JOIN sections s ON s.id = a.section_id <where>
                            ORDER BY a.modified_at DESC, a.id DESC LIMIT :limit OFFSET :offset"""), clause, f)
                    .bind("limit", size).bind("offset", (long) (page - 1) * size)
                    .map((rs, ctx) -> new Row(rs.getLong("id"), rs.getString("headline"), Status.fromWord(rs.getString("status")),
                            rs.getString("section_name"), rs.getString("bylines") == null ? "" : rs.getString("bylines"),
                            Rows.instant(rs, "modified_at"), Rows.instant(rs, "first_published_at"),
                            Rows.instant(rs, "scheduled_at"), rs.getString("path")))
                    .list();
            return new Page<>(rows, page, size, total);
        });
    }

    private static Query bind(Query query, String where, Filter f) {
        return ArticleOwner.bind(query.define("where", where).bindMethods(new Binds(f)), f.owner());
    }

    /** Values for the filter's named parameters. */
    public record Binds(Filter f) {
        public String status() {
            return f.status() == null ? null : f.status().word();
        }

        public String section() {
            return f.section();
        }

        public String author() {
            return f.author();
        }

        public String topic() {
            return f.topic();
        }

        public String q() {
            return f.q() == null ? null : "%" + f.q().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        }
    }

    /** How many articles are in each status (for the list's tabs), of {@code owner}'s articles or (null) everyone's. */
    public Map<Status, Long> counts(ArticleOwner owner) {
        Map<Status, Long> out = new EnumMap<>(Status.class);
        Arrays.stream(Status.values()).forEach(s -> out.put(s, 0L));
        jdbi.useHandle(h -> ArticleOwner.bind(h.createQuery("SELECT a.status, count(*) FROM articles a WHERE <own> GROUP BY a.status")
                        .define("own", owner == null ? "true" : ArticleOwner.condition("a")), owner)
                .map((rs, ctx) -> Map.entry(Status.fromWord(rs.getString(1)), rs.getLong(2)))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
