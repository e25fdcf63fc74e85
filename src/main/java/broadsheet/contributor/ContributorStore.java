package broadsheet.contributor;

import broadsheet.text.Slugs;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for the {@code contributors} table. */
public final class ContributorStore {
    static final RowMapper<Contributor> ROW = (rs, ctx) -> new Contributor(rs.getLong("id"), rs.getString("slug"),
            rs.getString("name"), "desk".equals(rs.getString("kind")), rs.getString("job_title"), rs.getString("bio"),
            (Long) rs.getObject("picture_id"));
    /** Byline names that belong to a desk rather than a person: "Our Foreign Staff", "Sports Desk", "Agencies". */
    private static final Pattern DESK = Pattern.compile(
            "(?i)^(our\\s.+|.+\\s(staff|desk|correspondents|reporters|team)|agencies|.+\\sagencies)$");
    private final Jdbi jdbi;

    public ContributorStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<Contributor> bySlug(String slug) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM contributors WHERE slug = :slug")
                .bind("slug", slug).map(ROW).findOne());
    }

    public List<Contributor> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM contributors ORDER BY kind DESC, lower(name)")
                .map(ROW).list());
    }

    public static boolean looksLikeDesk(String name) {
        return DESK.matcher(name.strip()).matches();
    }

    /** The contributor with this name (any case); created, as a desk if the name reads like one, when missing. */
    public static long ensure(Handle h, String name) {
        Optional<Long> existing = h.createQuery("SELECT id FROM contributors WHERE lower(name) = lower(:name) ORDER BY id LIMIT 1")
                .bind("name", name).mapTo(Long.class).findOne();
        return existing.orElseGet(() -> create(h, name, looksLikeDesk(name), "", ""));
    }

    public static long create(Handle h, String name, boolean desk, String jobTitle, String bio) {
        String base = Slugs.of(name);
        String slug = base;
        for (int n = 2; h.createQuery("SELECT 1 FROM contributors WHERE slug = :s").bind("s", slug).mapTo(Integer.class).findOne().isPresent(); n++) {
            slug = base + "-" + n;
        }
        return h.createQuery("""
                        INSERT INTO contributors (slug, name, kind, job_title, bio)
                        VALUES (:slug, :name, :kind, :jobTitle, :bio) RETURNING id""")
                .bind("slug", slug).bind("name", name).bind("kind", desk ? "desk" : "person")
                .bind("jobTitle", jobTitle).bind("bio", bio)
                .mapTo(Long.class).one();
    }
}
