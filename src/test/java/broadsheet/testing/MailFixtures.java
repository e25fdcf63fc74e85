package broadsheet.testing;

import java.time.Instant;

/**
 * Comments for the tests of comment mails and account deletion, written straight into the database as posting
 * would leave them, so those tests need no posting pages.
 */
public final class MailFixtures {
    private MailFixtures() {}

    /** Stores a published article (world news, at {@link TestApp#NOW} less an hour); returns its id. */
    public static long article(TestApp app, String headline) {
        app.fixtures().store(TestApp.NOW, Fixtures.article(headline, "world-news", TestApp.NOW.minusSeconds(3600)));
        return TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT id FROM articles WHERE headline = :h").bind("h", headline)
                .mapTo(Long.class).one());
    }

    /** The public address of an article. */
    public static String path(long articleId) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT path FROM articles WHERE id = :id").bind("id", articleId)
                .mapTo(String.class).one());
    }

    /** An approved top-level comment by a reader (or by nobody: a deleted reader's); returns its id. */
    public static long comment(long articleId, Long readerId, String name, String body) {
        return insert(articleId, readerId, name, body, null, "approved");
    }

    /** An approved reply to {@code parent}; returns its id. */
    public static long reply(long parent, Long readerId, String name, String body) {
        long article = TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT article_id FROM comments WHERE id = :id").bind("id", parent)
                .mapTo(Long.class).one());
        return insert(article, readerId, name, body, parent, "approved");
    }

    /** Any comment: its thread's root and its depth follow from {@code parent} (null: top level). */
    public static long insert(long articleId, Long readerId, String name, String body, Long parent, String status) {
        Instant at = TestApp.NOW;
        return TestDatabase.jdbi().inTransaction(h -> {
            // the root is checked at commit, so a top-level comment can name itself once its id is known
            long id = h.createQuery("""
                            INSERT INTO comments (article_id, reader_id, parent_id, root_id, depth, author_name, body, status, held_reason, created_at)
                            SELECT :article, :reader, :parent, coalesce(p.root_id, 0), CASE WHEN p.id IS NULL THEN 0 ELSE least(p.depth + 1, 2) END, :name, :body, :status,
                                   CASE WHEN :status = 'pending' THEN 'held by a test' END, :at
                            FROM (SELECT 1) one LEFT JOIN comments p ON p.id = :parent
                            RETURNING id""")
                    .bind("article", articleId).bind("reader", readerId).bind("parent", parent).bind("name", name).bind("body", body)
                    .bind("status", status).bind("at", at).mapTo(Long.class).one();
            if (parent == null) h.execute("UPDATE comments SET root_id = id WHERE id = ?", id);
            return id;
        });
    }

    /** Makes a comment an editor's pick. */
    public static void feature(long commentId) {
        TestDatabase.jdbi().useHandle(h -> h.execute("UPDATE comments SET featured_at = ? WHERE id = ?", TestApp.NOW, commentId));
    }

    /** The paper's setting for a deleted reader's comments: {@code anonymise} or {@code remove}. */
    public static void onDeletion(String word) {
        TestDatabase.jdbi().useHandle(h -> h.execute("""
                INSERT INTO site_settings (id, comments_on_deletion) VALUES (true, ?)
                ON CONFLICT (id) DO UPDATE SET comments_on_deletion = excluded.comments_on_deletion""", word));
    }
}
