package broadsheet.topic;

import broadsheet.article.ArticleOwner;
import broadsheet.content.ContentRows;
import broadsheet.content.Topic;
import broadsheet.shared.Page;
import broadsheet.text.Slugs;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * SQL for the {@code topics} table as the site and the editor use it: topics by address, the topic an
 * earlier address leads to, and {@link #ensure} for names typed in the editor or named by an import.
 * Changing, merging and deleting topics is {@link TopicEditing}'s and {@link TopicMerge}'s.
 */
public final class TopicStore {
    private static final int ENSURE_ATTEMPTS = 5;
    /**
     * The condition on {@code topics t} that readers may see it: a published article has it (its link row carries a
     * publication time only while the article is published): one probe of {@code article_topics_listing_idx}.
     */
    static final String PUBLIC = "EXISTS (SELECT 1 FROM article_topics x WHERE x.topic_id = t.id AND x.published_at IS NOT NULL)";
    /**
     * The condition on {@code topics t} that someone who sees only their own articles (a contributor) may see
     * it: it is public, or an article of theirs ({@link ArticleOwner}, whose named parameters it binds) has it.
     */
    public static final String SEEN_BY_OWNER = "(" + PUBLIC + " OR EXISTS (SELECT 1 FROM article_topics o JOIN articles a ON a.id = o.article_id"
            + " WHERE o.topic_id = t.id AND " + ArticleOwner.condition("a") + "))";
    /** A page of the public topics by name: a walk of the name index {@code topics_name_key} that stops after {@code :limit} rows. */
    static final String PUBLIC_LIST = "SELECT t.* FROM topics t WHERE <public> ORDER BY lower(t.name) LIMIT :limit OFFSET :offset";
    private final Jdbi jdbi;

    public TopicStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * The topic at this slug and whether readers may see it (see {@link #isPublic}), in one statement: a topic's page
     * asks both on every request.
     */
    public Optional<Shown> bySlugShown(String slug) {
        return jdbi.withHandle(h -> h.createQuery("SELECT t.*, <public> AS is_public FROM topics t WHERE t.slug = :slug")
                .define("public", PUBLIC).bind("slug", slug)
                .map((rs, ctx) -> new Shown(ContentRows.TOPIC.map(rs, ctx), rs.getBoolean("is_public"))).findOne());
    }

    /** A topic, and whether readers may see it. */
    public record Shown(Topic topic, boolean isPublic) {}

    public Optional<Topic> bySlug(String slug) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM topics WHERE slug = :slug")
                .bind("slug", slug).map(ContentRows.TOPIC).findOne());
    }

    public Optional<Topic> byId(long id) {
        return jdbi.withHandle(h -> byId(h, id));
    }

    static Optional<Topic> byId(Handle h, long id) {
        return h.createQuery("SELECT * FROM topics WHERE id = :id").bind("id", id).map(ContentRows.TOPIC).findOne();
    }

    /** The topic an earlier address (of a topic renamed or merged away) now leads to. */
    public Optional<Topic> movedFrom(String slug) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT t.* FROM topic_redirects r JOIN topics t ON t.id = r.topic_id WHERE r.slug = :slug""")
                .bind("slug", slug).map(ContentRows.TOPIC).findOne());
    }

    /** A topic by its address, or by an earlier address of it. */
    public Optional<Topic> bySlugOrEarlier(String slug) {
        return bySlug(slug).or(() -> movedFrom(slug));
    }

    /**
     * One page of the topics readers may see (see {@link #published()}), by name, read one beyond the page
     * instead of counted: a walk of the name index that stops after the page.
     */
    public Page<Topic> publicPage(int number, int size) {
        return Page.readAhead(jdbi.withHandle(h -> h.createQuery(PUBLIC_LIST).define("public", PUBLIC).bind("limit", size + 1).bind("offset", (long) (number - 1) * size)
                .map(ContentRows.TOPIC).list()), number, size);
    }

    /** Every topic, published or not (the newsroom's filters). */
    public List<Topic> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM topics ORDER BY lower(name)").map(ContentRows.TOPIC).list());
    }

    /**
     * The topics a person who sees only their own articles may see, by name: the public ones and those of
     * their own articles ({@link #SEEN_BY_OWNER}). Others' drafts could give a story away.
     */
    public List<Topic> seenByOwner(ArticleOwner owner) {
        return jdbi.withHandle(h -> ArticleOwner.bind(h.createQuery("SELECT t.* FROM topics t WHERE <seen> ORDER BY lower(t.name)")
                .define("seen", SEEN_BY_OWNER), owner).map(ContentRows.TOPIC).list());
    }

    /**
     * The topics readers may see, by name: those at least one published article has. A topic named only by
     * drafts stays private, since its name can give away a story before it is published.
     */
    public List<Topic> published() {
        return jdbi.withHandle(h -> h.createQuery("SELECT t.* FROM topics t WHERE <public> ORDER BY lower(t.name)")
                .define("public", PUBLIC).map(ContentRows.TOPIC).list());
    }

    /** Whether readers may see the topic: a published article has it (see {@link #published()}). */
    public boolean isPublic(long topicId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT <public> FROM topics t WHERE t.id = :id").define("public", PUBLIC)
                .bind("id", topicId).mapTo(Boolean.class).findOne().orElse(false));
    }

    /**
     * The topic with this name (any case): the topic of that name; else the topic that a topic of that name
     * was merged into; else a new topic with a fresh slug. Two saves creating the same new name at once get
     * the same topic, and a save racing a merge of the topic it names ends up with the kept topic.
     */
    public static long ensure(Handle h, String name, String description) {
        for (int attempt = 0; attempt < ENSURE_ATTEMPTS; attempt++) {
            Optional<Long> existing = named(h, name);
            if (existing.isPresent()) return existing.get();
            Optional<Long> created = h.createQuery("""
                            INSERT INTO topics (slug, name, description) VALUES (:slug, :name, :description)
                            ON CONFLICT DO NOTHING RETURNING id""")
                    .bind("slug", freeSlug(h, Slugs.of(name, "topic"))).bind("name", name).bind("description", description)
                    .mapTo(Long.class).findOne();
            if (created.isPresent()) return created.get();
            // another transaction took the name or the slug meanwhile (and has committed): look again
        }
        throw new IllegalStateException("Could not find or create the topic \"" + name + "\"");
    }

    /**
     * The topic this name means, share-locked so that it cannot be merged away or deleted before the caller's
     * transaction ends; a merge or deletion already under way is waited for, and then the name is looked up again.
     */
    private static Optional<Long> named(Handle h, String name) {
        for (int attempt = 0; attempt < ENSURE_ATTEMPTS; attempt++) {
            Optional<Long> topic = h.createQuery("SELECT id FROM topics WHERE lower(name) = lower(:name) FOR KEY SHARE")
                    .bind("name", name).mapTo(Long.class).findOne();
            if (topic.isPresent()) return topic;
            Optional<Long> kept = h.createQuery("SELECT topic_id FROM topic_redirects WHERE lower(name) = lower(:name)")
                    .bind("name", name).mapTo(Long.class).findOne();
            if (kept.isEmpty()) return Optional.empty();
            Optional<Long> locked = h.createQuery("SELECT id FROM topics WHERE id = :id FOR KEY SHARE")
                    .bind("id", kept.get()).mapTo(Long.class).findOne();
            if (locked.isPresent()) return locked;
            // the kept topic was itself merged away just now: its names point elsewhere; read them again
        }
        throw new IllegalStateException("The topic \"" + name + "\" kept moving");
    }

    /** The slug, or the slug with "-2", "-3"... when a topic has it or had it earlier. */
    static String freeSlug(Handle h, String base) {
        String slug = base;
        for (int n = 2; slugTaken(h, slug); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    private static boolean slugTaken(Handle h, String slug) {
        return h.createQuery("""
                        SELECT EXISTS (SELECT 1 FROM topics WHERE slug = :s) OR EXISTS (SELECT 1 FROM topic_redirects WHERE slug = :s)""")
                .bind("s", slug).mapTo(Boolean.class).one();
    }
}
