package broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.RawHttp;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The redirect that adds a trailing slash ({@code /world-news} to {@code /world-news/}) keeps readers on this
 * site whatever address it is given: an address starting with {@code //} must not become a redirect to
 * another host, least of all one a CDN would cache for everyone.
 */
@ExtendWith(TestDatabase.class)
class OnSiteRedirectsIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example/x", "///evil.example/x", "////evil.example", "//evil.example/x?y=1", "//evil.example",
            "/%2F%2Fevil.example/x", "/%5Cevil.example/x", "/%5C%5Cevil.example/x", "/.//evil.example/x", "/%09/evil.example/x",
            "//%5Cevil.example/x", "//evil.example%2F"})
    void theTrailingSlashRedirectStaysOnThisSite(String target) {
        RawHttp.Answer answer = RawHttp.exchange(app, "GET " + target + " HTTP/1.1\r\nHost: news.example.test\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).as(target).isIn(301, 400, 404);
        if (answer.status() == 301) {
            String location = answer.header("Location");
            assertThat(location).as(target).startsWith("/").doesNotStartWith("//").doesNotStartWith("/\\");
            URI resolved = URI.create(TestApp.BASE_URL + "/").resolve(location);
            assertThat(resolved.getHost()).as(target + " -> " + location).isEqualTo("news.example.test");
        }
    }

    @Test
    void leadingSlashesAreCollapsedIntoOne() {
        RawHttp.Answer answer = RawHttp.exchange(app, "GET //evil.example/x?y=1 HTTP/1.1\r\nHost: news.example.test\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).isEqualTo(301);
        assertThat(answer.header("Location")).isEqualTo("/evil.example/x/?y=1");
    }

    @Test
    void aSectionWithoutItsSlashIsStillRedirectedForTheCdnToKeep() {
        RawHttp.Answer answer = RawHttp.exchange(app, "GET /world-news?page=2 HTTP/1.1\r\nHost: news.example.test\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).isEqualTo(301);
        assertThat(answer.header("Location")).isEqualTo("/world-news/?page=2");
        assertThat(answer.header("Cache-Control")).contains("s-maxage");
    }
}
