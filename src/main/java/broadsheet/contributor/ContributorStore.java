package broadsheet.contributor;

import broadsheet.article.ArticleOwner;
import broadsheet.shared.Page;
import broadsheet.media.ImageStore;
import broadsheet.media.Picture;
import broadsheet.text.Slugs;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
    /**
     * The condition on {@code contributors c} that readers may see it: a published article carries the byline (the
     * byline row holds a publication time only while its article is published): one probe of {@code article_bylines_listing_idx}.
     */
    static final String PUBLIC = "EXISTS (SELECT 1 FROM article_bylines b WHERE b.contributor_id = c.id AND b.published_at IS NOT NULL)";
    /**
     * Public contributors in the order of {@code /authors/}, from a position on ({@code <position>} is
     * {@link #AFTER}) or from the start (it is empty): a walk of {@code contributors_listing_idx} in its order
     * that stops after {@code :limit} rows.
     */
    /** The condition on {@code contributors c} for {@link #seenByOwner}, with the named parameters {@link ArticleOwner#bind} fills. */
    public static final String SEEN_BY_OWNER = "(c.id = :ownerContributor OR " + PUBLIC
            + " OR EXISTS (SELECT 1 FROM article_bylines o JOIN articles a ON a.id = o.article_id WHERE o.contributor_id = c.id"
            + " AND " + ArticleOwner.condition("a") + "))";
    static final String PUBLIC_LIST = """
            SELECT c.* FROM contributors c WHERE <position> <public>
            ORDER BY (c.kind = 'desk'), lower(c.name), c.id LIMIT :limit OFFSET :offset""";
    static final String AFTER = "((c.kind = 'desk'), lower(c.name), c.id) > (:desk, lower(:name), :id) AND";
    private final Jdbi jdbi;

    public ContributorStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** One line of the newsroom's list: the contributor and how many published articles carry the byline. */
    public record Listed(Contributor contributor, long published) {}

    /** A staff account that writes under this byline. */
    public record LinkedStaff(long id, String name, String role, boolean active) {}

    /** What uses a contributor: articles carrying the byline (all of them, and the published ones) and linked staff accounts. */
    public record Uses(long articles, long published, List<LinkedStaff> staff) {
        public boolean isEmpty() {
            return articles == 0 && staff.isEmpty();
        }
    }

    /** The contributor at this slug if readers may see them (see {@link #isPublic}), in one statement. */
    public Optional<Contributor> publicBySlug(String slug) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM contributors c WHERE c.slug = :slug AND <public>")
                .define("public", PUBLIC).bind("slug", slug).map(ROW).findOne());
    }

    public Optional<Contributor> bySlug(String slug) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM contributors WHERE slug = :slug")
                .bind("slug", slug).map(ROW).findOne());
    }

    public Optional<Contributor> byId(long id) {
        return jdbi.withHandle(h -> byId(h, id));
    }

    static Optional<Contributor> byId(Handle h, long id) {
        return h.createQuery("SELECT * FROM contributors WHERE id = :id").bind("id", id).map(ROW).findOne();
    }

    /** The pictures of these contributors, by picture id; those without one, or whose picture is gone, are left out. */
    public Map<Long, Picture> pictures(Collection<Contributor> contributors) {
        List<Long> ids = contributors.stream().map(Contributor::pictureId).filter(Objects::nonNull).distinct().toList();
        return ids.isEmpty() ? Map.of() : jdbi.withHandle(h -> ImageStore.pictures(h, ids));
    }

    public List<Contributor> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM contributors ORDER BY kind DESC, lower(name)")
                .map(ROW).list());
    }

    /**
     * The contributors a person who sees only their own articles (a contributor) may see: the public ones,
     * those on articles they created or sign, and their own byline; people before desks, by name.
     */
    public List<Contributor> seenByOwner(ArticleOwner owner) {
        return jdbi.withHandle(h -> ArticleOwner.bind(h.createQuery("SELECT c.* FROM contributors c WHERE <seen> ORDER BY c.kind DESC, lower(c.name)")
                .define("seen", SEEN_BY_OWNER), owner).map(ROW).list());
    }

    /**
     * Whether readers may see the contributor: a published article carries the byline. A byline typed only in
     * drafts, scheduled or unpublished articles stays private, as do contributors an editor added who have
     * published nothing yet, so nothing about a story shows before it is published.
     */
    public boolean isPublic(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM contributors c WHERE c.id = :id AND <public>)")
                .define("public", PUBLIC).bind("id", id).mapTo(Boolean.class).one());
    }

    /**
     * Where a list of public contributors stands: after the contributor with this sort key (people before
     * desks, then by name in any case, then by number), or at the start when null.
     */
    public record Position(boolean desk, String name, long id) {
        public static Position of(Contributor c) {
            return new Position(c.desk(), c.name(), c.id());
        }
    }

    /**
     * Public contributors in the order of {@code /authors/} (people, then desks, each by name), from the
     * position on: an index walk of {@code contributors_listing_idx} that stops after {@code limit} rows.
     */
    public List<Contributor> publicAfter(Position after, int limit) {
        return jdbi.withHandle(h -> h.createQuery(PUBLIC_LIST).define("public", PUBLIC).define("position", after == null ? "" : AFTER)
                .bind("desk", after == null ? null : after.desk()).bind("name", after == null ? null : after.name())
                .bind("id", after == null ? null : after.id()).bind("limit", limit).bind("offset", 0)
                .map(ROW).list());
    }

    /** One page of public contributors, in the order of {@link #publicAfter}, read one beyond the page instead of counted. */
    public Page<Contributor> publicPage(int number, int size) {
        return Page.readAhead(jdbi.withHandle(h -> h.createQuery(PUBLIC_LIST).define("public", PUBLIC).define("position", "")
                .bind("limit", size + 1).bind("offset", (long) (number - 1) * size).map(ROW).list()), number, size);
    }

    /**
     * A page of contributors by name, for the newsroom: {@code q} (or null) is part of the name, any case;
     * {@code desk} null means people and desks alike.
     */
    public Page<Listed> page(String q, Boolean desk, int number, int size) {
        return jdbi.withHandle(h -> {
            String where = "WHERE (CAST(:q AS text) IS NULL OR c.name ILIKE '%' || :q || '%' ESCAPE '\\')"
                    + " AND (CAST(:kind AS text) IS NULL OR c.kind = :kind)";
            String like = q == null ? null : q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            String kind = desk == null ? null : desk ? "desk" : "person";
            long total = h.createQuery("SELECT count(*) FROM contributors c " + where)
                    .bind("q", like).bind("kind", kind).mapTo(Long.class).one();
            List<Listed> items = h.createQuery("""
                            SELECT c.*, (SELECT count(*) FROM article_bylines b JOIN articles a ON a.id = b.article_id
                                         WHERE b.contributor_id = c.id AND a.status = 'published') AS published
                            FROM contributors c <where>
                            ORDER BY lower(c.name), c.id LIMIT :limit OFFSET :offset""")
                    .define("where", where).bind("q", like).bind("kind", kind)
                    .bind("limit", size).bind("offset", (long) (number - 1) * size)
                    .map((rs, ctx) -> new Listed(ROW.map(rs, ctx), rs.getLong("published"))).list();
            return new Page<>(items, number, size, total);
        });
    }

    /** An active staff account an editor can link to a byline, with the byline it writes under now (or null). */
    public record StaffChoice(long id, String name, String email, String role, String writesAs) {}

    /** Every active staff account, by name, for the form that links one to a byline. */
    public List<StaffChoice> staffChoices() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT s.id, s.name, s.email, s.role, c.name AS writes_as FROM staff s LEFT JOIN contributors c ON c.id = s.contributor_id
                        WHERE s.disabled_at IS NULL ORDER BY lower(s.name), s.id""")
                .map((rs, ctx) -> new StaffChoice(rs.getLong("id"), rs.getString("name"), rs.getString("email"), rs.getString("role"),
                        rs.getString("writes_as"))).list());
    }

    public Uses uses(long id) {
        return jdbi.withHandle(h -> uses(h, id));
    }

    static Uses uses(Handle h, long id) {
        record Counts(long articles, long published) {}
        Counts counts = h.createQuery("""
                        SELECT count(*) AS articles, count(*) FILTER (WHERE a.status = 'published') AS published
                        FROM article_bylines b JOIN articles a ON a.id = b.article_id WHERE b.contributor_id = :id""")
                .bind("id", id).map((rs, ctx) -> new Counts(rs.getLong("articles"), rs.getLong("published"))).one();
        List<LinkedStaff> staff = h.createQuery("SELECT id, name, role, disabled_at FROM staff WHERE contributor_id = :id ORDER BY lower(name), id")
                .bind("id", id).map((rs, ctx) -> new LinkedStaff(rs.getLong("id"), rs.getString("name"), rs.getString("role"),
                        rs.getObject("disabled_at") == null)).list();
        return new Uses(counts.articles(), counts.published(), staff);
    }

    public static boolean looksLikeDesk(String name) {
        return DESK.matcher(name.strip()).matches();
    }

    /** The contributor with this name (any case); created, as a desk if the name reads like one, when missing. */
    public static long ensure(Handle h, String name) {
        return named(h, name).orElseGet(() -> create(h, name, looksLikeDesk(name), "", ""));
    }

    /**
     * Whether the contributor of this name (any case) is nobody's yet but this article's: no other article
     * carries the byline and no staff account writes under it. The row stays locked until the transaction ends,
     * so two accounts cannot both take it.
     */
    public static boolean unclaimed(Handle h, long contributorId, String name, long articleId) {
        return h.createQuery("""
                        SELECT c.id FROM contributors c WHERE c.id = :c AND lower(c.name) = lower(:name)
                        AND NOT EXISTS (SELECT 1 FROM article_bylines b WHERE b.contributor_id = c.id AND b.article_id <> :a)
                        AND NOT EXISTS (SELECT 1 FROM staff s WHERE s.contributor_id = c.id)
                        FOR UPDATE""")
                .bind("c", contributorId).bind("name", name).bind("a", articleId).mapTo(Long.class).findOne().isPresent();
    }

    /** The first contributor with this name, in any case. */
    static Optional<Long> named(Handle h, String name) {
        return h.createQuery("SELECT id FROM contributors WHERE lower(name) = lower(:name) ORDER BY id LIMIT 1")
                .bind("name", name).mapTo(Long.class).findOne();
    }

    public static long create(Handle h, String name, boolean desk, String jobTitle, String bio) {
        return create(h, name, desk, jobTitle, bio, null);
    }

    /** Inserts a contributor under a free slug made from the name ("jane-smith", then "jane-smith-2"...). */
    static long create(Handle h, String name, boolean desk, String jobTitle, String bio, Long pictureId) {
        String base = slugBase(name);
        String slug = base;
        for (int n = 2; h.createQuery("SELECT 1 FROM contributors WHERE slug = :s").bind("s", slug).mapTo(Integer.class).findOne().isPresent(); n++) {
            slug = base + "-" + n;
        }
        return h.createQuery("""
                        INSERT INTO contributors (slug, name, kind, job_title, bio, picture_id)
                        VALUES (:slug, :name, :kind, :jobTitle, :bio, :picture) RETURNING id""")
                .bind("slug", slug).bind("name", name).bind("kind", desk ? "desk" : "person")
                .bind("jobTitle", jobTitle).bind("bio", bio).bind("picture", pictureId)
                .mapTo(Long.class).one();
    }

    /** The slug for a name; "contributor" for a name with nothing a slug can keep. */
    static String slugBase(String name) {
        return Slugs.of(name, "contributor");
    }
}
