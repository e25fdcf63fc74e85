package broadsheet.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.Config;
import broadsheet.testing.Html;
import broadsheet.testing.Newsroom;
import broadsheet.testing.Readers;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The subscribe and portal buttons for a reader signed in through the sign-in page, over the real route table, the
 * test database and the Stripe library pointed at a local stand-in (or, for one server, no payments at all).
 */
@ExtendWith(TestDatabase.class)
class SignedInReaderPaymentsIT {
    private static final StripeStandIn STRIPE = new StripeStandIn();

    @RegisterExtension
    static final TestApp app = new TestApp()
            .with(Config.STRIPE_SECRET_KEY.key(), "sk_test_broadsheet")
            .with(Config.STRIPE_WEBHOOK_SECRET.key(), StripeSignatures.SECRET)
            .with(Config.STRIPE_API_BASE.key(), STRIPE.apiBase());

    @RegisterExtension
    static final TestApp withoutPayments = new TestApp();

    private long ann;

    @BeforeEach
    void reader() {
        STRIPE.clear();
        ann = Readers.reader("ann@example.test", "Ann", true);
    }

    private static String csrf(Newsroom.Client reader) {
        return Newsroom.csrf(reader.get("/account").body());
    }

    @Test
    void theFirstPressAsksTheReaderToConfirmWithTheirFormTokenAndTheSecondGoesToStripe() {
        long plan = SubscriptionFixtures.plan("Monthly", "month", 950, "GBP", "price_1Monthly");
        Newsroom.Client reader = Readers.signIn(app, "ann@example.test", Readers.PASSWORD);

        HttpResponse<String> confirm = reader.post("/subscribe/" + plan, Map.of());
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        var form = Html.parse(confirm).selectFirst("form[action=/subscribe/" + plan + "]");
        assertThat(form).isNotNull();
        assertThat(form.select("input[name=_csrf]").val()).isEqualTo(csrf(reader));
        assertThat(STRIPE.requests()).isEmpty();
        // a wrong token is asked again, never sent to pay
        assertThat(reader.post("/subscribe/" + plan, Map.of("_csrf", "forged")).statusCode()).isEqualTo(200);
        assertThat(STRIPE.requests()).isEmpty();

        HttpResponse<String> go = reader.post("/subscribe/" + plan, Map.of("_csrf", csrf(reader)));

        assertThat(go.statusCode()).isEqualTo(303);
        assertThat(go.headers().firstValue("Location")).hasValue(StripeStandIn.CHECKOUT_URL);
        assertThat(STRIPE.requests()).singleElement().satisfies(r -> assertThat(r.form())
                .containsEntry("client_reference_id", String.valueOf(ann))
                .containsEntry("customer_email", "ann@example.test")
                .containsEntry("line_items[0][price]", "price_1Monthly")
                .containsEntry("success_url", TestApp.BASE_URL + "/payments/return")
                .containsEntry("cancel_url", TestApp.BASE_URL + "/subscribe"));
    }

    @Test
    void aVisitorNotSignedInIsSentToSignUpFirst() {
        long plan = SubscriptionFixtures.plan("Monthly", "month", 950, "GBP", null);

        HttpResponse<String> r = Newsroom.anonymous(app).post("/subscribe/" + plan, Map.of());

        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/account/signup?next=/subscribe");
        assertThat(STRIPE.requests()).isEmpty();
    }

    @Test
    void aReaderWhoPaidBeforeChecksOutAsTheSameCustomer() {
        long plan = SubscriptionFixtures.plan("Monthly", "month", 950, "GBP", null);
        TestDatabase.jdbi().useHandle(h -> h.execute("INSERT INTO stripe_customers (reader_id, customer_id, created_at) VALUES (?, 'cus_ann', now())", ann));
        Newsroom.Client reader = Readers.signIn(app, "ann@example.test", Readers.PASSWORD);

        reader.post("/subscribe/" + plan, Map.of("_csrf", csrf(reader)));

        assertThat(STRIPE.requests()).singleElement().satisfies(r -> assertThat(r.form()).containsEntry("customer", "cus_ann")
                .doesNotContainKey("customer_email"));
    }

    @Test
    void withoutPaymentsTheButtonSaysThePaperArrangesSubscriptions() {
        long plan = SubscriptionFixtures.plan("Monthly", "month", 950, "GBP", null);
        Newsroom.Client reader = Readers.signIn(withoutPayments, "ann@example.test", Readers.PASSWORD);

        HttpResponse<String> r = reader.post("/subscribe/" + plan, Map.of("_csrf", csrf(reader)));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Html.parse(r).select("h1").text()).isEqualTo("Subscriptions are arranged by the paper");
        assertThat(STRIPE.requests()).isEmpty();
    }

    @Test
    void anEntitledStripeCustomerIsSentToThePortalAndOthersAreTold() {
        Newsroom.Client reader = Readers.signIn(app, "ann@example.test", Readers.PASSWORD);
        assertThat(reader.post("/payments/portal", Map.of("_csrf", csrf(reader))).statusCode()).isEqualTo(409);
        assertThat(reader.post("/payments/portal", Map.of()).statusCode()).as("no form token").isEqualTo(403);
        assertThat(Newsroom.anonymous(app).post("/payments/portal", Map.of()).statusCode()).as("not signed in").isEqualTo(403);

        TestDatabase.jdbi().useHandle(h -> h.execute("INSERT INTO stripe_customers (reader_id, customer_id, created_at) VALUES (?, 'cus_ann', now())", ann));
        SubscriptionFixtures.subscription(ann, null, "active", TestApp.NOW.plus(Duration.ofDays(20)), null, "stripe", "sub_ann");

        HttpResponse<String> r = reader.post("/payments/portal", Map.of("_csrf", csrf(reader)));

        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue(StripeStandIn.PORTAL_URL);
        assertThat(STRIPE.requests()).singleElement().satisfies(q -> assertThat(q.form())
                .containsEntry("customer", "cus_ann").containsEntry("return_url", TestApp.BASE_URL + "/account"));
    }

    @Test
    void theAccountPageSaysWhatTheReaderMayReadAndOffersThePortal() {
        Newsroom.Client reader = Readers.signIn(app, "ann@example.test", Readers.PASSWORD);
        assertThat(Html.parse(reader.get("/account")).select("a[href=/subscribe]").text()).isEqualTo("See the plans");

        long plan = SubscriptionFixtures.plan("Monthly", "month", 950, "GBP", null);
        SubscriptionFixtures.subscription(ann, plan, "active", TestApp.NOW.plus(Duration.ofDays(20)), null, "stripe", "sub_ann");

        var page = Html.parse(reader.get("/account"));
        assertThat(page.text()).contains("Subscriber: Monthly");
        assertThat(page.select("form[action=/payments/portal] button").text()).isEqualTo("Manage your subscription");
    }
}
