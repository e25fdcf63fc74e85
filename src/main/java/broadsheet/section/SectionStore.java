package broadsheet.section;

import broadsheet.content.ContentRows;
import broadsheet.content.Section;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for reading the {@code sections} table. Whether a slug is allowed is checked by the callers; changes are {@link SectionChanges}'. */
public final class SectionStore {
    private static final String COUNTED = """
            SELECT s.*,
                   count(a.id) FILTER (WHERE a.status = 'published') AS published,
                   count(a.id) AS articles
            FROM sections s LEFT JOIN articles a ON a.section_id = s.id""";
    private final Jdbi jdbi;

    public SectionStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A section with how many of its articles are published and how many it has in all (any status). */
    public record Counted(Section section, long published, long articles) {}

    /** Every section in navigation order. */
    public List<Section> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM sections ORDER BY position, name, id").map(ContentRows.SECTION).list());
    }

    public Optional<Section> bySlug(String slug) {
        return all().stream().filter(s -> s.slug().equals(slug)).findFirst();
    }

    public Optional<Section> byId(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM sections WHERE id = :id").bind("id", id).map(ContentRows.SECTION).findOne());
    }

    /** Every section in navigation order, with its article counts, for the newsroom. */
    public List<Counted> withCounts() {
        return jdbi.withHandle(h -> h.createQuery(COUNTED + " GROUP BY s.id ORDER BY s.position, s.name, s.id")
                .map(SectionStore::counted).list());
    }

    /** One section with its article counts. */
    public Optional<Counted> counted(long id) {
        return jdbi.withHandle(h -> h.createQuery(COUNTED + " WHERE s.id = :id GROUP BY s.id")
                .bind("id", id).map(SectionStore::counted).findOne());
    }

    /** Creates the section if no section has this slug; returns its id either way. */
    public static long ensure(Handle h, String slug, String name, String description) {
        return h.createQuery("""
                        INSERT INTO sections (slug, name, description, position)
                        VALUES (:slug, :name, :description, (SELECT coalesce(max(position), 0) + 1 FROM sections))
                        ON CONFLICT (slug) DO UPDATE SET slug = excluded.slug
                        RETURNING id""")
                .bind("slug", slug).bind("name", name).bind("description", description)
                .mapTo(Long.class).one();
    }

    private static Counted counted(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Counted(ContentRows.SECTION.map(rs, ctx), rs.getLong("published"), rs.getLong("articles"));
    }
}
