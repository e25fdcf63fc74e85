package broadsheet.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.Config;
import broadsheet.shared.StaffRole;
import broadsheet.testing.Html;
import broadsheet.testing.Newsroom;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The newsroom's plan pages over the real server, with the page cache on: an admin adds, edits and takes plans off
 * sale, and the public subscribe page shows it at once; bad input is refused field by field with nothing stored; a
 * plan a subscription uses is retired, not deleted; every change is in the audit log; staff below admin are refused.
 */
@ExtendWith(TestDatabase.class)
class PlanPagesIT {
    @RegisterExtension
    static final TestApp app = new TestApp().with(Config.PAGE_CACHE_MB.key(), "16");

    /** The page cache outlives the rows of the test before: empty it, as a change would. */
    @BeforeEach
    void emptyTheCaches() {
        app.app().contentChanged();
    }

    private static Map<String, String> plan(String name, String period, String price, String currency, String stripe) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("name", name);
        f.put("period", period);
        f.put("price", price);
        f.put("currency", currency);
        f.put("stripePriceId", stripe);
        return f;
    }

    private static HttpResponse<String> create(Newsroom.Client admin, Map<String, String> form) {
        return admin.submit("/newsroom/plans/", "/newsroom/plans", form);
    }

    private static long count(String sql) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static List<String> audit() {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT action || ': ' || subject FROM audit_log WHERE action LIKE 'plan%' ORDER BY id")
                .mapTo(String.class).list());
    }

    @Test
    void anAdminAddsPlansAndTheSubscribePageOffersThemAtOnce() {
        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);
        assertThat(Html.parse(app.get("/subscribe")).select(".plan")).isEmpty();

        var r = create(admin, plan("Monthly", "month", "9.5", "gbp", ""));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/newsroom/plans/?notice=created"));
        create(admin, plan("Yearly", "year", "1200", "JPY", "price_1Pq2r3Yearly"));

        Document list = Html.parse(admin.get("/newsroom/plans/"));
        assertThat(list.select("nav.nr-nav a[aria-current=page]").eachText()).containsExactly("Plans");
        assertThat(list.select("tbody tr").eachText()).containsExactly(
                "Monthly £9.50 a month given inline Yes Edit Monthly Take off sale Monthly",
                "Yearly JP¥1,200 a year price_1Pq2r3Yearly Yes Edit Yearly Take off sale Yearly");

        var subscribe = app.get("/subscribe");
        assertThat(subscribe.statusCode()).isEqualTo(200);
        assertThat(subscribe.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).startsWith("public"));
        Document page = Html.parse(subscribe);
        assertThat(page.select(".plan .plan-name").eachText()).containsExactly("Monthly", "Yearly");
        assertThat(page.select(".plan .plan-price").eachText()).containsExactly("£9.50 a month", "JP¥1,200 a year");
        assertThat(page.select(".plan form").eachAttr("action")).allSatisfy(a -> assertThat(a).matches("/subscribe/[0-9]+"));
        assertThat(audit()).containsExactly("plan created: Monthly", "plan created: Yearly");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "name|                                                              |month|9.50|GBP|",
            "name|A name far too long for any plan a newspaper would ever offer here|month|9.50|GBP|",
            "period|Monthly|week|9.50|GBP|",
            "price|Monthly|month|nine|GBP|",
            "price|Monthly|month|0|GBP|",
            "price|Monthly|month|1000000.00|GBP|",
            "price|Monthly|month|9.505|GBP|",
            "price|Monthly|month|9.5|JPY|",
            "currency|Monthly|month|9.50|POUNDS|",
            "currency|Monthly|month|9.50|XYZ|",
            "stripePriceId|Monthly|month|9.50|GBP|prod_123"})
    void badInputIsRefusedFieldByFieldAndNothingIsStored(String field, String name, String period, String price, String currency, String stripe) {
        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);

        var r = create(admin, plan(name == null ? "" : name.strip(), period, price, currency, stripe == null ? "" : stripe));

        assertThat(r.statusCode()).isEqualTo(400);
        Document page = Html.parse(r);
        assertThat(page.select(".nr-field-error").eachAttr("id")).containsExactly(field + "-error");
        if (!field.equals("period")) assertThat(page.select("[aria-invalid=true]").eachAttr("name")).containsExactly(field);
        assertThat(page.select("p.nr-error[role=alert]").text()).contains("The plan was not added");
        assertThat(page.select(".nr-field-error").text()).isNotEmpty();
        assertThat(count("SELECT count(*) FROM plans")).isZero();
        assertThat(count("SELECT count(*) FROM audit_log WHERE action LIKE 'plan%'")).isZero();
    }

    @Test
    void anAdminEditsAPlanAndSavingItUnchangedRecordsNothing() {
        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);
        long id = SubscriptionFixtures.plan("Monthly", "month", 950, "GBP", null);
        String page = "/newsroom/plans/" + id;
        assertThat(Html.parse(admin.get(page)).select("#price").val()).isEqualTo("9.50");

        assertThat(admin.submit(page, page, plan("Monthly", "month", "9.50", "GBP", "")).statusCode()).isEqualTo(303);
        assertThat(audit()).isEmpty();

        assertThat(admin.submit(page, page, plan("Digital monthly", "month", "10", "EUR", "price_abc")).statusCode()).isEqualTo(303);
        assertThat(Html.parse(app.get("/subscribe")).select(".plan").eachText()).singleElement()
                .satisfies(t -> assertThat(t).startsWith("Digital monthly €10.00 a month"));
        assertThat(audit()).containsExactly("plan changed: Digital monthly");

        var bad = admin.submit(page, page, plan("Digital monthly", "month", "-1", "EUR", ""));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Html.parse(bad).select("#price").attr("aria-invalid")).isEqualTo("true");
        assertThat(admin.get("/newsroom/plans/999999").statusCode()).isEqualTo(404);
        assertThat(admin.get("/newsroom/plans/x").statusCode()).isEqualTo(404);
    }

    @Test
    void aPlanInUseIsRetiredAndOneNeverUsedIsDeleted() {
        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);
        long used = SubscriptionFixtures.plan("Monthly", "month", 950, "GBP", null);
        long unused = SubscriptionFixtures.plan("Weekend", "month", 500, "GBP", null);
        long ann = SubscriptionFixtures.reader("ann@example.test", "Ann");
        SubscriptionFixtures.subscription(ann, used, "active", TestApp.NOW.plusSeconds(86400), null, "admin", null);
        app.get("/subscribe"); // in the page cache now

        var retire = admin.submit("/newsroom/plans/", "/newsroom/plans/" + used + "/retire", Map.of());
        assertThat(retire.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("notice=retired"));
        var delete = admin.submit("/newsroom/plans/", "/newsroom/plans/" + unused + "/retire", Map.of());
        assertThat(delete.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("notice=deleted"));

        assertThat(count("SELECT count(*) FROM plans")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM plans WHERE active")).isZero();
        assertThat(count("SELECT count(*) FROM subscriptions WHERE plan_id = " + used)).isEqualTo(1);
        assertThat(Html.parse(app.get("/subscribe")).select(".plan")).isEmpty();
        assertThat(Html.parse(admin.get("/newsroom/plans/")).select("tbody tr").eachText())
                .containsExactly("Monthly £9.50 a month given inline Retired Edit Monthly Offer again Monthly");
        // the entitlement of the subscription on it is untouched
        assertThat(new Entitlements(TestDatabase.jdbi(), java.time.ZoneId.of("Europe/London")).entitled(ann, TestApp.NOW)).isTrue();

        admin.submit("/newsroom/plans/", "/newsroom/plans/" + used + "/offer", Map.of());
        assertThat(Html.parse(app.get("/subscribe")).select(".plan-name").eachText()).containsExactly("Monthly");
        assertThat(audit()).containsExactly("plan retired: Monthly", "plan deleted: Weekend", "plan offered again: Monthly");
    }

    @Test
    void staffBelowAdminNeitherSeeNorUseThePlans() {
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);
        assertThat(Html.parse(editor.get("/newsroom/")).select("nav.nr-nav a[href=/newsroom/plans/]")).isEmpty();
        assertThat(editor.get("/newsroom/plans/").statusCode()).isEqualTo(403);
        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);
        assertThat(Html.parse(admin.get("/newsroom/")).select("nav.nr-nav a[href=/newsroom/plans/], nav.nr-nav a[href=/newsroom/readers/]").eachText())
                .containsExactly("Plans", "Readers");
        // a form without the session's token changes nothing
        assertThat(admin.post("/newsroom/plans", plan("Monthly", "month", "9.50", "GBP", "")).statusCode()).isEqualTo(403);
        assertThat(count("SELECT count(*) FROM plans")).isZero();
    }
}
