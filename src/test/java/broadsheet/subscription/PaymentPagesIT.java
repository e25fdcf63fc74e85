package broadsheet.subscription;

import static broadsheet.subscription.StripeSignatures.SECRET;
import static broadsheet.subscription.StripeSignatures.checkoutCompleted;
import static broadsheet.subscription.StripeSignatures.sign;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.Config;
import broadsheet.testing.Html;
import broadsheet.testing.Newsroom;
import broadsheet.testing.RawHttp;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The payment addresses over the real server with Stripe configured (its API a local stand-in): the webhook applies
 * a signed event once and refuses anything else with problem JSON and nothing changed, and takes no body larger than
 * an event; the subscribe button sends a visitor who is not signed in to sign up; the return page thanks the reader.
 * (A signed-in reader's subscribe and portal buttons need the reader accounts' sign-in, built beside this.)
 */
@ExtendWith(TestDatabase.class)
class PaymentPagesIT {
    private static final StripeStandIn STRIPE = new StripeStandIn();
    @RegisterExtension
    static final TestApp app = new TestApp()
            .with(Config.STRIPE_SECRET_KEY.key(), "sk_test_broadsheet")
            .with(Config.STRIPE_WEBHOOK_SECRET.key(), SECRET)
            .with(Config.STRIPE_API_BASE.key(), STRIPE.apiBase());
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @AfterAll
    static void stopStripe() {
        STRIPE.close();
    }

    @BeforeEach
    void emptyTheCaches() {
        app.app().contentChanged();
    }

    private static HttpResponse<String> webhook(String body, String signature) {
        var request = HttpRequest.newBuilder(URI.create(app.url("/payments/stripe/webhook")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) request.header("Stripe-Signature", signature);
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long count(String table) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
    }

    @Test
    void aSignedEventIsAppliedOnceHoweverOftenItIsDelivered() {
        long ann = SubscriptionFixtures.reader("ann@example.test", "Ann");
        long plan = SubscriptionFixtures.plan("Monthly", "month", 950, "GBP", null);
        String body = checkoutCompleted("evt_1", TestApp.NOW.minusSeconds(5), ann, plan, "sub_1");

        var first = webhook(body, sign(body, SECRET, app.clock().instant()));
        var again = webhook(body, sign(body, SECRET, app.clock().instant()));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(count("subscriptions")).isEqualTo(1);
        assertThat(count("payment_events")).isEqualTo(1);
        assertThat(count("stripe_customers")).isEqualTo(1);
        assertThat(new Entitlements(TestDatabase.jdbi(), ZoneId.of("Europe/London")).entitled(ann, TestApp.NOW)).isTrue();
    }

    @Test
    void aBadOrMissingSignatureIsRefusedWithProblemJsonAndNothingChanges() {
        long ann = SubscriptionFixtures.reader("ann@example.test", "Ann");
        long plan = SubscriptionFixtures.plan("Monthly", "month", 950, "GBP", null);
        String body = checkoutCompleted("evt_1", TestApp.NOW, ann, plan, "sub_1");

        for (String signature : new String[] {null, "", "t=1,v1=deadbeef", sign(body, "whsec_not_ours", app.clock().instant())}) {
            var r = webhook(body, signature);
            assertThat(r.statusCode()).as(signature).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            var problem = Html.json(r.body());
            assertThat(problem.path("status").asInt()).isEqualTo(400);
            assertThat(problem.path("detail").asText()).contains("Nothing was changed");
        }
        assertThat(count("subscriptions")).isZero();
        assertThat(count("payment_events")).isZero();
        assertThat(count("stripe_customers")).isZero();
    }

    @Test
    void aBodyLargerThanAnyEventIsRefusedBeforeItIsRead() {
        // the length is declared and the body held back: the answer must come from the head alone
        RawHttp.Answer r = RawHttp.exchange(app, "POST /payments/stripe/webhook HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nStripe-Signature: t=1,v1=0\r\nContent-Length: " + 300 * 1024 + "\r\n\r\n");

        assertThat(r.status()).isEqualTo(413);
        assertThat(count("payment_events")).isZero();
    }

    @Test
    void aVisitorWhoIsNotSignedInIsSentToSignUpAndThenBackToThePlans() {
        long plan = SubscriptionFixtures.plan("Monthly", "month", 950, "GBP", null);
        var visitor = Newsroom.anonymous(app);
        assertThat(Html.parse(app.get("/subscribe")).select(".plan form").attr("action")).isEqualTo("/subscribe/" + plan);

        var r = visitor.post("/subscribe/" + plan, Map.of());

        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/account/signup?next=/subscribe");
        assertThat(visitor.post("/subscribe/999999", Map.of()).statusCode()).isEqualTo(404);
        assertThat(visitor.post("/payments/portal", Map.of()).statusCode()).as("a reader's form").isEqualTo(403);
        assertThat(STRIPE.requests()).isEmpty();
    }

    @Test
    void theReturnPageThanksTheReaderAndSaysWhenAccessStarts() {
        var r = app.get("/payments/return");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Html.parse(r).select("main").text()).contains("Thank you").contains("access starts as soon as the payment is confirmed");
    }
}
