package broadsheet.webhook;

import static broadsheet.testing.Desk.count;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.editing.ArticleEditing;
import broadsheet.editing.Publishing;
import broadsheet.shared.StaffRole;
import broadsheet.testing.Desk;
import broadsheet.testing.Newsroom;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The newsroom's webhook pages over the real server, whose own sender delivers to a receiver on this machine:
 * registering an endpoint (the secret shown once), each field's limits, sending a test event and seeing its attempt,
 * redelivering, replacing the secret, and an article published on the desk reaching the receiver.
 */
@ExtendWith(TestDatabase.class)
class WebhookPagesIT {
    private static final Pattern SECRET = Pattern.compile("value=\"(bswh_[A-Za-z0-9_-]{40,})\"");
    private static final Pattern ENDPOINT = Pattern.compile("href=\"/newsroom/webhooks/([0-9]+)\"");
    private static final Pattern DELIVERY = Pattern.compile("href=\"/newsroom/webhooks/[0-9]+/deliveries/([0-9]+)\"");
    private static final String ALL = "events=article.published&events=article.updated&events=article.unpublished";

    @RegisterExtension
    static final TestApp app = new TestApp();
    private final Receiver receiver = new Receiver();

    @AfterEach
    void stop() {
        receiver.close();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static java.net.http.HttpResponse<String> add(Newsroom.Client admin, String url, String description, String events) {
        String csrf = Newsroom.csrf(admin.get("/newsroom/webhooks/new").body());
        return admin.postEncoded("/newsroom/webhooks", "_csrf=" + enc(csrf) + "&url=" + enc(url) + "&description=" + enc(description)
                + (events.isEmpty() ? "" : "&" + events) + "&enabled=yes");
    }

    /** Waits (up to a minute) for the server's own sender to get something done. */
    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("waited a minute for " + what);
            Thread.sleep(50);
        }
    }

    @Test
    void anAdminAddsAnEndpointSeesTheSecretOnceAndATestEventReachesTheReceiver() throws Exception {
        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);
        assertThat(admin.get("/newsroom/webhooks/").body()).contains("<h1>Webhooks</h1>", "No endpoints yet.");

        var created = add(admin, receiver.url(), "Syndication partner", ALL);
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.headers().firstValue("Cache-Control")).contains("no-store");
        Matcher m = SECRET.matcher(created.body());
        assertThat(m.find()).isTrue();
        String secret = m.group(1);
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'webhook endpoint added'")).isEqualTo(1);

        var list = admin.get("/newsroom/webhooks/").body();
        assertThat(list).contains(receiver.url(), "Syndication partner").doesNotContain(secret);
        Matcher e = ENDPOINT.matcher(list);
        assertThat(e.find()).isTrue();
        String page = "/newsroom/webhooks/" + e.group(1);
        assertThat(admin.get(page).body()).contains("No deliveries").doesNotContain(secret);

        var ping = admin.submit(page, page + "/ping", java.util.Map.of());
        assertThat(ping.statusCode()).isEqualTo(303);
        await("the test event to be delivered", () -> count("SELECT count(*) FROM webhook_deliveries WHERE state = 'delivered'") == 1);
        assertThat(receiver.requests()).singleElement().satisfies(r -> {
            assertThat(r.header("Broadsheet-Event")).isEqualTo("ping");
            assertThat(r.header("Broadsheet-Signature")).isEqualTo(Signature.header(secret,
                    Long.parseLong(r.header("Broadsheet-Signature").replaceAll("^t=([0-9]+),.*$", "$1")), r.body().getBytes(StandardCharsets.UTF_8)));
        });

        String endpointPage = admin.get(page).body();
        assertThat(endpointPage).contains("<code>ping</code>", "delivered");
        Matcher d = DELIVERY.matcher(endpointPage);
        assertThat(d.find()).isTrue();
        String deliveryPage = page + "/deliveries/" + d.group(1);
        assertThat(admin.get(deliveryPage).body()).contains("answer 200", "Redeliver", "\"type\":\"ping\"");

        var again = admin.submit(deliveryPage, deliveryPage + "/redeliver", java.util.Map.of());
        assertThat(again.statusCode()).isEqualTo(303);
        await("the redelivery", () -> receiver.requests().size() == 2 && count("SELECT count(*) FROM webhook_attempts") == 2);
        assertThat(receiver.requests().get(1).header("Broadsheet-Delivery")).isEqualTo(receiver.requests().get(0).header("Broadsheet-Delivery"));
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'webhook redelivered'")).isEqualTo(1);

        var rotated = admin.submit(page, page + "/secret", java.util.Map.of());
        Matcher r2 = SECRET.matcher(rotated.body());
        assertThat(r2.find()).isTrue();
        assertThat(r2.group(1)).isNotEqualTo(secret);
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'webhook secret replaced'")).isEqualTo(1);
    }

    @Test
    void anArticlePublishedOnTheDeskReachesTheReceiverThroughTheServersOwnSender() throws Exception {
        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);
        add(admin, receiver.url(), "", "events=article.published");
        Desk.section("world-news", "World news");
        var editor = Desk.person(StaffRole.EDITOR, "Edna Editor");
        var editing = new ArticleEditing(TestDatabase.jdbi(), Desk.LONDON);
        long id = ((ArticleEditing.Result.Saved) editing.create(editor, Desk.draft("Tide tables"), TestApp.NOW)).id();
        new Publishing(TestDatabase.jdbi(), Desk.LONDON).publish(editor, id, 1, TestApp.NOW);

        await("the article to be delivered", () -> !receiver.requests().isEmpty());
        assertThat(receiver.requests().getFirst().body()).contains("\"headline\":\"Tide tables\"",
                "\"url\":\"" + TestApp.BASE_URL + Desk.article(id).path() + "\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "an ftp address|ftp://example.com/in|ALL|ftp: addresses cannot receive events",
            "plain http elsewhere|http://example.com/in|ALL|Plain http:// is allowed only to this machine",
            "a password in the address|https://me:pw@example.com/in|ALL|Leave the user name and password out",
            "an address too long|LONG_URL|ALL|at most 2000 characters",
            "a description too long|https://example.com/in|ALL|Use at most 200 characters",
            "no events|https://example.com/in|NONE|Choose at least one event",
            "an unknown event|https://example.com/in|events=article.deleted|Choose events from the list"})
    void aRefusedFormSaysWhyKeepsWhatWasTypedAndSavesNothing(String what, String url, String events, String message) {
        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);
        String address = url.equals("LONG_URL") ? "https://example.com/" + "a".repeat(EndpointUrl.MAX_LENGTH) : url;
        String description = what.equals("a description too long") ? "d".repeat(EndpointInput.MAX_DESCRIPTION + 1) : "Kept words";
        String chosen = switch (events) {
            case "ALL" -> ALL;
            case "NONE" -> "";
            default -> events;
        };

        var r = add(admin, address, description, chosen);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("Nothing was saved", message, "class=\"nr-field-error\"");
        if (!what.equals("an address too long")) assertThat(r.body()).contains("value=\"" + address.replace("&", "&amp;") + "\"");
        assertThat(count("SELECT count(*) FROM webhook_endpoints")).isZero();
        assertThat(count("SELECT count(*) FROM audit_log WHERE action LIKE 'webhook%'")).isZero();
    }

    @Test
    void theLongestDescriptionAndAddressAreTakenAndChangesAreSavedAndAudited() {
        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);
        String longest = "https://example.com/" + "a".repeat(EndpointUrl.MAX_LENGTH - "https://example.com/".length());
        assertThat(add(admin, longest, "d".repeat(EndpointInput.MAX_DESCRIPTION), ALL).statusCode()).isEqualTo(200);
        long id = count("SELECT id FROM webhook_endpoints");
        String page = "/newsroom/webhooks/" + id;

        String csrf = Newsroom.csrf(admin.get(page).body());
        var saved = admin.postEncoded(page, "_csrf=" + enc(csrf) + "&url=" + enc("https://example.org/new") + "&description=Renamed"
                + "&events=article.updated");
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location")).hasValue(page + "?notice=saved");
        assertThat(admin.get(page + "?notice=saved").body()).contains("Saved.", "https://example.org/new", "Renamed");
        assertThat(Desk.strings("SELECT array_to_string(events, ',') || ' ' || enabled FROM webhook_endpoints"))
                .containsExactly("article.updated false");
        assertThat(Desk.strings("SELECT action FROM audit_log WHERE action LIKE 'webhook%' ORDER BY id"))
                .isEqualTo(List.of("webhook endpoint added", "webhook endpoint turned off"));

        var refused = admin.postEncoded(page, "_csrf=" + enc(csrf) + "&url=" + enc("gopher://example.org/") + "&" + ALL);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("gopher: addresses cannot receive events");
        assertThat(Desk.strings("SELECT url FROM webhook_endpoints")).containsExactly("https://example.org/new");
    }

    @Test
    void anEndpointsDeliveriesArePagedNewestFirstWithoutRepeatsOrGaps() throws Exception {
        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);
        add(admin, receiver.url(), "", ALL);
        long id = count("SELECT id FROM webhook_endpoints");
        var endpoint = new Endpoints(TestDatabase.jdbi()).byId(id).orElseThrow();
        var deliveries = new Deliveries(TestDatabase.jdbi());
        int sent = WebhookPages.PAGE + 5;
        for (int i = 0; i < sent; i++) deliveries.ping(broadsheet.shared.AuditLog.Actor.system("test"), endpoint, TestApp.NOW);
        await("the test events to be delivered", () -> count("SELECT count(*) FROM webhook_deliveries WHERE state = 'delivered'") == sent);

        String first = admin.get("/newsroom/webhooks/" + id).body();
        List<Long> firstIds = ids(first);
        Matcher older = Pattern.compile("rel=\"next\" href=\"([^\"]+)\"").matcher(first);
        assertThat(older.find()).isTrue();
        String second = admin.get(older.group(1).replace("&amp;", "&")).body();
        List<Long> secondIds = ids(second);

        assertThat(firstIds).hasSize(WebhookPages.PAGE).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(secondIds).hasSize(5).allSatisfy(x -> assertThat(x).isLessThan(firstIds.getLast()));
        assertThat(second).doesNotContain("rel=\"next\"").contains("Newest");
        assertThat(java.util.stream.Stream.concat(firstIds.stream(), secondIds.stream()).distinct().count()).isEqualTo(sent);
    }

    private static List<Long> ids(String page) {
        Matcher m = DELIVERY.matcher(page);
        List<Long> out = new java.util.ArrayList<>();
        while (m.find()) out.add(Long.parseLong(m.group(1)));
        return out;
    }

    @Test
    void addressesWithNothingAtThemAnswer404() {
        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);
        assertThat(admin.get("/newsroom/webhooks/999").statusCode()).isEqualTo(404);
        assertThat(admin.get("/newsroom/webhooks/abc").statusCode()).isEqualTo(404);
        add(admin, "https://example.com/in", "", ALL);
        long id = count("SELECT id FROM webhook_endpoints");
        assertThat(admin.get("/newsroom/webhooks/" + id + "/deliveries/5").statusCode()).isEqualTo(404);
        assertThat(admin.get("/newsroom/webhooks/" + id + "?before=x").statusCode()).isEqualTo(404);
        assertThat(admin.get("/newsroom/webhooks/" + id + "?before=1").statusCode()).isEqualTo(200);
    }

    @Test
    void editorsAndReportersCannotSeeWebhooks() {
        for (StaffRole role : List.of(StaffRole.EDITOR, StaffRole.REPORTER)) {
            var who = Newsroom.signedIn(app, role);
            assertThat(who.get("/newsroom/webhooks/").statusCode()).as(role.word()).isEqualTo(403);
            assertThat(who.get("/newsroom/").body()).as(role.word()).doesNotContain("/newsroom/webhooks/");
        }
        assertThat(Newsroom.signedIn(app, StaffRole.ADMIN).get("/newsroom/").body()).contains("href=\"/newsroom/webhooks/\"");
    }
}
