package broadsheet.subscription;

import broadsheet.shared.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Stripe's webhook events, applied to the subscriptions. An event counts only when its {@code Stripe-Signature}
 * proves Stripe sent it (signed with the endpoint's secret, at most {@link #TOLERANCE_SECONDS} old). Each is
 * applied once: its id is recorded in the same transaction as its effect, so a replay finds it and changes
 * nothing. Events may arrive in any order, so each change to a subscription carries the event's creation time and
 * is made only when no newer event has been applied to it; a subscription made from a completed checkout, before
 * Stripe's own subscription events, is provisional and every such event overwrites it.
 *
 * <p>Handled: {@code checkout.session.completed} (the reader's customer id; the subscription, active), {@code
 * customer.subscription.created}/{@code updated}/{@code deleted} (status, period end, renewal, plan) and {@code
 * invoice.payment_failed} (past due, the grace period starting). Other events are recorded and otherwise ignored.
 */
public final class StripeEvents {
    /** How old a signature may be, as Stripe's libraries allow by default: a replay of an old capture is refused. */
    public static final long TOLERANCE_SECONDS = 300;
    private final Jdbi jdbi;
    private final String secret;
    private final Clock clock;

    public StripeEvents(Jdbi jdbi, String webhookSecret, Clock clock) {
        this.jdbi = jdbi;
        this.secret = webhookSecret;
        this.clock = clock;
    }

    /** What became of a delivery. */
    public sealed interface Outcome {
        /** Not from Stripe (or not readable): nothing was changed. */
        record Refused(String why) implements Outcome {}

        /** Applied now; {@code effect} says what it did, for the log. */
        record Applied(String id, String effect) implements Outcome {}

        /** Already applied earlier: nothing changed. */
        record Replayed(String id) implements Outcome {}
    }

    /** Verifies and applies one delivery: the raw body as sent and its {@code Stripe-Signature} header. */
    public Outcome receive(String payload, String signature) {
        if (secret.isEmpty()) return new Outcome.Refused("this site has no webhook secret configured");
        if (signature == null || signature.isBlank()) return new Outcome.Refused("the Stripe-Signature header is missing");
        try {
            Webhook.Signature.verifyHeader(payload, signature, secret, TOLERANCE_SECONDS, clock);
        } catch (SignatureVerificationException e) {
            return new Outcome.Refused("the Stripe-Signature does not match this endpoint's secret (or is too old)");
        }
        JsonNode event;
        try {
            event = Json.MAPPER.readTree(payload);
        } catch (IOException e) {
            return new Outcome.Refused("the body is not JSON");
        }
        String id = event.path("id").asText("");
        String type = event.path("type").asText("");
        JsonNode object = event.path("data").path("object");
        if (id.isEmpty() || type.isEmpty() || !event.path("created").canConvertToLong() || !object.isObject()) {
            return new Outcome.Refused("the body is not a Stripe event");
        }
        Instant created = Instant.ofEpochSecond(event.path("created").asLong());
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            int fresh = h.createUpdate("""
                            INSERT INTO payment_events (event_id, type, created_at, received_at) VALUES (:id, :type, :created, :now)
                            ON CONFLICT (event_id) DO NOTHING""")
                    .bind("id", id).bind("type", type).bind("created", created).bind("now", now).execute();
            if (fresh == 0) return new Outcome.Replayed(id);
            String effect = switch (type) {
                case "checkout.session.completed" -> checkoutCompleted(h, object, created, now);
                case "customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted" ->
                        subscriptionChanged(h, object, type.endsWith("deleted"), created, now);
                case "invoice.payment_failed" -> paymentFailed(h, object, created, now);
                default -> "ignored";
            };
            return new Outcome.Applied(id, effect);
        });
    }

    /** The reader's Stripe customer, for the Customer Portal and their next checkout. */
    public Optional<String> customerOf(long readerId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT customer_id FROM stripe_customers WHERE reader_id = :reader")
                .bind("reader", readerId).mapTo(String.class).findOne());
    }

    private static String checkoutCompleted(Handle h, JsonNode session, Instant created, Instant now) {
        if (!"subscription".equals(session.path("mode").asText())) return "ignored: not a subscription";
        Optional<Long> reader = reader(h, session.path("client_reference_id").asText(""));
        if (reader.isEmpty()) return "ignored: no such reader";
        String customer = text(session.path("customer"));
        if (customer != null) {
            h.createUpdate("INSERT INTO stripe_customers (reader_id, customer_id, created_at) VALUES (:reader, :customer, :now) ON CONFLICT DO NOTHING")
                    .bind("reader", reader.get()).bind("customer", customer).bind("now", now).execute();
        }
        String subscription = text(session.path("subscription"));
        String paid = session.path("payment_status").asText("");
        if (subscription == null || !(paid.equals("paid") || paid.equals("no_payment_required"))) return "customer noted; not paid yet";
        Optional<Plan> plan = plan(h, session.path("metadata").path("plan_id").asText(""), null);
        Instant end = created.atOffset(ZoneOffset.UTC).plus(plan.map(p -> p.period() == Plan.Period.YEAR).orElse(false)
                ? java.time.Period.ofYears(1) : java.time.Period.ofMonths(1)).toInstant();
        // provisional (no event time): Stripe's own subscription events, whenever they arrive, say better
        int made = h.createUpdate("""
                        INSERT INTO subscriptions (reader_id, plan_id, status, current_period_end, provider, provider_ref, created_at, updated_at)
                        VALUES (:reader, :plan, 'active', :end, 'stripe', :ref, :now, :now)
                        ON CONFLICT (provider_ref) DO NOTHING""")
                .bind("reader", reader.get()).bind("plan", plan.map(Plan::id).orElse(null)).bind("end", end).bind("ref", subscription)
                .bind("now", now).execute();
        return made == 1 ? "subscription started" : "subscription already known";
    }

    private static String subscriptionChanged(Handle h, JsonNode sub, boolean deleted, Instant created, Instant now) {
        String ref = text(sub.path("id"));
        if (ref == null) return "ignored: no subscription id";
        String stripeStatus = sub.path("status").asText("");
        String status = switch (stripeStatus) {
            case "active", "trialing" -> "active";
            case "past_due", "unpaid" -> "past_due";
            case "canceled" -> "cancelled";
            case "incomplete_expired", "paused" -> "expired";
            default -> null; // incomplete: not paid for yet, so not yet anything here
        };
        if (deleted && status == null) status = "cancelled";
        if (deleted && "active".equals(status)) status = "cancelled";
        if (status == null) return "ignored: " + stripeStatus;
        Optional<Long> reader = reader(h, sub.path("metadata").path("reader_id").asText(""));
        if (reader.isEmpty()) {
            reader = h.createQuery("SELECT reader_id FROM stripe_customers WHERE customer_id = :customer")
                    .bind("customer", text(sub.path("customer"))).mapTo(Long.class).findOne();
        }
        if (reader.isEmpty()) return "ignored: the subscription names no reader of this site";
        JsonNode item = sub.path("items").path("data").path(0);
        Optional<Plan> plan = plan(h, sub.path("metadata").path("plan_id").asText(""), text(item.path("price").path("id")));
        long endSeconds = sub.path("current_period_end").asLong(item.path("current_period_end").asLong(created.getEpochSecond()));
        int changed = h.createUpdate("""
                        INSERT INTO subscriptions (reader_id, plan_id, status, current_period_end, renews, past_due_since, provider, provider_ref,
                                                   provider_event_at, created_at, updated_at)
                        VALUES (:reader, :plan, :status, :end, :renews, CASE WHEN :status = 'past_due' THEN CAST(:created AS timestamptz) END,
                                'stripe', :ref, :created, :now, :now)
                        ON CONFLICT (provider_ref) DO UPDATE SET
                            plan_id = coalesce(EXCLUDED.plan_id, subscriptions.plan_id), status = EXCLUDED.status,
                            current_period_end = EXCLUDED.current_period_end, renews = EXCLUDED.renews,
                            past_due_since = CASE WHEN EXCLUDED.status = 'past_due'
                                                  THEN coalesce(subscriptions.past_due_since, EXCLUDED.past_due_since) END,
                            provider_event_at = EXCLUDED.provider_event_at, updated_at = EXCLUDED.updated_at
                        WHERE subscriptions.provider_event_at IS NULL OR subscriptions.provider_event_at <= EXCLUDED.provider_event_at""")
                .bind("reader", reader.get()).bind("plan", plan.map(Plan::id).orElse(null)).bind("status", status)
                .bind("end", Instant.ofEpochSecond(endSeconds)).bind("renews", !sub.path("cancel_at_period_end").asBoolean(false) && !deleted)
                .bind("ref", ref).bind("created", created).bind("now", now).execute();
        return changed == 1 ? "subscription " + status : "ignored: a newer event was applied already";
    }

    private static String paymentFailed(Handle h, JsonNode invoice, Instant created, Instant now) {
        String ref = text(invoice.path("subscription"));
        if (ref == null) ref = text(invoice.path("parent").path("subscription_details").path("subscription"));
        if (ref == null) return "ignored: not a subscription's invoice";
        int changed = h.createUpdate("""
                        UPDATE subscriptions SET status = 'past_due', past_due_since = coalesce(past_due_since, :created),
                                                 provider_event_at = :created, updated_at = :now
                        WHERE provider_ref = :ref AND status IN ('active', 'past_due')
                          AND (provider_event_at IS NULL OR provider_event_at <= :created)""")
                .bind("ref", ref).bind("created", created).bind("now", now).execute();
        return changed == 1 ? "subscription past due" : "ignored: unknown, ended, or a newer event was applied already";
    }

    /** The reader a reference names, when it is a reader of this site. */
    private static Optional<Long> reader(Handle h, String id) {
        if (!id.matches("[0-9]{1,18}")) return Optional.empty();
        return h.createQuery("SELECT id FROM readers WHERE id = :id").bind("id", Long.parseLong(id)).mapTo(Long.class).findOne();
    }

    /** The plan named in the metadata, else the one billed at this Stripe price. */
    private static Optional<Plan> plan(Handle h, String planId, String stripePrice) {
        if (planId.matches("[0-9]{1,18}")) {
            Optional<Plan> p = h.createQuery("SELECT * FROM plans WHERE id = :id").bind("id", Long.parseLong(planId)).map(Plans.PLAN).findOne();
            if (p.isPresent()) return p;
        }
        if (stripePrice == null) return Optional.empty();
        return h.createQuery("SELECT * FROM plans WHERE stripe_price_id = :price ORDER BY active DESC, id LIMIT 1").bind("price", stripePrice)
                .map(Plans.PLAN).findOne();
    }

    /** A string field (Stripe sends ids, or whole objects when expanded), or null. */
    private static String text(JsonNode node) {
        if (node.isTextual() && !node.asText().isEmpty()) return node.asText();
        if (node.isObject() && node.path("id").isTextual()) return node.path("id").asText();
        return null;
    }
}
