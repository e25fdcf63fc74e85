package broadsheet.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.shared.StaffRole;
import broadsheet.testing.Html;
import broadsheet.testing.Newsroom;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The newsroom's reader pages over the real server: finding readers by email a page at a time, and an admin granting
 * and revoking complimentary access and granting and cancelling a subscription by hand, each with its audit entry and
 * its effect on the reader's entitlement; bad dates are refused with nothing stored.
 */
@ExtendWith(TestDatabase.class)
class ReaderPagesIT {
    @RegisterExtension
    static final TestApp app = new TestApp();
    private static final Entitlements ENTITLEMENTS = new Entitlements(TestDatabase.jdbi(), ZoneId.of("Europe/London"));

    private static List<String> audit() {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery("""
                        SELECT action || ': ' || subject FROM audit_log WHERE action LIKE '%access%' OR action LIKE 'subscription%' ORDER BY id""")
                .mapTo(String.class).list());
    }

    private static long count(String sql) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Test
    void readersAreFoundByTheStartOfTheirEmailAPageAtATime() {
        for (int i = 0; i < 30; i++) SubscriptionFixtures.reader(String.format("reader%02d@example.test", i), "Reader " + i);
        SubscriptionFixtures.reader("Ann.Other@example.test", "Ann");
        SubscriptionFixtures.reader("under_score@example.test", "");
        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);

        List<String> seen = new ArrayList<>();
        String next = "/newsroom/readers/?q=READER";
        int pages = 0;
        while (next != null) {
            var r = admin.get(next);
            assertThat(r.statusCode()).isEqualTo(200);
            Document page = Html.parse(r);
            seen.addAll(page.select("tbody th a").eachText());
            var link = page.selectFirst("a[rel=next]");
            next = link == null ? null : link.attr("href");
            pages++;
        }
        assertThat(pages).isEqualTo(2);
        assertThat(seen).hasSize(30).doesNotHaveDuplicates().isSorted().allSatisfy(e -> assertThat(e).startsWith("reader"));

        assertThat(Html.parse(admin.get("/newsroom/readers/?q=ann")).select("tbody th a").eachText()).containsExactly("Ann.Other@example.test");
        // LIKE's wildcards are searched for as themselves
        assertThat(Html.parse(admin.get("/newsroom/readers/?q=under_")).select("tbody th a").eachText()).containsExactly("under_score@example.test");
        assertThat(Html.parse(admin.get("/newsroom/readers/?q=%25")).select("tbody th a")).isEmpty();
        assertThat(Html.parse(admin.get("/newsroom/readers/?q=nobody")).select(".nr-empty").text()).contains("No reader's email starts with");
        assertThat(admin.get("/newsroom/readers/?q=" + "a".repeat(300)).statusCode()).isEqualTo(400);
        assertThat(admin.get("/newsroom/readers/12345").statusCode()).isEqualTo(404);
    }

    @Test
    void anAdminGrantsComplimentaryAccessUntilADayAndRevokesIt() {
        long ann = SubscriptionFixtures.reader("ann@example.test", "Ann");
        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);
        String page = "/newsroom/readers/" + ann;
        assertThat(ENTITLEMENTS.entitled(ann, TestApp.NOW)).isFalse();

        var r = admin.submit(page, page + "/complimentary", Map.of("until", "2026-01-03", "reason", "Press pass"));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue(page + "?notice=granted");

        Document shown = Html.parse(admin.get(page));
        assertThat(shown.select(".nr-facts").text()).contains("Access now Complimentary until 3 January 2026");
        assertThat(shown.select("[id^=grant-]").text()).contains("7 December 2025 to 3 January 2026, granted by Admin Person: Press pass (running)");
        assertThat(ENTITLEMENTS.entitled(ann, TestApp.NOW)).isTrue();
        // until the end of the day given, in the paper's zone
        assertThat(ENTITLEMENTS.entitled(ann, java.time.Instant.parse("2026-01-03T23:59:59Z"))).isTrue();
        assertThat(ENTITLEMENTS.entitled(ann, java.time.Instant.parse("2026-01-04T00:00:00Z"))).isFalse();

        long grant = count("SELECT id FROM complimentary_access");
        var revoke = admin.submit(page, page + "/complimentary/" + grant + "/revoke", Map.of());
        assertThat(revoke.headers().firstValue("Location")).hasValue(page + "?notice=revoked");
        assertThat(ENTITLEMENTS.entitled(ann, TestApp.NOW)).isFalse();
        assertThat(Html.parse(admin.get(page)).select("[id^=grant-]").text()).contains("(revoked 7 December 2025, 15:00)");
        // revoking again changes nothing more
        admin.submit(page, page + "/complimentary/" + grant + "/revoke", Map.of());

        assertThat(audit()).containsExactly("complimentary access granted: ann@example.test", "complimentary access revoked: ann@example.test");
        String reason = TestDatabase.jdbi().withHandle(h -> h.createQuery(
                "SELECT details->>'reason' FROM audit_log WHERE action = 'complimentary access granted'").mapTo(String.class).one());
        assertThat(reason).isEqualTo("Press pass");
    }

    @Test
    void badDatesAndReasonsAreRefusedWithNothingStored() {
        long ann = SubscriptionFixtures.reader("ann@example.test", "Ann");
        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);
        String page = "/newsroom/readers/" + ann;

        for (String until : List.of("", "tomorrow", "2025-12-06", "2036-01-01", "2025-13-01")) {
            var r = admin.submit(page, page + "/complimentary", Map.of("until", until, "reason", ""));
            assertThat(r.statusCode()).as(until).isEqualTo(400);
            assertThat(Html.parse(r).select("#complimentary-until").attr("aria-invalid")).as(until).isEqualTo("true");
        }
        var reason = admin.submit(page, page + "/complimentary", Map.of("until", "2026-01-03", "reason", "x".repeat(201)));
        assertThat(Html.parse(reason).select("#reason").attr("aria-invalid")).isEqualTo("true");
        // the other form on the page is not marked
        assertThat(Html.parse(reason).select("#subscription-until").hasAttr("aria-invalid")).isFalse();

        assertThat(count("SELECT count(*) FROM complimentary_access")).isZero();
        assertThat(audit()).isEmpty();
        assertThat(admin.submit(page, "/newsroom/readers/999999/complimentary", Map.of("until", "2026-01-03")).statusCode()).isEqualTo(404);
    }

    @Test
    void anAdminGrantsASubscriptionByHandAndCancelsIt() {
        long ann = SubscriptionFixtures.reader("ann@example.test", "Ann");
        long monthly = SubscriptionFixtures.plan("Monthly", "month", 950, "GBP", null);
        long retired = SubscriptionFixtures.plan("Old", "month", 500, "GBP", null);
        TestDatabase.jdbi().useHandle(h -> h.execute("UPDATE plans SET active = false WHERE id = " + retired));
        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);
        String page = "/newsroom/readers/" + ann;
        assertThat(Html.parse(admin.get(page)).select("#plan option").eachText()).containsExactly("Monthly (£9.50 a month)");

        var refused = admin.submit(page, page + "/subscriptions", Map.of("plan", String.valueOf(retired), "until", "2026-01-06"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Html.parse(refused).select("#plan").attr("aria-invalid")).isEqualTo("true");

        var r = admin.submit(page, page + "/subscriptions", Map.of("plan", String.valueOf(monthly), "until", "2026-01-06"));
        assertThat(r.headers().firstValue("Location")).hasValue(page + "?notice=subscribed");
        assertThat(ENTITLEMENTS.entitled(ann, TestApp.NOW.plus(Duration.ofDays(29)))).isTrue();
        Document shown = Html.parse(admin.get(page));
        assertThat(shown.select(".nr-facts").text()).contains("Subscriber: Monthly, until 7 January 2026");
        assertThat(shown.select("[id^=subscription-] th").eachText()).containsExactly("Monthly");

        long id = count("SELECT id FROM subscriptions");
        admin.submit(page, page + "/subscriptions/" + id + "/cancel", Map.of());
        assertThat(ENTITLEMENTS.entitled(ann, TestApp.NOW)).isFalse();
        assertThat(count("SELECT count(*) FROM subscriptions WHERE status = 'cancelled'")).isEqualTo(1);
        assertThat(audit()).containsExactly("subscription granted: ann@example.test", "subscription cancelled: ann@example.test");
    }

    @Test
    void aStripeSubscriptionIsNotCancelledHere() {
        long ann = SubscriptionFixtures.reader("ann@example.test", "Ann");
        long id = SubscriptionFixtures.subscription(ann, null, "active", TestApp.NOW.plus(Duration.ofDays(3)), null, "stripe", "sub_1");
        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);
        String page = "/newsroom/readers/" + ann;
        assertThat(Html.parse(admin.get(page)).select("form[action$=/cancel]")).isEmpty();

        assertThat(admin.submit(page, page + "/subscriptions/" + id + "/cancel", Map.of()).statusCode()).isEqualTo(404);
        assertThat(ENTITLEMENTS.entitled(ann, TestApp.NOW)).isTrue();
    }
}
