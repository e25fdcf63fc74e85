package broadsheet.subscription;

import broadsheet.testing.TestDatabase;
import java.time.Instant;

/**
 * Readers, plans and subscriptions made directly in the test database: the reader accounts are another part's, and
 * these tests need readers without going through their sign-up.
 */
final class SubscriptionFixtures {
    private SubscriptionFixtures() {}

    /** A reader with this email; returns the id. */
    static long reader(String email, String name) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery("""
                        INSERT INTO readers (email, name, created_at) VALUES (:email, :name, :now) RETURNING id""")
                .bind("email", email).bind("name", name).bind("now", Instant.parse("2025-01-01T00:00:00Z")).mapTo(Long.class).one());
    }

    /** A plan on sale; returns the id. */
    static long plan(String name, String period, long priceMinor, String currency, String stripePrice) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery("""
                        INSERT INTO plans (name, period, price_minor, currency, stripe_price_id, position, created_at, updated_at)
                        VALUES (:name, :period, :price, :currency, :stripe, (SELECT coalesce(max(position), 0) + 1 FROM plans), :now, :now)
                        RETURNING id""")
                .bind("name", name).bind("period", period).bind("price", priceMinor).bind("currency", currency).bind("stripe", stripePrice)
                .bind("now", Instant.parse("2025-01-01T00:00:00Z")).mapTo(Long.class).one());
    }

    /** A subscription as the webhook or an admin would have left it. */
    static long subscription(long reader, Long plan, String status, Instant periodEnd, Instant pastDueSince, String provider, String ref) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery("""
                        INSERT INTO subscriptions (reader_id, plan_id, status, current_period_end, past_due_since, provider, provider_ref,
                                                   created_at, updated_at)
                        VALUES (:reader, :plan, :status, :end, :since, :provider, :ref, :now, :now) RETURNING id""")
                .bind("reader", reader).bind("plan", plan).bind("status", status).bind("end", periodEnd).bind("since", pastDueSince)
                .bind("provider", provider).bind("ref", ref).bind("now", Instant.parse("2025-01-01T00:00:00Z")).mapTo(Long.class).one());
    }

    /** Complimentary access from {@code from} until {@code until}, revoked at {@code revoked} unless null. */
    static void complimentary(long reader, Instant from, Instant until, Instant revoked) {
        TestDatabase.jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO complimentary_access (reader_id, granted_by_name, starts_at, ends_at, revoked_at, created_at)
                        VALUES (:reader, 'Test', :from, :until, :revoked, :from)""")
                .bind("reader", reader).bind("from", from).bind("until", until).bind("revoked", revoked).execute());
    }
}
