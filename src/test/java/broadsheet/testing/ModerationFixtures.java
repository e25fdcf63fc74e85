package broadsheet.testing;

import java.time.Instant;
import java.util.List;

/**
 * Comments for the moderation tests, written straight into the tables of V170 with plain SQL (as posting will write
 * them): published articles to hang them on, comments in any status, reports, and the word lists. The counts the
 * triggers keep follow by themselves.
 */
public final class ModerationFixtures {
    private ModerationFixtures() {}

    /** A published article in "World news" (the section is made when missing), with comments open; its id. */
    public static long article(String headline, String slug) {
        return TestDatabase.jdbi().withHandle(h -> {
            h.execute("INSERT INTO sections (slug, name, description, position) VALUES ('world-news', 'World news', '', 1) ON CONFLICT DO NOTHING");
            return h.createQuery("""
                            INSERT INTO articles (section_id, slug, path, headline, status, first_published_at, created_at, modified_at)
                            VALUES ((SELECT id FROM sections WHERE slug = 'world-news'), :slug, '/world-news/2025/12/07/' || :slug || '/',
                                    :headline, 'published', :at, :at, :at)
                            RETURNING id""")
                    .bind("slug", slug).bind("headline", headline).bind("at", TestApp.NOW.minusSeconds(3600)).mapTo(Long.class).one();
        });
    }

    /** A confirmed reader; their id. */
    public static long reader(String email, String name) {
        return Readers.reader(email, name, true);
    }

    /** A top-level comment by the reader (null: a deleted reader) in this status ('pending' needs a held reason); its id. */
    public static long comment(long articleId, Long readerId, String author, String body, String status, String heldReason, Instant at) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery("""
                        WITH n AS (SELECT nextval(pg_get_serial_sequence('comments', 'id')) AS id)
                        INSERT INTO comments (id, article_id, reader_id, root_id, depth, author_name, body, status, held_reason, created_at)
                        OVERRIDING SYSTEM VALUE
                        SELECT n.id, :article, :reader, n.id, 0, :author, :body, :status, :held, :at FROM n
                        RETURNING id""")
                .bind("article", articleId).bind("reader", readerId).bind("author", author).bind("body", body).bind("status", status)
                .bind("held", heldReason).bind("at", at).mapTo(Long.class).one());
    }

    /** A comment held for this reason. */
    public static long held(long articleId, long readerId, String author, String body, String reason, Instant at) {
        return comment(articleId, readerId, author, body, "pending", reason, at);
    }

    /** A comment that shows. */
    public static long approved(long articleId, long readerId, String author, String body, Instant at) {
        return comment(articleId, readerId, author, body, "approved", null, at);
    }

    /** A reader's open report of a comment. */
    public static void report(long commentId, long readerId, String reason, String details, Instant at) {
        TestDatabase.jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO comment_reports (comment_id, reader_id, reason, details, created_at) VALUES (:c, :r, :reason, :details, :at)""")
                .bind("c", commentId).bind("r", readerId).bind("reason", reason).bind("details", details).bind("at", at).execute());
    }

    /** Stores word lists as given. */
    public static void words(List<String> banned, List<String> suspect) {
        TestDatabase.jdbi().useHandle(h -> {
            for (String w : banned) h.execute("INSERT INTO comment_words (word, kind, added_at) VALUES (?, 'banned', now())", w);
            for (String w : suspect) h.execute("INSERT INTO comment_words (word, kind, added_at) VALUES (?, 'suspect', now())", w);
        });
    }

    /** The article's count of shown comments, as the trigger keeps it. */
    public static long commentCount(long articleId) {
        return Desk.count("SELECT comment_count FROM articles WHERE id = ?", articleId);
    }

    public static String status(long commentId) {
        return Desk.strings("SELECT status FROM comments WHERE id = ?", commentId).get(0);
    }
}
