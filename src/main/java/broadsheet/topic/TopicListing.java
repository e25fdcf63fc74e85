package broadsheet.topic;

import broadsheet.content.ContentRows;
import broadsheet.content.Topic;
import broadsheet.shared.Page;
import broadsheet.storage.Rows;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Topics as the newsroom lists them: every topic (used or not) with its published and total article
 * counts and when an article with it last changed, searched by name, and one topic's earlier addresses and
 * names. Reads only; the public site's reads are {@link TopicStore}'s.
 */
public final class TopicListing {
    private static final String ROW_SQL = """
            SELECT t.*, count(a.id) FILTER (WHERE a.status = 'published') AS published, count(a.id) AS total,
                   max(a.modified_at) AS last_used
            FROM topics t LEFT JOIN article_topics x ON x.topic_id = t.id LEFT JOIN articles a ON a.id = x.article_id""";
    private static final RowMapper<Row> ROW = (rs, ctx) -> new Row(ContentRows.TOPIC.map(rs, ctx), rs.getLong("published"),
            rs.getLong("total"), Rows.instant(rs, "last_used"));
    /** Matches a topic by its name, its address, or a name of a topic merged into it. */
    private static final String MATCH = """
            WHERE t.name ILIKE :like OR t.slug ILIKE :like
               OR EXISTS (SELECT 1 FROM topic_redirects r WHERE r.topic_id = t.id AND r.name ILIKE :like)""";
    private final Jdbi jdbi;

    public TopicListing(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The orders of the list: most recently used first (topics no article has come last), or by name. */
    public enum Order {
        RECENT("recent"), NAME("name");

        private final String word;

        Order(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        public static Optional<Order> fromWord(String word) {
            for (Order o : values()) if (o.word.equals(word)) return Optional.of(o);
            return Optional.empty();
        }
    }

    /** A topic with its articles: published ones, all of them (drafts too), and the last time one of them changed. */
    public record Row(Topic topic, long published, long total, Instant lastUsed) {}

    /** An earlier address (slug, or null) and name (of a topic merged into this one, or null), and since when. */
    public record Earlier(String slug, String name, Instant since) {}

    /** One page of topics; {@code q} (or null) is part of a name or address. */
    public Page<Row> page(String q, Order order, int number, int size) {
        String where = q == null ? "" : MATCH;
        String like = q == null ? null : "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String orderBy = order == Order.NAME ? "lower(t.name), t.id" : "last_used DESC NULLS LAST, lower(t.name), t.id";
        return jdbi.withHandle(h -> {
            long total = h.createQuery("SELECT count(*) FROM topics t <where>").define("where", where)
                    .bind("like", like).mapTo(Long.class).one();
            List<Row> rows = h.createQuery(ROW_SQL + " <where> GROUP BY t.id ORDER BY <order> LIMIT :limit OFFSET :offset")
                    .define("where", where).define("order", orderBy).bind("like", like)
                    .bind("limit", size).bind("offset", (long) (number - 1) * size).map(ROW).list();
            return new Page<>(rows, number, size, total);
        });
    }

    public Optional<Row> row(long id) {
        return jdbi.withHandle(h -> h.createQuery(ROW_SQL + " WHERE t.id = :id GROUP BY t.id").bind("id", id).map(ROW).findOne());
    }

    public List<Earlier> earlier(long topicId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT slug, name, created_at FROM topic_redirects WHERE topic_id = :id ORDER BY created_at DESC, id DESC""")
                .bind("id", topicId)
                .map((rs, ctx) -> new Earlier(rs.getString("slug"), rs.getString("name"), Rows.instant(rs, "created_at"))).list());
    }

    /** The topic a name means: the topic of that name (any case), or the one a topic of that name was merged into. */
    public Optional<Topic> byName(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM topics WHERE lower(name) = lower(:name)")
                .bind("name", name).map(ContentRows.TOPIC).findOne()
                .or(() -> h.createQuery("""
                                SELECT t.* FROM topic_redirects r JOIN topics t ON t.id = r.topic_id WHERE lower(r.name) = lower(:name)""")
                        .bind("name", name).map(ContentRows.TOPIC).findOne()));
    }

    /** Every topic's name, for the list a merge picks from. */
    public List<String> names() {
        return jdbi.withHandle(h -> h.createQuery("SELECT name FROM topics ORDER BY lower(name)").mapTo(String.class).list());
    }
}
