package broadsheet.subscription;

import broadsheet.storage.Rows;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Whether a reader may read premium articles, and how their access reads on their account page.
 *
 * <p>A reader is entitled while any of these holds:
 * <ul>
 *   <li>a subscription is <em>active</em> and its period has not ended;</li>
 *   <li>a subscription is <em>past due</em> (a renewal payment failed) and the payment failed less than
 *       {@link #GRACE} ago: Stripe retries the card over the following days, and most of those retries succeed, so
 *       a reader is not cut off by the first declined charge. The grace runs from the failure, not from the period
 *       end, because Stripe moves the period on when it bills, before the money arrives;</li>
 *   <li>an admin's complimentary access has started, has not ended and was not revoked.</li>
 * </ul>
 * Cancelled and expired subscriptions give no access: Stripe cancels at the end of the paid period unless the
 * reader or an admin asks for it at once. Whether an article needs entitlement is the paywall's decision, not this.
 */
public final class Entitlements {
    /** How long a past-due subscription keeps access after its payment failed. */
    public static final Duration GRACE = Duration.ofDays(7);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private final Jdbi jdbi;
    private final ZoneId zone;

    public Entitlements(Jdbi jdbi, ZoneId zone) {
        this.jdbi = jdbi;
        this.zone = zone;
    }

    /** Whether the reader may read premium articles at {@code now} (one query, on the readers' indexes). */
    public boolean entitled(long readerId, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT EXISTS (SELECT 1 FROM subscriptions
                                       WHERE reader_id = :reader
                                         AND ((status = 'active' AND current_period_end > :now)
                                           OR (status = 'past_due' AND past_due_since > :graceStart)))
                            OR EXISTS (SELECT 1 FROM complimentary_access
                                       WHERE reader_id = :reader AND ends_at > :now AND starts_at <= :now AND revoked_at IS NULL)""")
                .bind("reader", readerId).bind("now", now).bind("graceStart", now.minus(GRACE))
                .mapTo(Boolean.class).one());
    }

    /**
     * The reader's access in one line for their account page: "Subscriber: Monthly, renews 3 January 2027",
     * "Complimentary until 3 January 2027" (the last day it runs), or empty when they have none now.
     */
    public Optional<String> describe(long readerId, Instant now) {
        return jdbi.withHandle(h -> {
            Optional<String> subscription = h.createQuery("""
                            SELECT s.status, s.current_period_end, s.renews, s.past_due_since, s.provider, p.name
                            FROM subscriptions s LEFT JOIN plans p ON p.id = s.plan_id
                            WHERE s.reader_id = :reader
                              AND ((s.status = 'active' AND s.current_period_end > :now)
                                OR (s.status = 'past_due' AND s.past_due_since > :graceStart))
                            ORDER BY s.current_period_end DESC LIMIT 1""")
                    .bind("reader", readerId).bind("now", now).bind("graceStart", now.minus(GRACE))
                    .map((rs, ctx) -> {
                        String plan = rs.getString("name") == null ? "" : ": " + rs.getString("name");
                        Instant end = Rows.instant(rs, "current_period_end");
                        if (rs.getString("status").equals("past_due")) {
                            Instant since = Rows.instant(rs, "past_due_since");
                            return "Subscriber" + plan + ". The last payment failed: update your card by " + day(since.plus(GRACE))
                                    + " to keep reading.";
                        }
                        boolean renews = rs.getBoolean("renews") && rs.getString("provider").equals("stripe");
                        return "Subscriber" + plan + ", " + (renews ? "renews " : "until ") + day(end);
                    }).findOne();
            if (subscription.isPresent()) return subscription;
            return h.createQuery("""
                            SELECT ends_at FROM complimentary_access
                            WHERE reader_id = :reader AND ends_at > :now AND starts_at <= :now AND revoked_at IS NULL
                            ORDER BY ends_at DESC LIMIT 1""")
                    .bind("reader", readerId).bind("now", now)
                    .map((rs, ctx) -> "Complimentary until " + day(Rows.instant(rs, "ends_at").minusSeconds(1))).findOne();
        });
    }

    private String day(Instant t) {
        return DAY.format(t.atZone(zone));
    }
}
