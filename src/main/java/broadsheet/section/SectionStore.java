package broadsheet.section;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** SQL for the {@code sections} table. Whether a slug is allowed is checked by the callers. */
public final class SectionStore {
    private final Jdbi jdbi;

    public SectionStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<Section> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM sections ORDER BY position, name")
                .map((rs, ctx) -> new Section(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
                        rs.getString("description"), rs.getInt("position")))
                .list());
    }

    public Optional<Section> bySlug(String slug) {
        return all().stream().filter(s -> s.slug().equals(slug)).findFirst();
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
}
