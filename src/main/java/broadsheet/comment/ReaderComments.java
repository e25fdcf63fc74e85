package broadsheet.comment;

import broadsheet.settings.CommentSettings.OnDeletion;
import broadsheet.settings.SettingsStore;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * One reader's comments as their account sees them: what "download my data" holds of them, and what deleting the
 * account leaves of them, as the paper's setting says ({@link OnDeletion}): kept and shown as by a deleted reader,
 * or removed (a removed comment that has replies stays, emptied, as a deleted comment, so its replies keep their
 * place).
 */
public final class ReaderComments {
    /** The name a deleted reader's comments show. */
    public static final String DELETED_READER = "Deleted reader";
    /**
     * The text a removed comment with replies keeps, because a comment's text may not be empty; a deleted comment's
     * text is never shown.
     */
    static final String REMOVED = "(removed with the writer's account)";
    private final Jdbi jdbi;

    public ReaderComments(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * In the transaction that deletes the reader, before their row goes: their comments are anonymised or removed
     * as the paper's settings now say, and the threads that change are announced. (Their recommendations and
     * their commenter's record go with the row; their reports stay, without them.)
     */
    public static void beforeDeletion(Handle h, long readerId) {
        OnDeletion what = SettingsStore.read(h).comments().onDeletion();
        var articles = new TreeSet<Long>();
        if (what == OnDeletion.REMOVE) {
            // leaves first, again and again, so a chain of the reader's own replies goes whole
            while (true) {
                List<Long> gone = h.createQuery("""
                                DELETE FROM comments c WHERE c.reader_id = :r AND NOT EXISTS (SELECT 1 FROM comments x WHERE x.parent_id = c.id)
                                RETURNING article_id""")
                        .bind("r", readerId).mapTo(Long.class).list();
                if (gone.isEmpty()) break;
                articles.addAll(gone);
            }
            articles.addAll(h.createQuery("""
                            UPDATE comments SET status = 'deleted', body = :removed, body_html = :removedHtml, author_name = :name,
                                   featured_at = NULL
                            WHERE reader_id = :r RETURNING article_id""")
                    .bind("removed", REMOVED).bind("removedHtml", CommentText.html(REMOVED)).bind("name", DELETED_READER)
                    .bind("r", readerId).mapTo(Long.class).list());
        } else {
            // reader_id becomes NULL as the row goes (ON DELETE SET NULL)
            articles.addAll(h.createQuery("UPDATE comments SET author_name = :name WHERE reader_id = :r RETURNING article_id")
                    .bind("name", DELETED_READER).bind("r", readerId).mapTo(Long.class).list());
        }
        for (long article : articles) CommentNotices.announce(h, article);
    }

    /** What "download my data" holds of the reader's comments: each comment, what they recommended and reported, their record. */
    public Map<String, Object> of(long readerId) {
        return jdbi.withHandle(h -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("written", h.createQuery("""
                            SELECT c.id, c.parent_id, a.headline, a.path, c.body, c.status, c.held_reason, c.rejected_reason,
                                   c.featured_at, c.recommendations, c.created_at, c.edited_at
                            FROM comments c JOIN articles a ON a.id = c.article_id
                            WHERE c.reader_id = :r ORDER BY c.created_at, c.id""")
                    .bind("r", readerId).map((rs, ctx) -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("id", rs.getLong("id"));
                        m.put("inReplyTo", rs.getObject("parent_id"));
                        m.put("article", rs.getString("headline"));
                        m.put("address", rs.getString("path"));
                        m.put("text", rs.getString("body"));
                        m.put("status", rs.getString("status"));
                        m.put("heldBecause", rs.getString("held_reason"));
                        m.put("rejectedBecause", rs.getString("rejected_reason"));
                        m.put("editorsPickAt", time(rs.getObject("featured_at", OffsetDateTime.class)));
                        m.put("recommendations", rs.getInt("recommendations"));
                        m.put("postedAt", time(rs.getObject("created_at", OffsetDateTime.class)));
                        m.put("editedAt", time(rs.getObject("edited_at", OffsetDateTime.class)));
                        return m;
                    }).list());
            out.put("recommended", h.createQuery("SELECT comment_id, at FROM comment_recommendations WHERE reader_id = :r ORDER BY at, comment_id")
                    .bind("r", readerId).map((rs, ctx) -> Map.of("comment", rs.getLong(1), "at", time(rs.getObject(2, OffsetDateTime.class))))
                    .list());
            out.put("reported", h.createQuery("SELECT comment_id, reason, details, created_at FROM comment_reports WHERE reader_id = :r ORDER BY created_at, id")
                    .bind("r", readerId).map((rs, ctx) -> Map.of("comment", rs.getLong(1), "reason", rs.getString(2), "details", rs.getString(3),
                            "at", time(rs.getObject(4, OffsetDateTime.class)))).list());
            out.put("record", h.createQuery("""
                            SELECT approved, rejected, warnings, last_warning, suspended_until, banned_at, ban_reason, notify
                            FROM commenters WHERE reader_id = :r""")
                    .bind("r", readerId).map((rs, ctx) -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("approved", rs.getInt("approved"));
                        m.put("rejected", rs.getInt("rejected"));
                        m.put("warnings", rs.getInt("warnings"));
                        m.put("lastWarning", rs.getString("last_warning"));
                        m.put("suspendedUntil", time(rs.getObject("suspended_until", OffsetDateTime.class)));
                        m.put("bannedAt", time(rs.getObject("banned_at", OffsetDateTime.class)));
                        m.put("banReason", rs.getString("ban_reason"));
                        m.put("mailAboutReplies", rs.getBoolean("notify"));
                        return m;
                    }).findOne().orElse(null));
            return out;
        });
    }

    private static String time(OffsetDateTime t) {
        return t == null ? null : t.toInstant().toString();
    }
}
