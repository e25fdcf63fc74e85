package broadsheet.comment;

import broadsheet.content.CommentPolicy;
import broadsheet.settings.CommentSettings;
import broadsheet.storage.Rows;
import broadsheet.text.Texts;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A reader's part in a thread: posting a comment or reply, editing and deleting their own, recommending and reporting
 * others'. Who may comment is decided here (the paper's setting: any reader, or subscribers, staff always); what
 * becomes of a new comment is the injected {@link Screening}'s decision (approve, hold, reject), taken inside the
 * one transaction that stores it, under a lock per reader so two posts at once cannot both slip under a rate limit.
 * Every change that alters what a thread shows announces it ({@link CommentNotices}); after a comment goes up,
 * {@link CommentEvents#published} is told. Does not moderate: approving held comments, picks and bans are the
 * moderation feature's.
 */
public final class CommentPosting implements MeterBinder {
    /** The help text of {@code broadsheet_comment_events_total}, which moderation counts in too. */
    public static final String EVENTS_HELP = "Comments by what became of them on this instance: posted (shown at once), held (for a "
            + "moderator), refused (not kept: closed, not allowed or screened out), reported (a reader's report), approved and "
            + "rejected (by a moderator)";
    /** The key space of the per-reader advisory locks (the second key is the reader). */
    private static final int LOCK_SPACE = 0x636d6e74; // "cmnt"
    private final Jdbi jdbi;
    private final Supplier<CommentSettings> rules;
    private final BiPredicate<Long, Instant> entitled;
    private final Screening screening;
    private final CommentEvents events;
    private final LongAdder posted = new LongAdder();
    private final LongAdder held = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder reported = new LongAdder();

    /**
     * @param rules     the paper's comment settings now
     * @param entitled  whether a reader has a subscription (or complimentary access) at a time
     * @param screening what decides about each new comment (the moderation pipeline)
     * @param events    told after a comment goes up (the reply mails)
     */
    public CommentPosting(Jdbi jdbi, Supplier<CommentSettings> rules, BiPredicate<Long, Instant> entitled, Screening screening,
                          CommentEvents events) {
        this.jdbi = jdbi;
        this.rules = rules;
        this.entitled = entitled;
        this.screening = screening;
        this.events = events;
    }

    /** Why a signed-in reader may not comment anywhere now. */
    public sealed interface Barred {
        /** Comments are for subscribers. */
        record NotSubscriber() implements Barred {}

        record Banned(String reason) implements Barred {}

        record Suspended(Instant until) implements Barred {}
    }

    /** Why this reader may not comment now, or empty when they may (an article's own state aside). */
    public Optional<Barred> barred(long readerId, Instant now) {
        return barred(readerId, now, Optional.empty());
    }

    /**
     * As {@link #barred(long, Instant)}; {@code entitled}, when present, is the reader's subscription as it was found
     * a moment ago on the same request (the article page's paywall asks first), so it is not asked again.
     */
    public Optional<Barred> barred(long readerId, Instant now, Optional<Boolean> entitled) {
        Standing standing = jdbi.withHandle(h -> standing(h, readerId));
        if (standing.banned()) return Optional.of(new Barred.Banned(standing.banReason()));
        if (standing.suspended(now)) return Optional.of(new Barred.Suspended(standing.suspendedUntil()));
        if (rules.get().who() == CommentSettings.Who.SUBSCRIBERS && !entitled.orElseGet(() -> this.entitled.test(readerId, now))
                && !jdbi.withHandle(h -> staff(h, readerId))) {
            return Optional.of(new Barred.NotSubscriber());
        }
        return Optional.empty();
    }

    /** What became of a comment sent. */
    public sealed interface Posted {
        /** It shows now. */
        record Up(Comment comment, String articlePath) implements Posted {}

        /** It waits for a moderator; it shows to its writer as "awaiting moderation". */
        record Held(Comment comment, String articlePath) implements Posted {}

        /** Nothing was kept; {@code message} says why, for the reader, who gets their text back. */
        record Refused(String message) implements Posted {}
    }

    /** Posts a comment on an article, or a reply to {@code parentId} (null for a top-level comment). */
    public Posted post(long readerId, long articleId, Long parentId, String raw, Instant now) {
        String body = CommentText.normalise(raw);
        Optional<String> problem = CommentText.problem(body);
        if (problem.isPresent()) {
            refused.increment();
            return new Posted.Refused(problem.get());
        }
        CommentSettings settings = rules.get();
        if (settings.who() == CommentSettings.Who.SUBSCRIBERS && !entitled.test(readerId, now) && !jdbi.withHandle(h -> staff(h, readerId))) {
            refused.increment();
            return new Posted.Refused("Comments on this site are for subscribers.");
        }
        Posted posted = jdbi.inTransaction(h -> {
            // one post per reader at a time: the history screening reads cannot change until this one is kept or refused
            h.createQuery("SELECT pg_advisory_xact_lock(:space, hashint8(:reader))::text").bind("space", LOCK_SPACE).bind("reader", readerId)
                    .mapTo(String.class).one();
            var subject = CommentStore.subject(h, articleId);
            if (subject.isEmpty()) return new Posted.Refused("This article is not published.");
            CommentState state = subject.get().state(settings.closeDays(), now);
            if (!state.takesComments()) return new Posted.Refused("Comments on this article are closed.");
            Comment parent = null;
            if (parentId != null) {
                parent = CommentStore.find(h, parentId).filter(c -> c.articleId() == articleId && c.approved()).orElse(null);
                if (parent == null) return new Posted.Refused("The comment you are replying to is no longer shown.");
            }
            Submission submission = new Submission(articleId, readerId, body, parent != null, state, standing(h, readerId),
                    history(h, readerId, now), settings, now);
            Decision decision = screening.screen(submission);
            if (decision instanceof Decision.Reject r) return new Posted.Refused(r.message());
            String held = decision instanceof Decision.Hold hold ? hold.reason() : null;
            Comment stored = insert(h, readerId, articleId, parent, body, held, now);
            if (held == null) {
                CommentNotices.announce(h, articleId);
                return new Posted.Up(stored, subject.get().path());
            }
            return new Posted.Held(stored, subject.get().path());
        });
        (switch (posted) {
            case Posted.Up u -> this.posted;
            case Posted.Held x -> held;
            case Posted.Refused x -> refused;
        }).increment();
        if (posted instanceof Posted.Up up) events.published(up.comment().id());
        return posted;
    }

    private static Comment insert(Handle h, long readerId, long articleId, Comment parent, String body, String held, Instant now) {
        // the id is taken first, so a top-level comment can be its own thread's root in the same statement
        long id = h.createQuery("""
                        WITH n AS (SELECT nextval(pg_get_serial_sequence('comments', 'id')) AS id)
                        INSERT INTO comments (id, article_id, reader_id, parent_id, root_id, depth, author_name, by_staff, body, body_html,
                                              status, held_reason, created_at)
                        OVERRIDING SYSTEM VALUE
                        SELECT n.id, :article, r.id, :parent, coalesce(:root, n.id), :depth,
                               CASE WHEN btrim(r.name) = '' THEN 'Reader ' || r.id ELSE r.name END, <staff>, :body, :html, :status, :held, :now
                        FROM readers r, n WHERE r.id = :reader RETURNING id""")
                .define("staff", STAFF.replace(":reader", "r.id"))
                .bind("article", articleId).bind("reader", readerId).bind("parent", parent == null ? null : parent.id())
                .bind("root", parent == null ? null : parent.rootId()).bind("depth", parent == null ? 0 : Math.min(parent.depth() + 1, 2))
                .bind("body", body).bind("html", CommentText.html(body)).bind("status", held == null ? "approved" : "pending")
                .bind("held", held).bind("now", now).mapTo(Long.class).one();
        return CommentStore.find(h, id).orElseThrow();
    }

    /** Whether the reader's verified address is an enabled staff account's (their comments carry a badge). */
    private static final String STAFF = """
            EXISTS (SELECT 1 FROM readers x JOIN staff s ON lower(s.email) = lower(x.email)
                    WHERE x.id = :reader AND x.email_verified_at IS NOT NULL AND s.disabled_at IS NULL)""";

    static boolean staff(Handle h, long readerId) {
        return h.createQuery("SELECT " + STAFF).bind("reader", readerId).mapTo(Boolean.class).one();
    }

    static Standing standing(Handle h, long readerId) {
        return h.createQuery("SELECT * FROM commenters WHERE reader_id = :reader").bind("reader", readerId)
                .map((rs, ctx) -> new Standing(rs.getInt("approved"), rs.getInt("rejected"), rs.getInt("warnings"),
                        Rows.instant(rs, "suspended_until"), Rows.instant(rs, "banned_at"),
                        rs.getString("ban_reason"), rs.getBoolean("notify")))
                .findOne().orElse(Standing.CLEAN);
    }

    /** The reader's record of posting, in two reads of their own comments' index. */
    static Submission.History history(Handle h, long readerId, Instant now) {
        var counts = h.createQuery("""
                        SELECT count(*) AS total, max(created_at) AS last, count(*) FILTER (WHERE created_at > :hourAgo) AS hour
                        FROM comments WHERE reader_id = :reader""")
                .bind("reader", readerId).bind("hourAgo", now.minusSeconds(3600))
                .map((rs, ctx) -> new Submission.History(rs.getInt("total"), Rows.instant(rs, "last"), rs.getInt("hour"), null))
                .one();
        String last = h.createQuery("SELECT body FROM comments WHERE reader_id = :reader ORDER BY created_at DESC, id DESC LIMIT 1")
                .bind("reader", readerId).mapTo(String.class).findOne().orElse(null);
        return new Submission.History(counts.total(), counts.lastPostedAt(), counts.lastHour(), last);
    }

    /** What became of an edit, a deletion, a recommendation or a report. */
    public sealed interface Changed {
        record Done(Comment comment, String articlePath) implements Changed {}

        record Refused(String message) implements Changed {}
    }

    /** Changes the reader's own comment's text while the edit window is open (it shows as "edited"). */
    public Changed edit(long readerId, long commentId, String raw, Instant now) {
        String body = CommentText.normalise(raw);
        Optional<String> problem = CommentText.problem(body);
        if (problem.isPresent()) return new Changed.Refused(problem.get());
        CommentSettings settings = rules.get();
        return jdbi.inTransaction(h -> {
            Comment c = ownLocked(h, readerId, commentId);
            if (c == null || !(c.approved() || c.pending())) return new Changed.Refused("This comment cannot be edited.");
            if (!editable(c, settings, now)) return new Changed.Refused("The time for editing this comment has passed.");
            // the new text passes screening as a new comment would (its rate and repeat apart): a banned word is refused,
            // a suspect word or a new link sends the comment back to the moderators
            var subject = CommentStore.subject(h, c.articleId());
            if (subject.isEmpty()) return new Changed.Refused("This article is not published.");
            Submission submission = new Submission(c.articleId(), readerId, body, c.depth() > 0, subject.get().state(settings.closeDays(), now),
                    standing(h, readerId), Submission.History.NONE, settings, now);
            Decision decision = screening.screen(submission);
            if (decision instanceof Decision.Reject r) return new Changed.Refused(r.message());
            String held = decision instanceof Decision.Hold hold ? "edited: " + hold.reason() : null;
            h.createUpdate("""
                            UPDATE comments SET body = :body, body_html = :html, edited_at = :now,
                                   status = CASE WHEN CAST(:held AS text) IS NULL THEN status ELSE 'pending' END,
                                   held_reason = coalesce(:held, held_reason)
                            WHERE id = :id""")
                    .bind("body", body).bind("html", CommentText.html(body)).bind("now", now).bind("held", held).bind("id", commentId)
                    .execute();
            if (c.approved()) CommentNotices.announce(h, c.articleId());
            return done(h, commentId);
        });
    }

    /** Whether its writer may still edit the comment. */
    public static boolean editable(Comment c, CommentSettings settings, Instant now) {
        return (c.approved() || c.pending()) && now.isBefore(c.createdAt().plus(settings.editWindow()));
    }

    /** Deletes the reader's own comment: it goes, leaving "comment deleted" while replies to it show. */
    public Changed delete(long readerId, long commentId) {
        return jdbi.inTransaction(h -> {
            Comment c = ownLocked(h, readerId, commentId);
            if (c == null || c.deleted()) return new Changed.Refused("This comment is not yours to delete, or is gone already.");
            h.createUpdate("UPDATE comments SET status = 'deleted' WHERE id = :id").bind("id", commentId).execute();
            CommentNotices.announce(h, c.articleId());
            return done(h, commentId);
        });
    }

    /** Recommends an approved comment of someone else's, or takes the recommendation back when the reader gave one. */
    public Changed recommend(long readerId, long commentId, Instant now) {
        return jdbi.inTransaction(h -> {
            Optional<Comment> c = CommentStore.find(h, commentId).filter(Comment::approved).filter(x -> shown(h, x));
            if (c.isEmpty()) return new Changed.Refused("This comment is no longer shown.");
            if (c.get().by(readerId)) return new Changed.Refused("You cannot recommend your own comment.");
            int removed = h.createUpdate("DELETE FROM comment_recommendations WHERE comment_id = :id AND reader_id = :reader")
                    .bind("id", commentId).bind("reader", readerId).execute();
            if (removed == 0) {
                h.createUpdate("""
                                INSERT INTO comment_recommendations (comment_id, reader_id, at) VALUES (:id, :reader, :now)
                                ON CONFLICT DO NOTHING""")
                        .bind("id", commentId).bind("reader", readerId).bind("now", now).execute();
            }
            CommentNotices.announce(h, c.get().articleId());
            return done(h, commentId);
        });
    }

    /** The reasons a reader may report a comment for. */
    public static final List<String> REPORT_REASONS = List.of("abusive", "spam", "off-topic", "other");
    public static final int MAX_REPORT_DETAILS = 500;

    /** Reports a comment to the moderators, once per reader per comment (a second report changes nothing). */
    public Changed report(long readerId, long commentId, String reason, String rawDetails, Instant now) {
        if (!REPORT_REASONS.contains(reason)) return new Changed.Refused("Choose why you are reporting the comment.");
        String details = rawDetails == null ? "" : rawDetails.replaceAll("\\s+", " ").strip();
        if (details.codePointCount(0, details.length()) > MAX_REPORT_DETAILS) {
            return new Changed.Refused("Say why in at most " + MAX_REPORT_DETAILS + " characters.");
        }
        if (Texts.hasControl(details)) return new Changed.Refused("The details have characters that cannot be kept.");
        Reported report = jdbi.inTransaction(h -> {
            Optional<Comment> c = CommentStore.find(h, commentId).filter(Comment::approved).filter(x -> shown(h, x));
            if (c.isEmpty()) return new Reported(new Changed.Refused("This comment is no longer shown."), 0);
            int added = h.createUpdate("""
                            INSERT INTO comment_reports (comment_id, reader_id, reason, details, created_at)
                            VALUES (:id, :reader, :reason, :details, :now) ON CONFLICT (comment_id, reader_id) DO NOTHING""")
                    .bind("id", commentId).bind("reader", readerId).bind("reason", reason).bind("details", details).bind("now", now)
                    .execute();
            return new Reported(done(h, commentId), added);
        });
        reported.add(report.added());
        return report.changed();
    }

    /** What a report did, and whether it was a new one (0 or 1). */
    private record Reported(Changed changed, int added) {}

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("broadsheet.comment.events", posted, LongAdder::sum).description(EVENTS_HELP).tag("event", "posted")
                .register(registry);
        FunctionCounter.builder("broadsheet.comment.events", held, LongAdder::sum).description(EVENTS_HELP).tag("event", "held")
                .register(registry);
        FunctionCounter.builder("broadsheet.comment.events", refused, LongAdder::sum).description(EVENTS_HELP).tag("event", "refused")
                .register(registry);
        FunctionCounter.builder("broadsheet.comment.events", reported, LongAdder::sum).description(EVENTS_HELP).tag("event", "reported")
                .register(registry);
    }

    /** Whether the comment's thread shows: its article is published and its comments are not off. */
    private static boolean shown(Handle h, Comment c) {
        return CommentStore.subject(h, c.articleId()).filter(s -> s.policy() != CommentPolicy.OFF).isPresent();
    }

    private static Comment ownLocked(Handle h, long readerId, long commentId) {
        return h.createQuery("SELECT " + CommentStore.COLUMNS + ", NULL AS replying_to FROM comments c WHERE c.id = :id AND c.reader_id = :reader FOR UPDATE")
                .bind("id", commentId).bind("reader", readerId).map(CommentStore.ROW).findOne().orElse(null);
    }

    private static Changed done(Handle h, long commentId) {
        Comment c = CommentStore.find(h, commentId).orElseThrow();
        String path = h.createQuery("SELECT path FROM articles WHERE id = :id").bind("id", c.articleId()).mapTo(String.class).one();
        return new Changed.Done(c, path);
    }
}
