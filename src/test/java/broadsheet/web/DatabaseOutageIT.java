package broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.App;
import broadsheet.Config;
import broadsheet.importing.ArticleImporter;
import broadsheet.media.MediaLibrary;
import broadsheet.storage.Database;
import broadsheet.storage.EmbeddedPostgres;
import broadsheet.storage.LocalBlobStore;
import broadsheet.testing.Fixtures;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The server while its PostgreSQL is stopped and after it starts again, on a database of its own (the shared
 * test database stays up): pages held by the page cache are still served; everything else answers 503 with
 * {@code Retry-After} (an HTML page for people, problem JSON under /api/) after the configured connection
 * timeout rather than hanging; and once PostgreSQL is back, the server recovers by itself.
 */
class DatabaseOutageIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private App app;

    @AfterEach
    void stop() {
        if (app != null) app.close(); // stops the embedded PostgreSQL too
    }

    @Test
    void whileTheDatabaseIsDownCachedPagesAreServedAndTheRestIsBrieflyUnavailableUntilItIsBack() throws Exception {
        Path data = TestDatabase.tempDir("outage-");
        Config config = Config.load(Map.of(), Map.of("data", data.toString(), "port", "0", "base-url", TestApp.BASE_URL,
                "page-cache-mb", "8"));
        // stored before the server starts, so no change notice can empty its page cache later
        try (Database db = config.openDatabase()) {
            new ArticleImporter(db.jdbi(), new MediaLibrary(new LocalBlobStore(config.mediaDir())), Fixtures.LONDON)
                    .importAll(List.of(Fixtures.article("Harbour talks resume", "world-news", TestApp.NOW.minusSeconds(3600))), TestApp.NOW);
        }
        app = App.create(config, Clock.fixed(TestApp.NOW, ZoneOffset.UTC)).start();
        assertThat(get("/world-news/").body()).contains("Harbour talks resume"); // now in the page cache
        Path pgData = data.resolve("postgres");
        List<String> pid = Files.readAllLines(pgData.resolve("postmaster.pid"));
        int port = Integer.parseInt(pid.get(3).strip());

        stopPostgres(Long.parseLong(pid.get(0).strip()));

        assertThat(get("/healthz").statusCode()).isEqualTo(200);
        assertThat(get("/readyz").statusCode()).isEqualTo(503);
        var page = get("/");
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.headers().firstValue("Retry-After")).hasValue(String.valueOf(ErrorPages.RETRY_AFTER_SECONDS));
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(page.body()).contains("<h1>Briefly unavailable</h1>", "try again in a moment").doesNotContain("Exception", "SQL");
        var api = get("/api/v1/articles");
        assertThat(api.statusCode()).isEqualTo(503);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(api.headers().firstValue("Retry-After")).isPresent();
        assertThat(api.body()).contains("\"status\":503", "\"title\":\"Briefly unavailable\"");
        assertThat(get("/newsroom/", "Cookie", "bs_session=" + "x".repeat(43)).statusCode()).as("the access check needs the database").isEqualTo(503);
        var cached = get("/world-news/");
        assertThat(cached.statusCode()).isEqualTo(200);
        assertThat(cached.body()).contains("Harbour talks resume");

        EmbeddedPostgres.open(pgData, Map.of("port", String.valueOf(port)));

        awaitTrue(() -> get("/").statusCode() == 200, "pages answer again");
        assertThat(get("/readyz").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/articles").statusCode()).isEqualTo(200);
        awaitTrue(() -> app.database().jdbi().withHandle(h -> h.createQuery("""
                        SELECT count(*) FROM pg_stat_activity
                        WHERE application_name = 'broadsheet-listener' AND query LIKE 'LISTEN %'""").mapTo(Long.class).one()) == 1,
                "the change feed listens again");
    }

    /** A fast shutdown of the server (as {@code pg_ctl stop -m fast} does), whoever is connected; returns once it has gone. */
    private static void stopPostgres(long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(pid)).inheritIO().start();
        assertThat(kill.waitFor(30, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -INT " + pid).isTrue();
        var server = ProcessHandle.of(pid);
        if (server.isPresent()) server.get().onExit().get(60, TimeUnit.SECONDS);
    }

    /** Polls until the condition holds; fails after a minute (a bound against hanging, not a measure of speed). */
    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting until " + what).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private HttpResponse<String> get(String path, String... headers) {
        try {
            var request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path)).timeout(Duration.ofMinutes(1));
            for (int i = 0; i + 1 < headers.length; i += 2) request.header(headers[i], headers[i + 1]);
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
