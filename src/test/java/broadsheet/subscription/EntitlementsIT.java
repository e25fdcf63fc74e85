package broadsheet.subscription;

import static broadsheet.subscription.SubscriptionFixtures.complimentary;
import static broadsheet.subscription.SubscriptionFixtures.plan;
import static broadsheet.subscription.SubscriptionFixtures.reader;
import static broadsheet.subscription.SubscriptionFixtures.subscription;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Entitlement over the status x time matrix: each subscription status with its period (or payment failure) before,
 * at and after now; complimentary access not yet started, running, ended and revoked; and the account page's line.
 */
@ExtendWith(TestDatabase.class)
class EntitlementsIT {
    private static final Instant NOW = Instant.parse("2025-12-07T15:00:00Z");
    private final Entitlements entitlements = new Entitlements(TestDatabase.jdbi(), ZoneId.of("Europe/London"));

    @ParameterizedTest(name = "{0}, period ends {1}h from now: {2}")
    @CsvSource({
            "active, 1, true", "active, 720, true", "active, 0, false", "active, -1, false",
            "cancelled, 1, false", "cancelled, 720, false", "expired, 1, false", "expired, -1, false"})
    void aSubscriptionEntitlesWhileActiveAndItsPeriodRuns(String status, long hours, boolean entitled) {
        long ann = reader("ann@example.test", "Ann");
        subscription(ann, null, status, NOW.plus(Duration.ofHours(hours)), null, "stripe", "sub_1");

        assertThat(entitlements.entitled(ann, NOW)).isEqualTo(entitled);
    }

    @ParameterizedTest(name = "past due since {0}h ago, period ends {1}h from now: {2}")
    @CsvSource({
            "1, 720, true", "167, 720, true", "168, 720, false", "200, 720, false",
            // Stripe moved the period on at the failed renewal: the grace still runs from the failure
            "24, -24, true", "169, -1, false"})
    void aPastDueSubscriptionKeepsAccessForTheGraceFromItsFailedPayment(long hoursAgo, long periodHours, boolean entitled) {
        long ann = reader("ann@example.test", "Ann");
        subscription(ann, null, "past_due", NOW.plus(Duration.ofHours(periodHours)), NOW.minus(Duration.ofHours(hoursAgo)), "stripe", "sub_1");

        assertThat(entitlements.entitled(ann, NOW)).isEqualTo(entitled);
    }

    @ParameterizedTest(name = "complimentary from {0}h to {1}h, revoked: {2}: {3}")
    @CsvSource({
            "-24, 24, false, true", "0, 24, false, true", "1, 24, false, false", "-48, -1, false, false", "-48, 0, false, false",
            "-24, 24, true, false"})
    void complimentaryAccessEntitlesWhileItRunsUnlessRevoked(long fromHours, long untilHours, boolean revoked, boolean entitled) {
        long ann = reader("ann@example.test", "Ann");
        complimentary(ann, NOW.plus(Duration.ofHours(fromHours)), NOW.plus(Duration.ofHours(untilHours)), revoked ? NOW.minusSeconds(60) : null);

        assertThat(entitlements.entitled(ann, NOW)).isEqualTo(entitled);
    }

    @Test
    void oneReadersAccessIsNotAnothers() {
        long ann = reader("ann@example.test", "Ann");
        long bob = reader("bob@example.test", "Bob");
        subscription(ann, null, "active", NOW.plus(Duration.ofDays(3)), null, "admin", null);
        complimentary(ann, NOW.minusSeconds(10), NOW.plus(Duration.ofDays(3)), null);

        assertThat(entitlements.entitled(ann, NOW)).isTrue();
        assertThat(entitlements.entitled(bob, NOW)).isFalse();
        assertThat(entitlements.describe(bob, NOW)).isEmpty();
    }

    @Test
    void anExpiredSubscriptionBesideARunningGrantStillEntitles() {
        long ann = reader("ann@example.test", "Ann");
        subscription(ann, null, "expired", NOW.minus(Duration.ofDays(3)), null, "stripe", "sub_old");
        complimentary(ann, NOW.minusSeconds(10), NOW.plus(Duration.ofDays(3)), null);

        assertThat(entitlements.entitled(ann, NOW)).isTrue();
    }

    @Test
    void theAccountPageLineSaysWhatTheAccessIsAndUntilWhen() {
        long monthly = plan("Monthly", "month", 950, "GBP", null);
        long ann = reader("ann@example.test", "Ann");
        long bob = reader("bob@example.test", "Bob");
        long cy = reader("cy@example.test", "Cy");
        long di = reader("di@example.test", "Di");
        subscription(ann, monthly, "active", Instant.parse("2026-01-03T10:00:00Z"), null, "stripe", "sub_ann");
        subscription(bob, monthly, "active", Instant.parse("2026-01-04T00:00:00Z"), null, "admin", null);
        subscription(cy, monthly, "past_due", Instant.parse("2026-01-03T10:00:00Z"), NOW.minus(Duration.ofDays(1)), "stripe", "sub_cy");
        // ends at midnight after 3 January in London: the last day is the 3rd
        complimentary(di, NOW.minusSeconds(10), Instant.parse("2026-01-04T00:00:00Z"), null);

        assertThat(entitlements.describe(ann, NOW)).contains("Subscriber: Monthly, renews 3 January 2026");
        assertThat(entitlements.describe(bob, NOW)).contains("Subscriber: Monthly, until 4 January 2026");
        assertThat(entitlements.describe(cy, NOW)).contains("Subscriber: Monthly. The last payment failed: update your card by 13 December 2025 to keep reading.");
        assertThat(entitlements.describe(di, NOW)).contains("Complimentary until 3 January 2026");
    }
}
