package broadsheet.moderation;

import broadsheet.comment.CommentNotices;
import broadsheet.comment.CommentState;
import broadsheet.content.CommentPolicy;
import broadsheet.settings.CommentSettings;
import broadsheet.editing.NewVersion;
import broadsheet.shared.AuditLog;
import broadsheet.storage.Rows;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * An article's comments as moderators control them: closing and reopening (its comment policy, closed or open) and
 * the days after publication when they close by themselves (its own number, or the paper's). Each change is audited
 * and announced as a change of the article's thread, in one transaction. The article's other fields, and turning
 * comments off, stay the editor's.
 */
public final class ArticleComments {
    private final Jdbi jdbi;

    public ArticleComments(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** An article's comment controls and counts. {@code closeDays} null: the paper's number applies. */
    public record Controls(long id, String headline, String path, String status, CommentPolicy policy, Integer closeDays,
                           Instant firstPublishedAt, int approved, int pending) {
        public CommentState state(CommentSettings rules, Instant now) {
            return CommentState.of(policy, firstPublishedAt, closeDays, rules.closeDays(), now);
        }
    }

    /** What became of a change. */
    public sealed interface Outcome {
        record Done(boolean changed) implements Outcome {}

        record Invalid(String field, String problem) implements Outcome {}

        record NotFound() implements Outcome {}
    }

    public Optional<Controls> find(long articleId) {
        return jdbi.withHandle(h -> find(h, articleId, false));
    }

    private static Optional<Controls> find(Handle h, long articleId, boolean lock) {
        return h.createQuery("""
                        SELECT a.id, a.headline, a.path, a.status, a.comment_policy, a.comments_close_days, a.first_published_at,
                               a.comment_count, (SELECT count(*) FROM comments c WHERE c.article_id = a.id AND c.status = 'pending') AS pending
                        FROM articles a WHERE a.id = :id""" + (lock ? " FOR UPDATE" : ""))
                .bind("id", articleId)
                .map((rs, ctx) -> {
                    int days = rs.getInt("comments_close_days");
                    Integer closeDays = rs.wasNull() ? null : days;
                    return new Controls(rs.getLong("id"), rs.getString("headline"), rs.getString("path"), rs.getString("status"),
                            CommentPolicy.fromWord(rs.getString("comment_policy")).orElse(CommentPolicy.OPEN), closeDays,
                            Rows.instant(rs, "first_published_at"), rs.getInt("comment_count"), rs.getInt("pending"));
                }).findOne();
    }

    /**
     * Closes the article's comments, or reopens them. Reopening an article whose comments closed by themselves (by age)
     * also sets its own close-after days to 0 (never), or they would stay closed.
     */
    public Outcome setOpen(AuditLog.Actor actor, long articleId, boolean open, CommentSettings rules, Instant now) {
        return jdbi.inTransaction(h -> {
            var found = find(h, articleId, true);
            if (found.isEmpty()) return new Outcome.NotFound();
            Controls c = found.get();
            if (c.policy() == CommentPolicy.OFF) {
                return new Outcome.Invalid("policy", "Comments are off for this article: the editor turns them on in the article's form.");
            }
            CommentPolicy policy = open ? (c.policy() == CommentPolicy.PREMODERATED ? CommentPolicy.PREMODERATED : CommentPolicy.OPEN)
                    : CommentPolicy.CLOSED;
            Integer days = c.closeDays();
            if (open && c.state(rules, now) == CommentState.CLOSED && new Controls(c.id(), c.headline(), c.path(), c.status(), policy,
                    days, c.firstPublishedAt(), 0, 0).state(rules, now) == CommentState.CLOSED) {
                days = 0;
            }
            if (policy == c.policy() && java.util.Objects.equals(days, c.closeDays())) return new Outcome.Done(false);
            h.createUpdate("UPDATE articles SET comment_policy = :policy, comments_close_days = :days WHERE id = :id")
                    .bind("policy", policy.word()).bind("days", days).bind("id", articleId).execute();
            NewVersion.record(h, articleId, actor, open ? "comments reopened" : "comments closed", now);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("policy", c.policy().word() + " → " + policy.word());
            if (!java.util.Objects.equals(days, c.closeDays())) details.put("close after days", days(c.closeDays()) + " → " + days(days));
            AuditLog.record(h, actor, open ? "comments reopened" : "comments closed", "article " + articleId, details, now);
            CommentNotices.announce(h, articleId);
            return new Outcome.Done(true);
        });
    }

    /** Sets the article's own close-after days ({@code text} empty: follow the paper's setting again). */
    public Outcome setCloseDays(AuditLog.Actor actor, long articleId, String text, Instant now) {
        String t = text == null ? "" : text.strip();
        Integer days = null;
        if (!t.isEmpty()) {
            days = t.matches("[0-9]{1,4}") ? Integer.parseInt(t) : -1;
            if (days < 0 || days > CommentSettings.MAX_CLOSE_DAYS) {
                return new Outcome.Invalid("closeDays", "A whole number of days from 0 (never) to " + CommentSettings.MAX_CLOSE_DAYS
                        + ", or empty to follow the paper's setting.");
            }
        }
        Integer wanted = days;
        return jdbi.inTransaction(h -> {
            var found = find(h, articleId, true);
            if (found.isEmpty()) return new Outcome.NotFound();
            Controls c = found.get();
            if (java.util.Objects.equals(wanted, c.closeDays())) return new Outcome.Done(false);
            h.createUpdate("UPDATE articles SET comments_close_days = :days WHERE id = :id").bind("days", wanted).bind("id", articleId).execute();
            NewVersion.record(h, articleId, actor, "comments close days changed", now);
            AuditLog.record(h, actor, "comments close days changed", "article " + articleId,
                    Map.of("close after days", days(c.closeDays()) + " → " + days(wanted)), now);
            CommentNotices.announce(h, articleId);
            return new Outcome.Done(true);
        });
    }

    private static String days(Integer d) {
        return d == null ? "the paper's setting" : d == 0 ? "never" : String.valueOf(d);
    }
}
