package broadsheet.moderation;

import broadsheet.comment.CommentEvents;
import broadsheet.comment.CommentNotices;
import broadsheet.comment.CommentPosting;
import broadsheet.shared.AuditLog;
import broadsheet.text.Texts;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What moderators do, each in one transaction with its audit entries: to comments (approve, reject with a reason,
 * feature as an editor's pick, unfeature; one or many at once), and to their writers (warn, suspend for some days,
 * ban, optionally rejecting all their comments, lift a suspension or ban). Acting on a comment resolves its open
 * reports. Each change to what a thread shows is announced in its transaction ({@link CommentNotices}); after the
 * commit, approving tells {@link CommentEvents#published} and featuring {@link CommentEvents#featured}. The counts
 * (an article's comments, a reader's approved and rejected) follow the statuses by themselves (database triggers).
 * Who may do this is the route table's business.
 */
public final class Moderation implements MeterBinder {
    private static final Logger log = LoggerFactory.getLogger(Moderation.class);
    /** Characters of a reason (a rejection, a ban, a suspension). */
    public static final int MAX_REASON = 300;
    /** Characters of a warning. */
    public static final int MAX_WARNING = 500;
    /** The longest suspension, in days. */
    public static final int MAX_SUSPENSION_DAYS = 365;
    /** Comments one bulk action takes. */
    public static final int MAX_BULK = 100;
    /** The rejection reason of comments rejected with their writer's ban. */
    static final String BANNED_WRITER = "its writer was banned";

    private final Jdbi jdbi;
    private final CommentEvents events;
    private final LongAdder approved = new LongAdder();
    private final LongAdder rejected = new LongAdder();

    public Moderation(Jdbi jdbi, CommentEvents events) {
        this.jdbi = jdbi;
        this.events = events;
    }

    /** What can be done to comments. */
    public enum Action {
        APPROVE, REJECT, FEATURE, UNFEATURE;

        /** The action done ("approved"), as the audit log and the pages' notices say it. */
        public String past() {
            return switch (this) {
                case APPROVE -> "approved";
                case REJECT -> "rejected";
                case FEATURE -> "featured";
                case UNFEATURE -> "unfeatured";
            };
        }

        public static java.util.Optional<Action> fromWord(String word) {
            for (Action a : values()) if (a.name().equalsIgnoreCase(word)) return java.util.Optional.of(a);
            return java.util.Optional.empty();
        }
    }

    /** What became of an action. */
    public sealed interface Outcome {
        /** Done; {@code changed} comments or readers changed (0 when all were already so). */
        record Done(int changed) implements Outcome {}

        /** Nothing was done, for the reason given (a sentence for the moderator). */
        record Invalid(String problem) implements Outcome {}

        /** No such comment or reader. */
        record NotFound() implements Outcome {}
    }

    /** The row of a comment an action locks and changes. */
    private record Row(long id, long articleId, Long readerId, String status, boolean featured) {}

    /**
     * Does the action to the comments (which are locked first, so two moderators acting on the same comment take turns);
     * {@code reason} is needed to reject. Comments their writers deleted are left as they are.
     */
    public Outcome act(AuditLog.Actor actor, Action action, List<Long> ids, String reason, Instant now) {
        String why = reason == null ? "" : reason.strip();
        if (ids.isEmpty()) return new Outcome.Invalid("Choose at least one comment.");
        if (ids.size() > MAX_BULK) return new Outcome.Invalid("At most " + MAX_BULK + " comments at once.");
        if (action == Action.REJECT) {
            String problem = reasonProblem(why, "rejecting");
            if (problem != null) return new Outcome.Invalid(problem);
        }
        List<Long> published = new ArrayList<>();
        List<Long> featured = new ArrayList<>();
        Outcome outcome = jdbi.inTransaction(h -> {
            List<Row> rows = h.createQuery("""
                            SELECT id, article_id, reader_id, status, featured_at IS NOT NULL AS featured FROM comments
                            WHERE id = ANY(:ids) ORDER BY id FOR UPDATE""")
                    .bind("ids", ids.toArray(Long[]::new))
                    .map((rs, ctx) -> {
                        long reader = rs.getLong("reader_id");
                        return new Row(rs.getLong("id"), rs.getLong("article_id"), rs.wasNull() ? null : reader, rs.getString("status"),
                                rs.getBoolean("featured"));
                    }).list();
            if (rows.isEmpty()) return new Outcome.NotFound();
            int changed = 0;
            Set<Long> articles = new LinkedHashSet<>();
            for (Row r : rows) {
                if (r.status().equals("deleted")) continue;
                boolean approving = (action == Action.APPROVE || action == Action.FEATURE) && !r.status().equals("approved");
                boolean change = switch (action) {
                    case APPROVE -> approving;
                    case REJECT -> !r.status().equals("rejected");
                    case FEATURE -> approving || !r.featured();
                    case UNFEATURE -> r.featured();
                };
                int resolved = resolveReports(h, actor, r.id(), now);
                if (!change && resolved == 0) continue;
                if (change) {
                    switch (action) {
                        case APPROVE -> h.createUpdate("""
                                        UPDATE comments SET status = 'approved', rejected_reason = NULL, moderated_at = :now, moderated_by = :by
                                        WHERE id = :id""").bind("id", r.id()).bind("now", now).bind("by", actor.staffId()).execute();
                        case REJECT -> h.createUpdate("""
                                        UPDATE comments SET status = 'rejected', rejected_reason = :reason, featured_at = NULL,
                                            moderated_at = :now, moderated_by = :by WHERE id = :id""")
                                .bind("id", r.id()).bind("reason", why).bind("now", now).bind("by", actor.staffId()).execute();
                        case FEATURE -> h.createUpdate("""
                                        UPDATE comments SET status = 'approved', rejected_reason = NULL, featured_at = coalesce(featured_at, :now),
                                            moderated_at = :now, moderated_by = :by WHERE id = :id""")
                                .bind("id", r.id()).bind("now", now).bind("by", actor.staffId()).execute();
                        case UNFEATURE -> h.createUpdate("""
                                        UPDATE comments SET featured_at = NULL, moderated_at = :now, moderated_by = :by WHERE id = :id""")
                                .bind("id", r.id()).bind("now", now).bind("by", actor.staffId()).execute();
                    }
                    changed++;
                    articles.add(r.articleId());
                    if (approving) published.add(r.id());
                    if (action == Action.FEATURE && !r.featured()) featured.add(r.id());
                }
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("article", r.articleId());
                details.put("was", r.status() + (r.featured() ? ", featured" : ""));
                if (action == Action.REJECT) details.put("reason", why);
                if (resolved > 0) details.put("reports resolved", resolved);
                if (!change) details.put("unchanged", true);
                AuditLog.record(h, actor, "comment " + action.past(), "comment " + r.id(), details, now);
            }
            for (long article : articles) CommentNotices.announce(h, article);
            return new Outcome.Done(changed);
        });
        // after the commit: mail and the like must never see a change that was rolled back
        approved.add(published.size());
        if (action == Action.REJECT && outcome instanceof Outcome.Done done) rejected.add(done.changed());
        for (long id : published) tell(() -> events.published(id));
        for (long id : featured) tell(() -> events.featured(id));
        return outcome;
    }

    /** Marks the comment's open reports resolved by this moderator; how many there were. */
    private static int resolveReports(Handle h, AuditLog.Actor actor, long commentId, Instant now) {
        return h.createUpdate("UPDATE comment_reports SET resolved_at = :now, resolved_by = :by WHERE comment_id = :id AND resolved_at IS NULL")
                .bind("now", now).bind("by", actor.staffId()).bind("id", commentId).execute();
    }

    /** Notes a warning the reader sees above the comment form ({@code commenters.last_warning}), and counts it. */
    public Outcome warn(AuditLog.Actor actor, long readerId, String message, Instant now) {
        String text = message == null ? "" : message.strip();
        if (text.isEmpty()) return new Outcome.Invalid("Write the warning the reader will see.");
        if (text.length() > MAX_WARNING) return new Outcome.Invalid("A warning can have at most " + MAX_WARNING + " characters.");
        if (Texts.hasControlBesidesLineBreaks(text)) return new Outcome.Invalid("A warning cannot contain control characters.");
        return onReader(readerId, h -> {
            h.createUpdate("""
                            INSERT INTO commenters (reader_id, warnings, last_warning) VALUES (:id, 1, :text)
                            ON CONFLICT (reader_id) DO UPDATE SET warnings = commenters.warnings + 1, last_warning = excluded.last_warning""")
                    .bind("id", readerId).bind("text", text).execute();
            AuditLog.record(h, actor, "commenter warned", "reader " + readerId, Map.of("warning", text), now);
            return 1;
        });
    }

    /** No comments from the reader for {@code days} days from now (a longer or shorter suspension replaces one running). */
    public Outcome suspend(AuditLog.Actor actor, long readerId, String days, String reason, Instant now) {
        String d = days == null ? "" : days.strip();
        int n = d.matches("[0-9]{1,4}") ? Integer.parseInt(d) : -1;
        if (n < 1 || n > MAX_SUSPENSION_DAYS) return new Outcome.Invalid("Suspend for a whole number of days from 1 to " + MAX_SUSPENSION_DAYS + ".");
        String why = reason == null ? "" : reason.strip();
        String problem = why.isEmpty() ? null : reasonProblem(why, "a suspension");
        if (problem != null) return new Outcome.Invalid(problem);
        Instant until = now.plus(Duration.ofDays(n));
        return onReader(readerId, h -> {
            h.createUpdate("""
                            INSERT INTO commenters (reader_id, suspended_until) VALUES (:id, :until)
                            ON CONFLICT (reader_id) DO UPDATE SET suspended_until = excluded.suspended_until""")
                    .bind("id", readerId).bind("until", until).execute();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("days", n);
            details.put("until", until.toString());
            if (!why.isEmpty()) details.put("reason", why);
            AuditLog.record(h, actor, "commenter suspended", "reader " + readerId, details, now);
            return 1;
        });
    }

    /** No comments from the reader ever (until lifted); with {@code rejectAll}, their shown and held comments are rejected too. */
    public Outcome ban(AuditLog.Actor actor, long readerId, String reason, boolean rejectAll, Instant now) {
        String why = reason == null ? "" : reason.strip();
        String problem = reasonProblem(why, "a ban");
        if (problem != null) return new Outcome.Invalid(problem);
        int[] rejectedWithBan = {0};
        Outcome outcome = onReader(readerId, h -> {
            h.createUpdate("""
                            INSERT INTO commenters (reader_id, banned_at, ban_reason) VALUES (:id, :now, :reason)
                            ON CONFLICT (reader_id) DO UPDATE SET banned_at = excluded.banned_at, ban_reason = excluded.ban_reason""")
                    .bind("id", readerId).bind("now", now).bind("reason", why).execute();
            int rejected = 0;
            if (rejectAll) {
                List<Long> articles = h.createQuery("""
                                UPDATE comments SET status = 'rejected', rejected_reason = :reason, featured_at = NULL,
                                    moderated_at = :now, moderated_by = :by
                                WHERE reader_id = :id AND status IN ('pending', 'approved') RETURNING article_id""")
                        .bind("reason", BANNED_WRITER).bind("now", now).bind("by", actor.staffId()).bind("id", readerId)
                        .mapTo(Long.class).list();
                rejected = articles.size();
                h.createUpdate("""
                                UPDATE comment_reports SET resolved_at = :now, resolved_by = :by
                                WHERE resolved_at IS NULL AND comment_id IN (SELECT id FROM comments WHERE reader_id = :id)""")
                        .bind("now", now).bind("by", actor.staffId()).bind("id", readerId).execute();
                for (long article : new LinkedHashSet<>(articles)) CommentNotices.announce(h, article);
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("reason", why);
            if (rejectAll) details.put("comments rejected", rejected);
            AuditLog.record(h, actor, "commenter banned", "reader " + readerId, details, now);
            rejectedWithBan[0] = rejected;
            return 1;
        });
        if (outcome instanceof Outcome.Done) this.rejected.add(rejectedWithBan[0]);
        return outcome;
    }

    /** Comments moderators approved and rejected here, beside the posting side's figures ({@code broadsheet_comment_events_total}). */
    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("broadsheet.comment.events", approved, LongAdder::sum).description(CommentPosting.EVENTS_HELP)
                .tag("event", "approved").register(registry);
        FunctionCounter.builder("broadsheet.comment.events", rejected, LongAdder::sum).description(CommentPosting.EVENTS_HELP)
                .tag("event", "rejected").register(registry);
    }

    /** Ends the reader's suspension and ban (their rejected comments stay rejected). */
    public Outcome lift(AuditLog.Actor actor, long readerId, Instant now) {
        return onReader(readerId, h -> {
            int changed = h.createUpdate("""
                            UPDATE commenters SET suspended_until = NULL, banned_at = NULL, ban_reason = NULL
                            WHERE reader_id = :id AND (banned_at IS NOT NULL OR suspended_until > :now)""")
                    .bind("id", readerId).bind("now", now).execute();
            if (changed > 0) AuditLog.record(h, actor, "commenter reinstated", "reader " + readerId, Map.of(), now);
            return changed;
        });
    }

    private interface ReaderChange {
        int apply(Handle h);
    }

    /** Runs the change in a transaction, with the reader locked; not found when there is no such reader. */
    private Outcome onReader(long readerId, ReaderChange change) {
        return jdbi.inTransaction(h -> {
            boolean exists = h.createQuery("SELECT true FROM readers WHERE id = :id FOR UPDATE").bind("id", readerId)
                    .mapTo(Boolean.class).findOne().isPresent();
            if (!exists) return new Outcome.NotFound();
            return new Outcome.Done(change.apply(h));
        });
    }

    private static String reasonProblem(String reason, String what) {
        if (reason.isEmpty()) return "Give a reason for " + what + ".";
        if (reason.length() > MAX_REASON) return "A reason can have at most " + MAX_REASON + " characters.";
        if (Texts.hasControl(reason)) return "A reason is one line of text, without control characters.";
        return null;
    }

    private static void tell(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            log.warn("A comment event failed after the change was saved: {}", e.toString());
        }
    }
}
