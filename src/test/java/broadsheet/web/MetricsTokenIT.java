package broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.Config;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With {@code metrics-token} set, {@code /metrics} answers only the scraper that sends it; the health checks
 * and the Admin API's OpenAPI document (a public interface's description, holding no secrets) stay public.
 */
@ExtendWith(TestDatabase.class)
class MetricsTokenIT {
    private static final String TOKEN = "metrics-3f9c2a71d0b84e56";

    @RegisterExtension
    static final TestApp app = new TestApp().with(Config.METRICS_TOKEN.key(), TOKEN);

    @Test
    void withoutTheTokenMetricsAreRefused() {
        for (String[] headers : new String[][] {{}, {"Authorization", "Bearer wrong-token-of-some-length"},
                {"Authorization", "Bearer " + TOKEN.substring(0, TOKEN.length() - 1)}, {"Authorization", "Basic " + TOKEN}}) {
            HttpResponse<String> refused = app.get("/metrics", headers);

            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            assertThat(refused.headers().firstValue("Cache-Control")).contains("no-store");
            assertThat(refused.body()).doesNotContain("jvm_", TOKEN);
        }
    }

    @Test
    void withTheTokenMetricsAreScraped() {
        HttpResponse<String> scraped = app.get("/metrics", "Authorization", "Bearer " + TOKEN);

        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void healthChecksAndTheApiDescriptionStayPublic() {
        assertThat(app.get("/healthz").statusCode()).isEqualTo(200);
        assertThat(app.get("/readyz").statusCode()).isEqualTo(200);
        assertThat(app.get("/api/admin/v1/openapi.json").statusCode()).isEqualTo(200);
    }
}
