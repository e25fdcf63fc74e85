package broadsheet.web;

import static broadsheet.testing.Fixtures.story;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.Config;
import broadsheet.content.AccessLevel;
import broadsheet.content.CommentPolicy;
import broadsheet.importing.ArticleSource;
import broadsheet.shared.StaffRole;
import broadsheet.testing.Html;
import broadsheet.testing.Newsroom;
import broadsheet.testing.PrometheusText;
import broadsheet.testing.Readers;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import broadsheet.testing.ThreadsFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What an operator watches on {@code /metrics}, driven by real requests and read back as Prometheus text (strictly: see
 * {@link PrometheusText}): each family is there with its help and type, and its figure moves when the thing happens.
 * A second server on the same database hears the first one's changes through the change feed.
 */
@ExtendWith(TestDatabase.class)
class MetricsIT {
    @RegisterExtension
    static final TestApp app = new TestApp().with(Config.PAGE_CACHE_MB.key(), "16");
    @RegisterExtension
    static final TestApp other = new TestApp();

    /** Every family this work adds, with its type: all must be on /metrics before anything has happened. */
    static final Map<String, String> FAMILIES = Map.ofEntries(
            Map.entry("broadsheet_page_cache_hits_total", "counter"), Map.entry("broadsheet_page_cache_misses_total", "counter"),
            Map.entry("broadsheet_page_cache_evictions_total", "counter"), Map.entry("broadsheet_page_cache_clears_total", "counter"),
            Map.entry("broadsheet_page_cache_entries", "gauge"), Map.entry("broadsheet_page_cache_size_bytes", "gauge"),
            Map.entry("hikaricp_connections_active", "gauge"), Map.entry("hikaricp_connections_idle", "gauge"),
            Map.entry("hikaricp_connections_pending", "gauge"), Map.entry("hikaricp_connections_max", "gauge"),
            Map.entry("hikaricp_connections_timeout_total", "counter"), Map.entry("hikaricp_connections_acquire_seconds", "summary"),
            Map.entry("broadsheet_change_feed_reconnects_total", "counter"), Map.entry("broadsheet_change_feed_notifications_total", "counter"),
            Map.entry("broadsheet_change_feed_apply_seconds", "summary"),
            Map.entry("broadsheet_change_feed_last_notification_timestamp_seconds", "gauge"),
            Map.entry("broadsheet_change_feed_listening", "gauge"),
            Map.entry("broadsheet_job_runs_total", "counter"), Map.entry("broadsheet_job_duration_seconds", "summary"),
            Map.entry("broadsheet_job_last_success_timestamp_seconds", "gauge"),
            Map.entry("broadsheet_sign_in_failures_total", "counter"), Map.entry("broadsheet_sign_in_throttled_total", "counter"),
            Map.entry("broadsheet_password_resets_requested_total", "counter"),
            Map.entry("broadsheet_comment_events_total", "counter"),
            Map.entry("broadsheet_gift_links_given_total", "counter"), Map.entry("broadsheet_gift_links_refused_total", "counter"),
            Map.entry("broadsheet_gift_opens_total", "counter"), Map.entry("broadsheet_gift_readers_total", "counter"),
            Map.entry("broadsheet_search_queries_seconds", "summary"), Map.entry("broadsheet_search_index_lag_rows", "gauge"),
            Map.entry("broadsheet_webhook_deliveries_total", "counter"));

    static PrometheusText scrape(TestApp server) {
        HttpResponse<String> r = server.get("/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        return PrometheusText.parse(r.body());
    }

    /** Scrapes until {@code done} holds (the change feed and the jobs work on their own threads); fails after 30 s. */
    static PrometheusText awaitScrape(TestApp server, Predicate<PrometheusText> done) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            PrometheusText m = scrape(server);
            if (done.test(m)) return m;
            if (System.nanoTime() > deadline) throw new AssertionError("/metrics never showed it");
            Thread.sleep(50); // polling the condition, not waiting for a time
        }
    }

    @Test
    void everyFamilyIsThereWithHelpAndTypeAndNoTagIsAPathOrAnEmail() throws InterruptedException {
        // the change feed starts listening on its own thread once the database is open, which may be after the first answer
        PrometheusText m = awaitScrape(app, x -> x.value("broadsheet_change_feed_listening") == 1);

        FAMILIES.forEach((name, type) -> {
            assertThat(m.family(name).type()).as(name).isEqualTo(type);
            assertThat(m.family(name).help()).as(name).isNotBlank();
            assertThat(m.family(name).samples()).as(name).isNotEmpty();
        });
        m.families().values().forEach(f -> assertThat(f.help()).as("the help of " + f.name()).isNotBlank());
        assertThat(m.value("hikaricp_connections_max", "pool", "broadsheet")).isPositive();
        assertThat(m.value("broadsheet_search_index_lag_rows")).isNotNegative();
        m.families().values().stream().filter(f -> f.name().startsWith("broadsheet_")).flatMap(f -> f.samples().stream())
                .flatMap(s -> s.labels().values().stream())
                .forEach(v -> assertThat(v).doesNotContain("/", "@").hasSizeLessThan(40));
    }

    @Test
    void aPageServedTwiceIsAMissThenAHit() throws InterruptedException {
        storeAndAwaitTheNotice(story("Cached twice").slug("cached-twice").build());
        PrometheusText before = scrape(app);

        assertThat(app.get("/world-news/2025/12/07/cached-twice/").statusCode()).isEqualTo(200);
        assertThat(app.get("/world-news/2025/12/07/cached-twice/").statusCode()).isEqualTo(200);
        PrometheusText after = scrape(app);

        assertThat(after.value("broadsheet_page_cache_misses_total")).isEqualTo(before.value("broadsheet_page_cache_misses_total") + 1);
        assertThat(after.value("broadsheet_page_cache_hits_total")).isEqualTo(before.value("broadsheet_page_cache_hits_total") + 1);
        assertThat(after.value("broadsheet_page_cache_entries")).isPositive();
        assertThat(after.value("broadsheet_page_cache_size_bytes")).isPositive();
        assertThat(after.value("broadsheet_page_cache_clears_total")).isGreaterThan(0);
    }

    @Test
    void wrongPasswordsCountAsFailuresThenAsThrottledAndResetsAreCounted() {
        Newsroom.staff(StaffRole.EDITOR, "ed@test.example", "Ed Editor");
        Readers.reader("rita@example.com", "Rita", true);
        PrometheusText before = scrape(app);

        for (int i = 0; i < 6; i++) {
            Newsroom.anonymous(app).submit("/newsroom/login", "/newsroom/login",
                    Map.of("email", "ed@test.example", "password", "not the password", "next", "/newsroom/"));
        }
        assertThat(Newsroom.anonymous(app).submit("/account/signin", "/account/signin",
                Map.of("email", "rita@example.com", "password", "not the password")).statusCode()).isNotEqualTo(303);
        Newsroom.anonymous(app).submit("/account/forgot", "/account/forgot", Map.of("email", "rita@example.com"));
        PrometheusText after = scrape(app);

        assertThat(delta(before, after, "broadsheet_sign_in_failures_total", "realm", "staff")).isEqualTo(5);
        assertThat(delta(before, after, "broadsheet_sign_in_throttled_total", "realm", "staff")).isEqualTo(1);
        assertThat(delta(before, after, "broadsheet_sign_in_failures_total", "realm", "reader")).isEqualTo(1);
        assertThat(delta(before, after, "broadsheet_sign_in_throttled_total", "realm", "reader")).isZero();
        assertThat(delta(before, after, "broadsheet_password_resets_requested_total", "realm", "reader")).isEqualTo(1);
    }

    @Test
    void aCommentPostedOneHeldAndOneReported() {
        long open = ThreadsFixtures.article(app, "open-thread", CommentPolicy.OPEN);
        long premoderated = ThreadsFixtures.article(app, "held-thread", CommentPolicy.PREMODERATED);
        Newsroom.Client ann = subscriber("ann@example.com", "Ann");
        Newsroom.Client bob = subscriber("bob@example.com", "Bob");
        PrometheusText before = scrape(app);

        HttpResponse<String> up = ann.submit(ThreadsFixtures.path(open), "/comments/" + open, Map.of("body", "A fair point, well made."));
        assertThat(up.statusCode()).isEqualTo(303);
        long id = Long.parseLong(up.headers().firstValue("Location").orElseThrow().replaceAll(".*#comment-", ""));
        // (another writer: one reader's comments in quick succession meet the pipeline's rate rules)
        assertThat(bob.submit(ThreadsFixtures.path(premoderated), "/comments/" + premoderated, Map.of("body", "This one waits for a moderator.")).statusCode())
                .isEqualTo(303);
        assertThat(bob.submit(ThreadsFixtures.path(open), "/comments/c/" + id + "/report", Map.of("reason", "spam", "details", "")).statusCode())
                .isEqualTo(303);
        PrometheusText after = scrape(app);

        assertThat(delta(before, after, "broadsheet_comment_events_total", "event", "posted")).isEqualTo(1);
        assertThat(delta(before, after, "broadsheet_comment_events_total", "event", "held")).isEqualTo(1);
        assertThat(delta(before, after, "broadsheet_comment_events_total", "event", "reported")).isEqualTo(1);
        assertThat(delta(before, after, "broadsheet_comment_events_total", "event", "refused")).isZero();
    }

    @Test
    void aGiftGivenThenOpenedThenAnUnknownOneRefused() throws InterruptedException {
        storeAndAwaitTheNotice(story("A gift").slug("a-gift").access(AccessLevel.PREMIUM)
                .body("One.\n\nTwo.\n\nThree.\n\nFour, the SECRET-DETAIL.\n\nFive.").build());
        Newsroom.Client giver = subscriber("gia@example.com", "Gia");
        PrometheusText before = scrape(app);

        Document page = Html.parse(giver.get("/world-news/2025/12/07/a-gift/"));
        HttpResponse<String> made = giver.post("/gifts", Map.of("article", page.select(".gift-offer input[name=article]").val(),
                "_csrf", page.select(".gift-offer input[name=_csrf]").val()));
        assertThat(made.statusCode()).isEqualTo(303);
        Matcher link = Pattern.compile("/gift/[0-9]+/[A-Za-z0-9_-]{20,}").matcher(giver.get(made.headers().firstValue("Location").orElseThrow()).body());
        assertThat(link.find()).isTrue();
        HttpResponse<String> opened = app.get(link.group());
        assertThat(opened.body()).contains("SECRET-DETAIL");
        app.get(link.group().replaceAll("/[A-Za-z0-9_-]{20,}$", "/" + "x".repeat(32)));
        PrometheusText after = scrape(app);

        assertThat(delta(before, after, "broadsheet_gift_links_given_total")).isEqualTo(1);
        assertThat(delta(before, after, "broadsheet_gift_opens_total", "outcome", "opened")).isEqualTo(1);
        assertThat(delta(before, after, "broadsheet_gift_readers_total")).isEqualTo(1);
        assertThat(delta(before, after, "broadsheet_gift_opens_total", "outcome", "unknown")).isEqualTo(1);
    }

    @Test
    void theScheduledJobsRunAndSayWhenTheyLastSucceeded() throws InterruptedException {
        // publishing what is due runs a second after start and then every 15 s; the webhook sender every 2 s
        PrometheusText m = awaitScrape(app, s -> s.value("broadsheet_job_runs_total", "job", "publish-scheduled", "outcome", "success") >= 1
                && s.value("broadsheet_job_runs_total", "job", "webhooks-send", "outcome", "success") >= 1);

        assertThat(m.value("broadsheet_job_last_success_timestamp_seconds", "job", "publish-scheduled"))
                .isGreaterThan(TestApp.NOW.getEpochSecond());
        assertThat(m.value("broadsheet_job_duration_seconds_count", "job", "publish-scheduled")).isGreaterThanOrEqualTo(1);
        assertThat(m.value("broadsheet_job_runs_total", "job", "publish-scheduled", "outcome", "failure")).isZero();
    }

    @Test
    void aChangeOnOneServerIsANotificationOnTheOther() throws InterruptedException {
        long article = ThreadsFixtures.article(app, "heard-elsewhere", CommentPolicy.OPEN);
        Newsroom.Client ann = subscriber("cat@example.com", "Cat");
        // the other server has heard everything before this test's own change
        PrometheusText before = awaitScrape(other, s -> true);
        double heard = before.value("broadsheet_change_feed_notifications_total", "channel", "broadsheet_changes");
        double applied = before.value("broadsheet_change_feed_apply_seconds_count");

        assertThat(ann.submit(ThreadsFixtures.path(article), "/comments/" + article, Map.of("body", "Heard on the other one.")).statusCode())
                .isEqualTo(303);
        PrometheusText after = awaitScrape(other, s -> s.value("broadsheet_change_feed_notifications_total", "channel", "broadsheet_changes") > heard
                && s.value("broadsheet_change_feed_apply_seconds_count") > applied);

        assertThat(after.value("broadsheet_change_feed_last_notification_timestamp_seconds")).isGreaterThan(TestApp.NOW.getEpochSecond());
        assertThat(after.value("broadsheet_change_feed_reconnects_total")).isZero();
    }

    @Test
    void aSearchIsCountedAndTimed() {
        PrometheusText before = scrape(app);

        assertThat(app.get("/search?q=harbour").statusCode()).isEqualTo(200);
        PrometheusText after = scrape(app);

        assertThat(delta(before, after, "broadsheet_search_queries_seconds_count")).isEqualTo(1);
        assertThat(delta(before, after, "broadsheet_search_queries_seconds_sum")).isPositive();
    }

    /**
     * Stores an article and waits until this server has acted on the import's change notice (which empties the page
     * cache), so the notice cannot arrive in the middle of what the test counts.
     */
    private static void storeAndAwaitTheNotice(ArticleSource article) throws InterruptedException {
        double applied = scrape(app).value("broadsheet_change_feed_apply_seconds_count");
        app.fixtures().store(TestApp.NOW, article);
        awaitScrape(app, s -> s.value("broadsheet_change_feed_apply_seconds_count") > applied);
    }

    /** What the cdn work's purge client adds to /metrics (in its own package): the dashboard shows them too. */
    static final List<String> CDN_PURGES = List.of("broadsheet_cdn_purges_sent_total", "broadsheet_cdn_purges_failed_total");
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{");

    @Test
    void theGrafanaDashboardIsWellFormedAndAsksOnlyForMetricsThatExist() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(Path.of("deploy/grafana/broadsheet.json").toFile());
        if (!scrape(app).hasSampleNamed("jvm_gc_pause_seconds_sum")) {
            System.gc(); // the pause timer appears with the first collection
        }
        PrometheusText m = awaitScrape(app, s -> s.hasSampleNamed("jvm_gc_pause_seconds_sum"));

        assertThat(dashboard.path("schemaVersion").asInt()).isBetween(36, 41);
        assertThat(dashboard.path("uid").asText()).isEqualTo("broadsheet");
        JsonNode source = dashboard.path("templating").path("list").get(0);
        assertThat(source.path("type").asText()).isEqualTo("datasource");
        assertThat(source.path("query").asText()).isEqualTo("prometheus");
        Set<Integer> ids = new HashSet<>();
        Set<String> asked = new HashSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(ids.add(panel.path("id").asInt())).as("panel ids are unique").isTrue();
            assertThat(panel.path("gridPos").path("w").asInt()).isBetween(1, 24);
            if (panel.path("type").asText().equals("row")) continue;
            assertThat(panel.path("datasource").path("uid").asText()).as(panel.path("title").asText()).isEqualTo("${datasource}");
            assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
            for (JsonNode target : panel.path("targets")) {
                Matcher names = SELECTOR.matcher(target.path("expr").asText());
                int found = 0;
                while (names.find()) {
                    found++;
                    String name = names.group(1);
                    asked.add(name);
                    assertThat(m.hasSampleNamed(name) || CDN_PURGES.contains(name)).as(panel.path("title").asText() + ": " + name).isTrue();
                }
                assertThat(found).as("every query names a metric: " + target.path("expr").asText()).isPositive();
            }
        }
        // what the operator was promised a panel for
        assertThat(asked).contains("http_server_requests_seconds_count", "broadsheet_page_cache_hits_total", "broadsheet_page_cache_misses_total",
                "hikaricp_connections_active", "hikaricp_connections_idle", "hikaricp_connections_pending", "hikaricp_connections_timeout_total",
                "broadsheet_change_feed_last_notification_timestamp_seconds", "broadsheet_job_runs_total", "broadsheet_sign_in_failures_total",
                "broadsheet_cdn_purges_sent_total", "broadsheet_cdn_purges_failed_total", "broadsheet_comment_events_total",
                "broadsheet_gift_opens_total", "broadsheet_search_queries_seconds_count", "broadsheet_search_index_lag_rows",
                "jvm_memory_used_bytes", "jvm_gc_pause_seconds_sum");
    }

    private static Newsroom.Client subscriber(String email, String name) {
        Newsroom.Client c = Readers.signedIn(app, email, name);
        ThreadsFixtures.trustedSubscriber(ThreadsFixtures.readerId(email));
        return c;
    }

    private static double delta(PrometheusText before, PrometheusText after, String sample, String... labels) {
        return after.value(sample, labels) - before.value(sample, labels);
    }

}
