package broadsheet.testing;

import broadsheet.content.CommentPolicy;
import java.time.Instant;

/**
 * Comment threads for tests, made directly in the test database (plain SQL against {@code V170__comments.sql}):
 * articles with a comment policy, comments and replies, whole threads of thousands, subscribers, bans and suspensions.
 */
public final class ThreadsFixtures {
    private ThreadsFixtures() {}

    /** A published article (an hour before {@link TestApp#NOW}) with this comment policy; returns its id. */
    public static long article(TestApp app, String slug, CommentPolicy policy) {
        return article(app, slug, policy, broadsheet.content.AccessLevel.FREE);
    }

    /** As {@link #article(TestApp, String, CommentPolicy)}, readable by {@code access}. */
    public static long article(TestApp app, String slug, CommentPolicy policy, broadsheet.content.AccessLevel access) {
        app.fixtures().store(TestApp.NOW, Fixtures.story("Story " + slug).slug(slug).access(access).build());
        return TestDatabase.jdbi().withHandle(h -> h.createQuery("UPDATE articles SET comment_policy = :policy WHERE slug = :slug RETURNING id")
                .bind("policy", policy.word()).bind("slug", slug).mapTo(Long.class).one());
    }

    /** The article's address. */
    public static String path(long articleId) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT path FROM articles WHERE id = :id").bind("id", articleId)
                .mapTo(String.class).one());
    }

    /** A comment (a reply when {@code parent} is not null) with this status; returns its id. */
    public static long comment(long articleId, Long readerId, Long parent, String name, String body, String status, Instant at) {
        return TestDatabase.jdbi().inTransaction(h -> {
            long id = h.createQuery("""
                            INSERT INTO comments (article_id, reader_id, parent_id, root_id, depth, author_name, body, status, held_reason, created_at)
                            SELECT :article, :reader, p.id, coalesce(p.root_id, 0), CASE WHEN p.id IS NULL THEN 0 ELSE least(p.depth + 1, 2) END,
                                   :name, :body, :status, CASE WHEN :status = 'pending' THEN 'test' END, :at
                            FROM (SELECT 1) one LEFT JOIN comments p ON p.id = :parent RETURNING id""")
                    .bind("article", articleId).bind("reader", readerId).bind("parent", parent).bind("name", name).bind("body", body)
                    .bind("status", status).bind("at", at).mapTo(Long.class).one();
            h.createUpdate("UPDATE comments SET root_id = id WHERE id = :id AND parent_id IS NULL").bind("id", id).execute();
            return id;
        });
    }

    /** An approved comment. */
    public static long comment(long articleId, Long readerId, String body, Instant at) {
        return comment(articleId, readerId, null, "Writer " + (readerId == null ? "gone" : readerId), body, "approved", at);
    }

    /** {@code tops} approved top-level comments a second apart before {@code newest}, each with {@code replies} replies. */
    public static void bulk(long articleId, long readerId, int tops, int replies, Instant newest) {
        TestDatabase.jdbi().useTransaction(h -> {
            h.createUpdate("""
                            INSERT INTO comments (article_id, reader_id, root_id, depth, author_name, body, status, recommendations, created_at)
                            SELECT :article, :reader, 0, 0, 'Bulk writer', 'Comment number ' || n, 'approved', n % 97,
                                   CAST(:newest AS timestamptz) - make_interval(secs => n * 10)
                            FROM generate_series(1, :tops) n""")
                    .bind("article", articleId).bind("reader", readerId).bind("tops", tops).bind("newest", newest).execute();
            h.execute("UPDATE comments SET root_id = id WHERE parent_id IS NULL AND root_id = 0");
            h.createUpdate("""
                            INSERT INTO comments (article_id, reader_id, parent_id, root_id, depth, author_name, body, status, created_at)
                            SELECT c.article_id, :reader, c.id, c.id, 1, 'Bulk replier', 'Reply ' || n || ' to ' || c.id, 'approved',
                                   c.created_at + make_interval(secs => n)
                            FROM comments c, generate_series(1, :replies) n WHERE c.article_id = :article AND c.parent_id IS NULL""")
                    .bind("article", articleId).bind("reader", readerId).bind("replies", replies).execute();
            h.execute("ANALYZE comments");
        });
    }

    /** Gives the reader complimentary access (a subscriber, for "who may comment") around {@link TestApp#NOW}. */
    public static void subscriber(long readerId) {
        TestDatabase.jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO complimentary_access (reader_id, granted_by_name, starts_at, ends_at, created_at)
                        VALUES (:reader, 'Test', :from, :until, :from)""")
                .bind("reader", readerId).bind("from", TestApp.NOW.minusSeconds(86_400 * 30)).bind("until", TestApp.NOW.plusSeconds(86_400 * 30))
                .execute());
    }

    /**
     * Gives the reader a record of {@code approved} approved comments, so the moderation pipeline lets their comments
     * (and links) up at once rather than holding a new reader's first ones.
     */
    public static void trusted(long readerId, int approved) {
        TestDatabase.jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO commenters (reader_id, approved) VALUES (:reader, :approved)
                        ON CONFLICT (reader_id) DO UPDATE SET approved = :approved""")
                .bind("reader", readerId).bind("approved", approved).execute());
    }

    /** {@link #trusted(long, int)} for the reader with this address. */
    public static void trusted(String email) {
        trusted(TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT id FROM readers WHERE lower(email) = lower(:email)")
                .bind("email", email).mapTo(Long.class).one()), 10);
    }

    /** A reader with a subscription and a record of approved comments: what they post goes up at once. */
    public static long trustedSubscriber(long readerId) {
        subscriber(readerId);
        trusted(readerId, 10);
        return readerId;
    }

    public static void ban(long readerId, String reason) {
        TestDatabase.jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO commenters (reader_id, banned_at, ban_reason) VALUES (:reader, :now, :reason)
                        ON CONFLICT (reader_id) DO UPDATE SET banned_at = :now, ban_reason = :reason""")
                .bind("reader", readerId).bind("now", TestApp.NOW.minusSeconds(60)).bind("reason", reason).execute());
    }

    public static void suspend(long readerId, Instant until) {
        TestDatabase.jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO commenters (reader_id, suspended_until) VALUES (:reader, :until)
                        ON CONFLICT (reader_id) DO UPDATE SET suspended_until = :until""")
                .bind("reader", readerId).bind("until", until).execute());
    }

    /** Changes the paper's settings ({@code "comments_who = 'readers'"}) and has the app read them again. */
    public static void settings(TestApp app, String set) {
        TestDatabase.jdbi().useHandle(h -> {
            h.execute("INSERT INTO site_settings DEFAULT VALUES ON CONFLICT DO NOTHING");
            h.execute("UPDATE site_settings SET " + set);
        });
        app.app().contentChanged();
    }

    public static int count(String sql) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    public static long readerId(String email) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT id FROM readers WHERE email = :e").bind("e", email).mapTo(Long.class).one());
    }
}
