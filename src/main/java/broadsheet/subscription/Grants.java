package broadsheet.subscription;

import broadsheet.shared.AuditLog;
import broadsheet.text.Texts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * An admin's changes to a reader's access: granting complimentary access until a day and revoking it, and
 * granting or cancelling a subscription by hand (for a paper that does not take payments through Stripe). A day
 * "until" is the last day included: access ends at midnight after it, in the paper's zone. Subscriptions billed by
 * Stripe are changed in Stripe (the webhook keeps them in step), never here. Each change is one transaction with
 * its audit entry, whose subject is the reader's email.
 */
public final class Grants {
    public static final int MAX_REASON = 200;
    /** The furthest ahead access may be granted. */
    public static final int MAX_YEARS = 10;
    private final Jdbi jdbi;
    private final ZoneId zone;

    public Grants(Jdbi jdbi, ZoneId zone) {
        this.jdbi = jdbi;
        this.zone = zone;
    }

    /** What became of a change. */
    public sealed interface Outcome {
        record Done() implements Outcome {}

        /** Nothing was stored; the problems are keyed by form field ("until", "reason", "plan"). */
        record Invalid(Map<String, String> problems) implements Outcome {}

        /** No such reader, or nothing of theirs with that id. */
        record NotFound() implements Outcome {}
    }

    /** Complimentary access from now until the end of the day {@code until} (yyyy-mm-dd). */
    public Outcome grantComplimentary(AuditLog.Actor actor, long readerId, String until, String reason, Instant now) {
        Map<String, String> problems = new LinkedHashMap<>();
        Instant end = end(until, now, problems);
        if (reason.length() > MAX_REASON) problems.put("reason", "A reason can have at most " + MAX_REASON + " characters.");
        else if (Texts.hasControl(reason)) problems.put("reason", "A reason is one line of text, without control characters.");
        if (!problems.isEmpty()) return new Outcome.Invalid(problems);
        return jdbi.inTransaction(h -> {
            Optional<String> email = lockedReader(h, readerId);
            if (email.isEmpty()) return new Outcome.NotFound();
            h.createUpdate("""
                            INSERT INTO complimentary_access (reader_id, granted_by, granted_by_name, starts_at, ends_at, reason, created_at)
                            VALUES (:reader, :staff, :name, :now, :end, :reason, :now)""")
                    .bind("reader", readerId).bind("staff", actor.staffId()).bind("name", actor.name()).bind("now", now).bind("end", end)
                    .bind("reason", reason).execute();
            AuditLog.record(h, actor, "complimentary access granted", email.get(), Map.of("reader", readerId, "until", until, "reason", reason), now);
            return new Outcome.Done();
        });
    }

    /** Ends a complimentary access now; one already ended or revoked is left as it is. */
    public Outcome revokeComplimentary(AuditLog.Actor actor, long readerId, long grantId, Instant now) {
        return jdbi.inTransaction(h -> {
            Optional<String> email = lockedReader(h, readerId);
            if (email.isEmpty()) return new Outcome.NotFound();
            Optional<Instant> endsAt = h.createQuery("""
                            UPDATE complimentary_access SET revoked_at = :now
                            WHERE id = :id AND reader_id = :reader AND revoked_at IS NULL AND ends_at > :now
                            RETURNING ends_at""")
                    .bind("id", grantId).bind("reader", readerId).bind("now", now).mapTo(Instant.class).findOne();
            if (endsAt.isEmpty()) {
                boolean exists = h.createQuery("SELECT EXISTS (SELECT 1 FROM complimentary_access WHERE id = :id AND reader_id = :reader)")
                        .bind("id", grantId).bind("reader", readerId).mapTo(Boolean.class).one();
                return exists ? new Outcome.Done() : new Outcome.NotFound();
            }
            AuditLog.record(h, actor, "complimentary access revoked", email.get(), Map.of("reader", readerId, "grant", grantId), now);
            return new Outcome.Done();
        });
    }

    /** A subscription to a plan on sale, granted by hand, active until the end of the day {@code until}. */
    public Outcome grantSubscription(AuditLog.Actor actor, long readerId, String planId, String until, Instant now) {
        Map<String, String> problems = new LinkedHashMap<>();
        Instant end = end(until, now, problems);
        if (!planId.matches("[0-9]{1,18}")) problems.put("plan", "Choose a plan.");
        if (!problems.isEmpty()) return new Outcome.Invalid(problems);
        return jdbi.inTransaction(h -> {
            Optional<String> email = lockedReader(h, readerId);
            if (email.isEmpty()) return new Outcome.NotFound();
            Optional<Plan> plan = h.createQuery("SELECT * FROM plans WHERE id = :id AND active FOR SHARE").bind("id", Long.parseLong(planId))
                    .map(Plans.PLAN).findOne();
            if (plan.isEmpty()) return new Outcome.Invalid(Map.of("plan", "That plan is no longer on sale; choose another."));
            h.createUpdate("""
                            INSERT INTO subscriptions (reader_id, plan_id, status, current_period_end, renews, provider, created_at, updated_at)
                            VALUES (:reader, :plan, 'active', :end, false, 'admin', :now, :now)""")
                    .bind("reader", readerId).bind("plan", plan.get().id()).bind("end", end).bind("now", now).execute();
            AuditLog.record(h, actor, "subscription granted", email.get(),
                    Map.of("reader", readerId, "plan", plan.get().name(), "until", until), now);
            return new Outcome.Done();
        });
    }

    /** Cancels, at once, a subscription an admin granted. */
    public Outcome cancelSubscription(AuditLog.Actor actor, long readerId, long subscriptionId, Instant now) {
        return jdbi.inTransaction(h -> {
            Optional<String> email = lockedReader(h, readerId);
            if (email.isEmpty()) return new Outcome.NotFound();
            int changed = h.createUpdate("""
                            UPDATE subscriptions SET status = 'cancelled', renews = false, updated_at = :now
                            WHERE id = :id AND reader_id = :reader AND provider = 'admin' AND status IN ('active', 'past_due')""")
                    .bind("id", subscriptionId).bind("reader", readerId).bind("now", now).execute();
            if (changed == 0) {
                boolean exists = h.createQuery("SELECT EXISTS (SELECT 1 FROM subscriptions WHERE id = :id AND reader_id = :reader AND provider = 'admin')")
                        .bind("id", subscriptionId).bind("reader", readerId).mapTo(Boolean.class).one();
                return exists ? new Outcome.Done() : new Outcome.NotFound();
            }
            AuditLog.record(h, actor, "subscription cancelled", email.get(), Map.of("reader", readerId, "subscription", subscriptionId), now);
            return new Outcome.Done();
        });
    }

    /** The end of the day {@code until} in the paper's zone, or null with a problem noted under "until". */
    private Instant end(String until, Instant now, Map<String, String> problems) {
        LocalDate day;
        try {
            day = LocalDate.parse(until);
        } catch (DateTimeParseException e) {
            problems.put("until", "Give the last day of access as a date, such as " + LocalDate.ofInstant(now, zone).plusMonths(1) + ".");
            return null;
        }
        LocalDate today = LocalDate.ofInstant(now, zone);
        if (day.isBefore(today)) {
            problems.put("until", "That day has passed; give today or a later day.");
            return null;
        }
        if (day.isAfter(today.plusYears(MAX_YEARS))) {
            problems.put("until", "Access can be granted at most " + MAX_YEARS + " years ahead.");
            return null;
        }
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static Optional<String> lockedReader(Handle h, long readerId) {
        return h.createQuery("SELECT email FROM readers WHERE id = :id FOR UPDATE").bind("id", readerId).mapTo(String.class).findOne();
    }
}
