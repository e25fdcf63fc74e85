package broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.App;
import broadsheet.Config;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import broadsheet.storage.Database;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A server whose connection pool was closed under it (a fault of ours, not an outage: DatabaseOutageIT stops
 * PostgreSQL itself): still alive for /healthz, not ready for /readyz, and pages fail with a 500 that names an
 * error id and nothing of the failure, never stored by a cache.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseDownIT {
    private final HttpClient client = HttpClient.newHttpClient();
    private App app;

    @BeforeAll
    void startOnADatabaseThatIsGone() {
        var pool = (HikariDataSource) TestDatabase.database().dataSource();
        Database gone = Database.connect(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword(), 2, Duration.ofSeconds(2), null);
        gone.close();
        Config config = Config.load(Map.of(), Map.of("data", TestDatabase.tempDir("down-").toString(), "port", "0",
                "base-url", TestApp.BASE_URL));
        app = App.onDatabase(config, Clock.fixed(TestApp.NOW, ZoneOffset.UTC), gone).start();
    }

    @AfterAll
    void stop() {
        if (app != null) app.close();
    }

    @Test
    void healthzStillSaysTheProcessIsUp() {
        assertThat(get("/healthz").statusCode()).isEqualTo(200);
    }

    @Test
    void readyzSaysItCannotServe() {
        HttpResponse<String> response = get("/readyz");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("database not answering\n");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void aPageFailsWithAnErrorIdAndNoDetails() {
        HttpResponse<String> response = get("/");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).containsPattern("logged as [0-9a-f]{8}")
                .doesNotContain("Exception", "Hikari", "SQL", "at broadsheet.", "closed");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(response.headers().firstValue("ETag")).isEmpty();
        ErrorPagesIT.assertSecurityHeaders(response);
    }

    @Test
    void theApiFailsWithAProblem() {
        HttpResponse<String> response = get("/api/v1/articles");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.body()).contains("\"status\":500").doesNotContain("Exception", "Hikari", "SQL");
    }

    private HttpResponse<String> get(String path) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
