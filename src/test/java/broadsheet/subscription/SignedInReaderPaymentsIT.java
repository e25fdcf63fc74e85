package broadsheet.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.Html;
import broadsheet.testing.TestClock;
import broadsheet.testing.TestDatabase;
import broadsheet.web.Cookies;
import broadsheet.web.ErrorPages;
import broadsheet.web.HttpProblem;
import broadsheet.web.PageCache;
import broadsheet.web.Pages;
import broadsheet.web.ReaderAccess;
import broadsheet.web.SignedInReader;
import broadsheet.web.SiteInfo;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The subscribe and portal buttons for a signed-in reader, over a real server, the test database and the Stripe
 * library pointed at a local stand-in. The reader accounts (their sessions and sign-in) are built beside this part,
 * so the server here is composed with the toolkit's {@link ReaderAccess} answering one reader for one cookie, as the
 * reader accounts will; the route table's own wiring of these buttons is tested once the parts are merged.
 */
@ExtendWith(TestDatabase.class)
class SignedInReaderPaymentsIT {
    private static final Instant NOW = Instant.parse("2025-12-07T15:00:00Z");
    private static final String BASE = "https://news.example.test";
    private static final String CSRF = "reader-form-token";
    private final StripeStandIn stripe = new StripeStandIn();
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private Javalin server;
    private long ann;

    @AfterEach
    void stop() {
        if (server != null) server.stop();
        stripe.close();
    }

    /** A server whose one signed-in reader is Ann (cookie "ann"); payments through the stand-in, or none. */
    private void start(boolean payments) {
        ann = SubscriptionFixtures.reader("ann@example.test", "Ann");
        var jdbi = TestDatabase.jdbi();
        var clock = new TestClock(NOW);
        var site = new SiteInfo(BASE, ZoneId.of("Europe/London"), "/assets/site.css",
                () -> new SiteInfo.Paper("The Courier", "", List.of()), () -> new SiteInfo.Paper("The Courier", "", List.of()));
        var pages = new SubscribePages(new Plans(jdbi), new Entitlements(jdbi, ZoneId.of("Europe/London")),
                payments ? Optional.of(new StripePayments("sk_test_broadsheet", stripe.apiBase())) : Optional.empty(),
                new StripeEvents(jdbi, StripeSignatures.SECRET, clock), site, new Pages(new PageCache(0)), clock);
        SignedInReader.Lookup lookup = (cookie, now) -> cookie.equals("ann")
                ? Optional.of(new SignedInReader(ann, "Ann", "ann@example.test", CSRF)) : Optional.empty();
        var readers = new ReaderAccess(lookup, clock);
        var errors = new ErrorPages(site);
        server = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.jetty.host = "127.0.0.1";
            c.jetty.port = 0;
            c.routes.before(readers::identify);
            c.routes.exception(HttpProblem.class, errors::problem);
            c.routes.post("/subscribe/{planId}", pages::subscribe);
            c.routes.post("/payments/portal", pages::portal);
        }).start();
    }

    private HttpResponse<String> post(String path, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                    .header("Cookie", Cookies.READER + "=ann").header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theFirstPressAsksTheReaderToConfirmWithTheirFormTokenAndTheSecondGoesToStripe() {
        start(true);
        long plan = SubscriptionFixtures.plan("Monthly", "month", 950, "GBP", "price_1Monthly");

        var confirm = post("/subscribe/" + plan, Map.of());
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.headers().firstValue("Cache-Control")).hasValue("no-store");
        var form = Html.parse(confirm).selectFirst("form[action=/subscribe/" + plan + "]");
        assertThat(form).isNotNull();
        assertThat(form.select("input[name=_csrf]").val()).isEqualTo(CSRF);
        assertThat(stripe.requests()).isEmpty();
        // a wrong token is asked again, never sent to pay
        assertThat(post("/subscribe/" + plan, Map.of("_csrf", "forged")).statusCode()).isEqualTo(200);
        assertThat(stripe.requests()).isEmpty();

        var go = post("/subscribe/" + plan, Map.of("_csrf", CSRF));

        assertThat(go.statusCode()).isEqualTo(303);
        assertThat(go.headers().firstValue("Location")).hasValue(StripeStandIn.CHECKOUT_URL);
        assertThat(stripe.requests()).singleElement().satisfies(r -> assertThat(r.form())
                .containsEntry("client_reference_id", String.valueOf(ann))
                .containsEntry("customer_email", "ann@example.test")
                .containsEntry("line_items[0][price]", "price_1Monthly")
                .containsEntry("success_url", BASE + "/payments/return")
                .containsEntry("cancel_url", BASE + "/subscribe"));
    }

    @Test
    void aReaderWhoPaidBeforeChecksOutAsTheSameCustomer() {
        start(true);
        long plan = SubscriptionFixtures.plan("Monthly", "month", 950, "GBP", null);
        TestDatabase.jdbi().useHandle(h -> h.execute("INSERT INTO stripe_customers (reader_id, customer_id, created_at) VALUES (?, 'cus_ann', now())", ann));

        post("/subscribe/" + plan, Map.of("_csrf", CSRF));

        assertThat(stripe.requests()).singleElement().satisfies(r -> assertThat(r.form()).containsEntry("customer", "cus_ann")
                .doesNotContainKey("customer_email"));
    }

    @Test
    void withoutPaymentsTheButtonSaysThePaperArrangesSubscriptions() {
        start(false);
        long plan = SubscriptionFixtures.plan("Monthly", "month", 950, "GBP", null);

        var r = post("/subscribe/" + plan, Map.of("_csrf", CSRF));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Html.parse(r).select("h1").text()).isEqualTo("Subscriptions are arranged by the paper");
        assertThat(stripe.requests()).isEmpty();
    }

    @Test
    void anEntitledStripeCustomerIsSentToThePortalAndOthersAreTold() {
        start(true);
        var before = post("/payments/portal", Map.of("_csrf", CSRF));
        assertThat(before.statusCode()).isEqualTo(409);
        assertThat(post("/payments/portal", Map.of()).statusCode()).isEqualTo(403);

        TestDatabase.jdbi().useHandle(h -> h.execute("INSERT INTO stripe_customers (reader_id, customer_id, created_at) VALUES (?, 'cus_ann', now())", ann));
        SubscriptionFixtures.subscription(ann, null, "active", NOW.plus(Duration.ofDays(20)), null, "stripe", "sub_ann");

        var r = post("/payments/portal", Map.of("_csrf", CSRF));

        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue(StripeStandIn.PORTAL_URL);
        assertThat(stripe.requests()).singleElement().satisfies(q -> assertThat(q.form())
                .containsEntry("customer", "cus_ann").containsEntry("return_url", BASE + "/account"));
    }
}
