package broadsheet.subscription;

import static broadsheet.subscription.StripeSignatures.SECRET;
import static broadsheet.subscription.StripeSignatures.checkoutCompleted;
import static broadsheet.subscription.StripeSignatures.paymentFailed;
import static broadsheet.subscription.StripeSignatures.sign;
import static broadsheet.subscription.StripeSignatures.subscriptionEvent;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.TestClock;
import broadsheet.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stripe's events against the real database: a signed event changes the subscription; a bad, missing or stale
 * signature changes nothing; a replayed event has no second effect; events delivered out of order never let an
 * older one overwrite what a newer one said.
 */
@ExtendWith(TestDatabase.class)
class StripeEventsIT {
    private static final Instant NOW = Instant.parse("2025-12-07T15:00:00Z");
    private final TestClock clock = new TestClock(NOW);
    private final StripeEvents events = new StripeEvents(TestDatabase.jdbi(), SECRET, clock);
    private final Entitlements entitlements = new Entitlements(TestDatabase.jdbi(), ZoneId.of("Europe/London"));

    private StripeEvents.Outcome deliver(String payload) {
        return events.receive(payload, sign(payload, SECRET, clock.instant()));
    }

    private static List<Map<String, Object>> subscriptions() {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery(
                "SELECT reader_id, plan_id, status, CAST(extract(epoch FROM current_period_end) AS bigint) AS period_end, renews, provider_ref "
                        + "FROM subscriptions ORDER BY id").mapToMap().list());
    }

    private static long count(String table) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
    }

    @Test
    void aCompletedCheckoutStartsTheSubscriptionAndNotesTheCustomer() {
        long ann = SubscriptionFixtures.reader("ann@example.test", "Ann");
        long monthly = SubscriptionFixtures.plan("Monthly", "month", 950, "GBP", null);

        var outcome = deliver(checkoutCompleted("evt_1", NOW.minusSeconds(5), ann, monthly, "sub_1"));

        assertThat(outcome).isInstanceOf(StripeEvents.Outcome.Applied.class);
        assertThat(subscriptions()).singleElement().satisfies(s -> {
            assertThat(s).containsEntry("reader_id", ann).containsEntry("plan_id", monthly).containsEntry("status", "active")
                    .containsEntry("provider_ref", "sub_1");
        });
        assertThat(events.customerOf(ann)).contains("cus_" + ann);
        assertThat(entitlements.entitled(ann, NOW)).isTrue();
        assertThat(entitlements.entitled(ann, NOW.plus(Duration.ofDays(32)))).isFalse();
    }

    @Test
    void aBadMissingOrStaleSignatureChangesNothing() {
        long ann = SubscriptionFixtures.reader("ann@example.test", "Ann");
        long monthly = SubscriptionFixtures.plan("Monthly", "month", 950, "GBP", null);
        String payload = checkoutCompleted("evt_1", NOW, ann, monthly, "sub_1");

        assertThat(events.receive(payload, sign(payload, "whsec_someone_else", NOW))).isInstanceOf(StripeEvents.Outcome.Refused.class);
        assertThat(events.receive(payload, null)).isInstanceOf(StripeEvents.Outcome.Refused.class);
        assertThat(events.receive(payload, "t=1,v1=00")).isInstanceOf(StripeEvents.Outcome.Refused.class);
        assertThat(events.receive(payload.replace("sub_1", "sub_2"), sign(payload, SECRET, NOW))).isInstanceOf(StripeEvents.Outcome.Refused.class);
        // a real signature captured ten minutes ago and sent again
        assertThat(events.receive(payload, sign(payload, SECRET, NOW.minus(Duration.ofMinutes(10))))).isInstanceOf(StripeEvents.Outcome.Refused.class);

        assertThat(count("subscriptions")).isZero();
        assertThat(count("payment_events")).isZero();
        assertThat(count("stripe_customers")).isZero();
    }

    @Test
    void aReplayedEventHasNoSecondEffect() {
        long ann = SubscriptionFixtures.reader("ann@example.test", "Ann");
        SubscriptionFixtures.plan("Monthly", "month", 950, "GBP", "price_monthly");
        String created = subscriptionEvent("evt_1", "customer.subscription.updated", NOW.minusSeconds(60), ann, "sub_1", "active",
                NOW.plus(Duration.ofDays(30)), false);
        String failed = paymentFailed("evt_2", NOW.minusSeconds(30), "sub_1");
        String recovered = subscriptionEvent("evt_3", "customer.subscription.updated", NOW.minusSeconds(10), ann, "sub_1", "active",
                NOW.plus(Duration.ofDays(30)), false);
        deliver(created);
        deliver(failed);
        deliver(recovered);

        // the payment failure delivered again after the recovery: already applied, so the subscription stays active
        assertThat(deliver(failed)).isEqualTo(new StripeEvents.Outcome.Replayed("evt_2"));
        assertThat(deliver(created)).isEqualTo(new StripeEvents.Outcome.Replayed("evt_1"));

        assertThat(subscriptions()).singleElement().satisfies(s -> assertThat(s).containsEntry("status", "active"));
        assertThat(count("payment_events")).isEqualTo(3);
    }

    @Test
    void anOlderEventDeliveredLateNeverOverwritesANewerOne() {
        long ann = SubscriptionFixtures.reader("ann@example.test", "Ann");
        long monthly = SubscriptionFixtures.plan("Monthly", "month", 950, "GBP", "price_monthly");
        Instant t1 = NOW.minus(Duration.ofMinutes(30));
        Instant t2 = NOW.minus(Duration.ofMinutes(20));
        Instant t3 = NOW.minus(Duration.ofMinutes(10));
        Instant end = NOW.plus(Duration.ofDays(30));

        // the newest first: the reader cancelled at the end of the period
        deliver(subscriptionEvent("evt_3", "customer.subscription.updated", t3, ann, "sub_1", "active", end, true));
        // then the payment failure and the first update, both older
        deliver(paymentFailed("evt_2", t2, "sub_1"));
        deliver(subscriptionEvent("evt_1", "customer.subscription.updated", t1, ann, "sub_1", "past_due", end.minus(Duration.ofDays(30)), false));
        // and last the checkout, older still: its provisional subscription does not replace the one Stripe described
        deliver(checkoutCompleted("evt_0", t1.minusSeconds(60), ann, monthly, "sub_1"));

        assertThat(subscriptions()).singleElement().satisfies(s -> assertThat(s)
                .containsEntry("status", "active").containsEntry("renews", false).containsEntry("plan_id", monthly)
                .containsEntry("period_end", end.getEpochSecond()));
        assertThat(events.customerOf(ann)).contains("cus_" + ann);

        // a newer deletion does apply
        deliver(subscriptionEvent("evt_4", "customer.subscription.deleted", NOW, ann, "sub_1", "canceled", end, false));
        assertThat(subscriptions()).singleElement().satisfies(s -> assertThat(s).containsEntry("status", "cancelled"));
        assertThat(entitlements.entitled(ann, NOW)).isFalse();
    }

    @Test
    void aFailedPaymentMakesTheSubscriptionPastDueAndItsGraceRunsFromThen() {
        long ann = SubscriptionFixtures.reader("ann@example.test", "Ann");
        deliver(subscriptionEvent("evt_1", "customer.subscription.updated", NOW.minusSeconds(60), ann, "sub_1", "active",
                NOW.plus(Duration.ofDays(30)), false));

        deliver(paymentFailed("evt_2", NOW.minusSeconds(30), "sub_1"));
        // Stripe's own update for the same failure does not restart the grace
        clock.advance(Duration.ofDays(2));
        deliver(subscriptionEvent("evt_3", "customer.subscription.updated", clock.instant(), ann, "sub_1", "past_due",
                NOW.plus(Duration.ofDays(30)), false));

        assertThat(subscriptions()).singleElement().satisfies(s -> assertThat(s).containsEntry("status", "past_due"));
        assertThat(entitlements.entitled(ann, NOW.plus(Duration.ofDays(6)))).isTrue();
        assertThat(entitlements.entitled(ann, NOW.plus(Duration.ofDays(7)))).isFalse();
    }

    @Test
    void eventsForReadersThisSiteDoesNotKnowAreRecordedAndIgnored() {
        String payload = subscriptionEvent("evt_1", "customer.subscription.updated", NOW, 999, "sub_1", "active", NOW.plus(Duration.ofDays(30)), false);

        assertThat(deliver(payload)).isInstanceOf(StripeEvents.Outcome.Applied.class);
        assertThat(deliver(StripeSignatures.event("evt_2", "charge.succeeded", NOW, "{\"id\":\"ch_1\"}"))).isInstanceOf(StripeEvents.Outcome.Applied.class);

        assertThat(count("subscriptions")).isZero();
        assertThat(count("payment_events")).isEqualTo(2);
    }
}
