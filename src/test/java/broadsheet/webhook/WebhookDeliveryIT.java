package broadsheet.webhook;

import static broadsheet.testing.Desk.count;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.content.AccessLevel;
import broadsheet.editing.ArticleEditing;
import broadsheet.editing.Editor;
import broadsheet.editing.Publishing;
import broadsheet.shared.AuditLog;
import broadsheet.shared.Json;
import broadsheet.shared.StaffRole;
import broadsheet.testing.Desk;
import broadsheet.testing.TestClock;
import broadsheet.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sending deliveries to a real receiver on this machine, with a clock the test moves: what the receiver gets (headers,
 * a signature it can check with the documented algorithm, the body), retries after 500s, giving up after 24 hours,
 * redirects not followed, and two senders at once never sending one delivery twice.
 */
@ExtendWith(TestDatabase.class)
class WebhookDeliveryIT {
    private static final Instant T0 = Instant.parse("2025-12-07T15:00:00Z");
    private static final String BASE = "https://news.example.test";
    private final TestClock clock = new TestClock(T0);
    private final Receiver receiver = new Receiver();
    private final ArticleEditing editing = new ArticleEditing(TestDatabase.jdbi(), Desk.LONDON);
    private final Publishing publishing = new Publishing(TestDatabase.jdbi(), Desk.LONDON);
    private final Endpoints endpoints = new Endpoints(TestDatabase.jdbi());
    private final Deliveries deliveries = new Deliveries(TestDatabase.jdbi());
    private Editor editor;

    @BeforeEach
    void desk() {
        Desk.section("world-news", "World news");
        editor = Desk.person(StaffRole.EDITOR, "Edna Editor");
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private WebhookWorker worker() {
        return Sender.on(clock, BASE);
    }

    private Endpoints.WithSecret endpoint(String url) {
        return endpoints.create(AuditLog.Actor.system("test"), new EndpointInput(url, "The test receiver",
                List.of("article.published", "article.updated", "article.unpublished"), true), clock.instant());
    }

    private long published(String headline, AccessLevel access) {
        var content = Desk.withNames(Desk.draft(headline), List.of("Edna Editor"), List.of("Harbours")).toBuilder()
                .access(access).body("The hidden premium paragraph about the harbour.").build();
        long id = ((ArticleEditing.Result.Saved) editing.create(editor, content, clock.instant())).id();
        assertThat(publishing.publish(editor, id, 1, clock.instant())).isInstanceOf(Publishing.Moved.Done.class);
        return id;
    }

    /** The receiver's check, written from the README: HMAC-SHA256 of "t.body" keyed with the secret, in hex. */
    private static boolean verifies(String secret, Receiver.Request r) throws Exception {
        Map<String, String> parts = java.util.Arrays.stream(r.header("Broadsheet-Signature").split(","))
                .map(p -> p.split("=", 2)).collect(Collectors.toMap(p -> p[0], p -> p[1]));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal((parts.get("t") + "." + r.body()).getBytes(StandardCharsets.UTF_8));
        return java.security.MessageDigest.isEqual(expected, HexFormat.of().parseHex(parts.get("v1")));
    }

    @Test
    void aPublishedArticleReachesTheReceiverSignedWithTheEndpointsSecretAndWithoutItsBody() throws Exception {
        var endpoint = endpoint(receiver.url());
        long id = published("Harbour strike ends", AccessLevel.PREMIUM);

        assertThat(worker().runOnce()).isEqualTo(1);

        assertThat(receiver.requests()).hasSize(1);
        var r = receiver.requests().getFirst();
        assertThat(verifies(endpoint.secret(), r)).as("signature").isTrue();
        assertThat(r.header("Broadsheet-Signature")).startsWith("t=" + T0.getEpochSecond() + ",v1=");
        assertThat(r.header("Broadsheet-Event")).isEqualTo("article.published");
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        String deliveryUuid = Desk.strings("SELECT uuid::text FROM webhook_deliveries").getFirst();
        assertThat(r.header("Broadsheet-Delivery")).isEqualTo(deliveryUuid);
        JsonNode body = Json.MAPPER.readTree(r.body());
        assertThat(body.get("type").asText()).isEqualTo("article.published");
        assertThat(body.get("id").asText()).isEqualTo(Desk.strings("SELECT uuid::text FROM webhook_events").getFirst());
        assertThat(body.get("occurredAt").asText()).isEqualTo(T0.toString());
        JsonNode a = body.get("article");
        assertThat(a.get("id").asLong()).isEqualTo(id);
        assertThat(a.get("headline").asText()).isEqualTo("Harbour strike ends");
        assertThat(a.get("url").asText()).isEqualTo(BASE + Desk.article(id).path());
        assertThat(a.get("section").get("slug").asText()).isEqualTo("world-news");
        assertThat(a.get("bylines").get(0).get("name").asText()).isEqualTo("Edna Editor");
        assertThat(a.get("topics").get(0).get("name").asText()).isEqualTo("Harbours");
        assertThat(a.get("access").asText()).isEqualTo("premium");
        assertThat(a.get("published").asText()).isEqualTo(T0.toString());
        assertThat(r.body()).doesNotContain("hidden premium paragraph");
        // a signature made with another secret does not verify
        assertThat(verifies("bswh_another", r)).isFalse();

        assertThat(Desk.strings("SELECT state FROM webhook_deliveries")).containsExactly("delivered");
        assertThat(count("SELECT count(*) FROM webhook_attempts WHERE status_code = 200 AND response_body = 'answer 200'")).isEqualTo(1);
    }

    @Test
    void aReceiverAnswering500IsTriedAgainAfterTheFirstWaitAndThenSucceeds() {
        receiver.answer(500, 503);
        endpoint(receiver.url());
        published("Ferry timetable changes", AccessLevel.FREE);
        var worker = worker();

        worker.runOnce();
        assertThat(Desk.strings("SELECT state FROM webhook_deliveries")).containsExactly("pending");
        assertThat(Desk.strings("SELECT next_attempt_at::text FROM webhook_deliveries WHERE next_attempt_at = ?", T0.plusSeconds(30)))
                .hasSize(1);
        assertThat(worker.runOnce()).as("nothing is due before the wait is over").isZero();

        clock.advance(Duration.ofSeconds(30));
        worker.runOnce();
        clock.advance(Duration.ofSeconds(60));
        worker.runOnce();

        assertThat(receiver.requests()).hasSize(3);
        assertThat(receiver.requests().stream().map(r -> r.header("Broadsheet-Delivery")).distinct()).hasSize(1);
        assertThat(Desk.strings("SELECT state FROM webhook_deliveries")).containsExactly("delivered");
        assertThat(Desk.strings("SELECT coalesce(status_code::text, error) FROM webhook_attempts ORDER BY id"))
                .containsExactly("500", "503", "200");
    }

    @Test
    void aReceiverThatNeverSucceedsIsTriedFor24HoursThenTheDeliveryHasFailed() {
        endpoint(receiver.url());
        published("Lighthouse keeper retires", AccessLevel.FREE);
        var worker = worker();
        for (int i = 0; i < 1000; i++) receiver.answer(500);

        worker.runOnce();
        while (Desk.strings("SELECT state FROM webhook_deliveries").getFirst().equals("pending")) {
            Instant next = Instant.parse(Desk.strings(
                    "SELECT to_char(next_attempt_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM webhook_deliveries").getFirst());
            assertThat(next).isBeforeOrEqualTo(T0.plus(Duration.ofHours(24)));
            clock.set(next);
            assertThat(worker.runOnce()).isEqualTo(1);
        }

        assertThat(Desk.strings("SELECT state FROM webhook_deliveries")).containsExactly("failed");
        assertThat(clock.instant()).isEqualTo(T0.plus(Duration.ofHours(24)));
        long attempts = count("SELECT count(*) FROM webhook_attempts");
        assertThat(attempts).isBetween(20L, 40L).isEqualTo(receiver.requests().size());
        clock.advance(Duration.ofDays(1));
        assertThat(worker.runOnce()).as("nothing more after giving up").isZero();
    }

    @Test
    void aRedirectIsNotFollowedAndCountsAsAFailure() {
        receiver.answer(301);
        endpoint(receiver.url());
        published("Bridge closes", AccessLevel.FREE);

        worker().runOnce();

        assertThat(receiver.requests()).hasSize(1);
        assertThat(Desk.strings("SELECT state FROM webhook_deliveries")).containsExactly("pending");
        assertThat(Desk.strings("SELECT error FROM webhook_attempts")).singleElement().asString().contains("Redirects are not followed");
    }

    @Test
    void aReceiverThatCannotBeReachedIsRecordedAndTriedAgain() {
        String url = receiver.url();
        receiver.close();
        endpoint(url);
        published("Power cut in the old town", AccessLevel.FREE);

        worker().runOnce();

        assertThat(Desk.strings("SELECT state FROM webhook_deliveries")).containsExactly("pending");
        assertThat(Desk.strings("SELECT error FROM webhook_attempts WHERE status_code IS NULL")).singleElement().asString()
                .startsWith("Could not connect");
    }

    @Test
    void aReceiverThatHangsIsGivenUpOnAfterTheTimeoutAndPublishingGoesOnMeanwhile() throws Exception {
        receiver.answer(Receiver.HOLD);
        endpoint(receiver.url());
        published("Slow news day", AccessLevel.FREE);
        var worker = Sender.on(clock, BASE, Duration.ofSeconds(1));
        try (ExecutorService thread = Executors.newSingleThreadExecutor()) {
            Future<Integer> sending = thread.submit(worker::runOnce);
            while (receiver.requests().isEmpty()) Thread.onSpinWait();

            // the receiver holds the request: publishing does not wait for it
            published("Another story while the receiver hangs", AccessLevel.FREE);

            assertThat(sending.get()).isEqualTo(1);
        }
        assertThat(Desk.strings("SELECT error FROM webhook_attempts")).containsExactly("No answer within 1 seconds.");
        assertThat(Desk.strings("SELECT state FROM webhook_deliveries")).containsExactly("pending");
        assertThat(count("SELECT count(*) FROM webhook_events")).as("the second article's event, queued meanwhile").isEqualTo(2);
    }

    @Test
    void twoSendersAtOnceNeverSendOneDeliveryTwice() throws Exception {
        var endpoint = endpoint(receiver.url());
        int events = 60;
        for (int i = 0; i < events; i++) deliveries.ping(AuditLog.Actor.system("test"), endpoints.byId(endpoint.endpoint().id()).orElseThrow(), T0);
        deliveries.fanOut(w -> "{\"type\":\"ping\"}", T0);
        List<WebhookWorker> workers = List.of(worker(), worker(), worker());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> running = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(workers.size())) {
            for (var w : workers) running.add(threads.submit(() -> {
                go.await();
                return w.runOnce();
            }));
            go.countDown();
            int made = 0;
            for (var f : running) made += f.get();
            assertThat(made).isEqualTo(events);
        }

        Map<String, Long> perDelivery = receiver.requests().stream()
                .collect(Collectors.groupingBy(r -> r.header("Broadsheet-Delivery"), Collectors.counting()));
        assertThat(perDelivery).hasSize(events).allSatisfy((id, times) -> assertThat(times).as(id).isEqualTo(1));
        assertThat(count("SELECT count(*) FROM webhook_deliveries WHERE state = 'delivered'")).isEqualTo(events);
        assertThat(count("SELECT count(*) FROM webhook_attempts")).isEqualTo(events);
    }

    @Test
    void aPingGoesToItsEndpointOnlyEvenWhenAnotherWantsEveryEvent() throws Exception {
        var first = endpoint(receiver.url());
        endpoint("https://other.example.test/hook");
        deliveries.ping(AuditLog.Actor.system("test"), first.endpoint(), T0);

        worker().runOnce();

        assertThat(receiver.requests()).singleElement().satisfies(r -> {
            assertThat(r.header("Broadsheet-Event")).isEqualTo("ping");
            assertThat(Json.MAPPER.readTree(r.body()).get("type").asText()).isEqualTo("ping");
        });
        assertThat(count("SELECT count(*) FROM webhook_deliveries")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'webhook test sent'")).isEqualTo(1);
    }

    @Test
    void oldSettledDeliveriesArePrunedAndPendingOnesKept() {
        receiver.answer(500);
        var endpoint = endpoint(receiver.url());
        published("Old news", AccessLevel.FREE);
        var worker = worker();
        worker.runOnce();
        deliveries.ping(AuditLog.Actor.system("test"), endpoint.endpoint(), T0);
        worker.runOnce();
        assertThat(Desk.strings("SELECT state FROM webhook_deliveries ORDER BY id")).containsExactly("pending", "delivered");

        assertThat(deliveries.prune(T0.plus(Duration.ofDays(1)))).isEqualTo(1);

        assertThat(Desk.strings("SELECT state FROM webhook_deliveries")).containsExactly("pending");
        assertThat(count("SELECT count(*) FROM webhook_attempts")).isEqualTo(1);
    }
}
