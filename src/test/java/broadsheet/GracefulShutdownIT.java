package broadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import broadsheet.editing.ArticleEditing;
import broadsheet.editing.Publishing;
import broadsheet.shared.StaffRole;
import broadsheet.testing.Desk;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What SIGTERM does (the shutdown hook closes the app): /readyz turns 503 while the server still serves, then the
 * server stops accepting, a request already in flight still gets its whole answer, and only then does closing finish.
 * The request is held in flight by a lock the test holds on the articles table, and let go once new connections are refused.
 */
@ExtendWith(TestDatabase.class)
class GracefulShutdownIT {
    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        // bounded: once the server is stopping, a request on a connection it kept open may be held until the stop ends,
        // which here waits for the lock this test holds
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static boolean waitingOnTheLock() {
        return Desk.count("""
                SELECT count(*) FROM pg_stat_activity
                WHERE wait_event_type = 'Lock' AND query LIKE 'SELECT a.*, s.id AS s_id,%'""") > 0;
    }

    @Test
    void aSlowRequestInFlightGetsItsAnswerWhileTheServerStops() throws Exception {
        Desk.section("world-news", "World news");
        var editor = Desk.person(StaffRole.EDITOR, "Edna Editor");
        var editing = new ArticleEditing(TestDatabase.jdbi(), Desk.LONDON);
        long id = ((ArticleEditing.Result.Saved) editing.create(editor, Desk.draft("Harbour vote"), TestApp.NOW)).id();
        new Publishing(TestDatabase.jdbi(), Desk.LONDON).publish(editor, id, 1, TestApp.NOW);
        String path = Desk.article(id).path();
        Config config = Config.load(Map.of(), Map.of(Config.DATA.key(), TestDatabase.tempDir("graceful-").toString(), Config.PORT.key(), "0",
                Config.PAGE_CACHE_MB.key(), "0", Config.SHUTDOWN_DRAIN_SECONDS.key(), "2"));
        App app = App.onDatabase(config, Clock.fixed(TestApp.NOW, ZoneOffset.UTC), TestDatabase.database()).start();
        int port = app.port();
        assertThat(get(port, "/readyz").statusCode()).isEqualTo(200);

        CompletableFuture<HttpResponse<String>> slow;
        CompletableFuture<Void> closing;
        try (Handle lock = TestDatabase.jdbi().open()) {
            lock.begin();
            lock.execute("LOCK TABLE articles IN ACCESS EXCLUSIVE MODE");
            slow = CLIENT.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!waitingOnTheLock()) {
                if (System.nanoTime() > deadline) throw new AssertionError("the article request never reached the locked table; waiting: "
                            + Desk.strings("SELECT coalesce(wait_event_type, '-') || ' ' || left(query, 300) FROM pg_stat_activity WHERE pid <> pg_backend_pid()"));
                Thread.onSpinWait();
            }

            closing = CompletableFuture.runAsync(app::close);
            boolean sawStopping = false;
            while (true) {
                try {
                    int status = get(port, "/readyz").statusCode();
                    sawStopping |= status == 503;
                    assertThat(status).as("ready until it says it is stopping").isIn(200, 503);
                    if (sawStopping) assertThat(status).isEqualTo(503);
                } catch (ConnectException | HttpTimeoutException e) {
                    break; // no longer accepting, or no longer answering new requests while the one in flight ends
                }
            }
            assertThat(sawStopping).as("/readyz answered 503 before the server stopped accepting").isTrue();
            assertThat(slow).as("the request in flight is still waiting").isNotDone();
            assertThat(closing).as("closing waits for it").isNotDone();
            lock.rollback();
        }

        HttpResponse<String> answer = slow.get(30, TimeUnit.SECONDS);
        closing.get(30, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("Harbour vote").contains("</html>");
        assertThatThrownBy(() -> get(port, "/")).isInstanceOf(ConnectException.class);
    }
}
