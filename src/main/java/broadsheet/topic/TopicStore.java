package broadsheet.topic;

import broadsheet.text.Slugs;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for the {@code topics} table. */
public final class TopicStore {
    static final RowMapper<Topic> ROW = (rs, ctx) -> new Topic(rs.getLong("id"), rs.getString("slug"),
            rs.getString("name"), rs.getString("description"));
    private final Jdbi jdbi;

    public TopicStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<Topic> bySlug(String slug) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM topics WHERE slug = :slug")
                .bind("slug", slug).map(ROW).findOne());
    }

    /** Topics with at least one published article, most used first, then by name. */
    public List<Topic> inUse(int limit, int offset) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT t.* FROM topics t
                        JOIN (SELECT at.topic_id, count(*) AS n FROM article_topics at
                              JOIN articles a ON a.id = at.article_id AND a.status = 'published'
                              GROUP BY at.topic_id) u ON u.topic_id = t.id
                        ORDER BY u.n DESC, t.name LIMIT :limit OFFSET :offset""")
                .bind("limit", limit).bind("offset", offset).map(ROW).list());
    }

    public List<Topic> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM topics ORDER BY lower(name)").map(ROW).list());
    }

    /** The topic with this name (any case), created with a fresh slug when there is none. */
    public static long ensure(Handle h, String name, String description) {
        Optional<Long> existing = h.createQuery("SELECT id FROM topics WHERE lower(name) = lower(:name)")
                .bind("name", name).mapTo(Long.class).findOne();
        if (existing.isPresent()) return existing.get();
        String slug = freeSlug(h, Slugs.of(name));
        return h.createQuery("""
                        INSERT INTO topics (slug, name, description) VALUES (:slug, :name, :description)
                        RETURNING id""")
                .bind("slug", slug).bind("name", name).bind("description", description)
                .mapTo(Long.class).one();
    }

    private static String freeSlug(Handle h, String base) {
        String slug = base;
        for (int n = 2; h.createQuery("SELECT 1 FROM topics WHERE slug = :s").bind("s", slug).mapTo(Integer.class).findOne().isPresent(); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }
}
