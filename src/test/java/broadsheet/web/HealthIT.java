package broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What load balancers and monitoring read: the process is up, the database answers, and the metrics. */
@ExtendWith(TestDatabase.class)
class HealthIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    @Test
    void healthzSaysTheProcessIsUp() {
        HttpResponse<String> response = app.get("/healthz");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("ok\n");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void readyzSaysTheDatabaseAnswers() {
        HttpResponse<String> response = app.get("/readyz");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("ready\n");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void metricsAreInPrometheusFormatAndCountRequests() {
        app.get("/healthz");

        HttpResponse<String> response = app.get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(response.body()).contains("jvm_memory_used_bytes", "http_server_requests_seconds_count")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*route=\"/healthz\"[^}]*\\} \\d");
    }
}
