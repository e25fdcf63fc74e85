package broadsheet.web;

import static broadsheet.testing.Fixtures.story;
import static broadsheet.testing.TestApp.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.shared.StaffRole;
import broadsheet.testing.Fixtures;
import broadsheet.testing.Html;
import broadsheet.testing.Newsroom;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.awt.Color;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every answer carries, and what refusals look like: security headers on pages, redirects, errors,
 * files and the API; 404 and 400 pages written for people; never a stack trace or a class name.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestDatabase.PerClass.class)
class ErrorPagesIT {
    private static final String ARTICLE = "/world-news/2025/12/07/harbour-talks/";
    /** Java package and class names, stack frames and exception names: nothing a reader should ever see. */
    private static final Pattern INTERNALS = Pattern.compile(
            "Exception|Error:|\\tat |\\bat [a-z]+\\.[a-z]|\\b(java|javax|jakarta|org|io|com|broadsheet)\\.[a-z]+\\.[A-Za-z]|SQLState|\\bSELECT\\b");

    @RegisterExtension
    static final TestApp app = new TestApp();

    private String mediaUrl;

    @BeforeAll
    void storeAnArticle() {
        app.fixtures().store(NOW, story("Harbour talks").slug("harbour-talks")
                .picture(Fixtures.picture("Quay", 400, 300, Color.GRAY, Color.WHITE)).build());
        mediaUrl = Html.parse(app.get(ARTICLE)).selectFirst("figure img").attr("src");
    }

    Stream<String> everyKindOfAnswer() {
        return Stream.of("/", ARTICLE, "/world-news/", "/world-news", "/topics/", "/authors/", "/no-such-section/",
                "/?page=abc", "/?page=99", "/?before=1_1", "/api/v1/articles", "/api/v1/articles?limit=0", "/api/v1/articles/999",
                "/api/v1/nothing", "/healthz", "/readyz", "/metrics", "/robots.txt", "/assets/favicon.svg", "/assets/nothing.css");
    }

    @ParameterizedTest
    @MethodSource("everyKindOfAnswer")
    void everyAnswerCarriesTheSecurityHeaders(String path) {
        assertSecurityHeaders(app.get(path));
    }

    @Test
    void filesAndNotModifiedAnswersCarryThemToo() {
        assertSecurityHeaders(app.get(mediaUrl));
        String etag = app.get(ARTICLE).headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> notModified = app.get(ARTICLE, "If-None-Match", etag);
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertSecurityHeaders(notModified);
    }

    @Test
    void strictTransportSecurityOnlyBehindHttps() {
        assertThat(app.get("/").headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(app.get("/", "X-Forwarded-Proto", "https").headers().firstValue("Strict-Transport-Security"))
                .contains("max-age=31536000; includeSubDomains");
    }

    @Test
    void pageNotFoundIsAPageForPeople() {
        HttpResponse<String> response = app.get("/no-such-section/");
        Document page = Html.parse(response);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/html;charset=utf-8");
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en-GB");
        assertThat(page.title()).isEqualTo("Page not found | The Broadsheet");
        assertThat(page.select("h1").eachText()).containsExactly("Page not found");
        assertThat(page.select("main a[href=/]")).isNotEmpty();
        assertThat(page.select("nav.sections-nav a[href=/world-news/]")).isNotEmpty();
        assertThat(Html.meta(page, "robots")).isEqualTo("noindex");
        assertThat(page.select("link[rel=stylesheet]")).isNotEmpty();
    }

    @Test
    void badRequestIsAPageForPeopleThatSaysWhatIsWrong() {
        HttpResponse<String> response = app.get("/world-news/?page=last");
        Document page = Html.parse(response);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/html;charset=utf-8");
        assertThat(page.select("h1").eachText()).containsExactly("Bad request");
        assertThat(page.select("main p").eachText()).contains("The page number must be a whole number from 1.");
        assertThat(Html.meta(page, "robots")).isEqualTo("noindex");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/no-such-section/", "/?page=abc", "/?before=99999999999999999999_1", "/world-news/?page=-5",
            "/?before=%00", "/world-news/?after=1_1&before=1_1", "/topics/ports/?before=1_1%27", "/?before=1_1",
            "/world-news/2025/12/07/no-story/", "/world-news/2025/99/99/no-story/", "/topics/%20/", "/authors/%C3%A9/",
            "/topics/a%2Fb/", "/media/images/ab/x.jpg", "/assets/..%2F..%2Fpom.xml", "/api/v1/articles?cursor=%F0%9F%92%A9",
            "/api/v1/articles?limit=99999999999999999999", "/api/v1/articles/99999999999999999999", "/api/v1/articles/%00",
            "/api/v1/articles?section=%27%3B%20DROP%20TABLE%20articles%3B--", "/api/v1/articles?topic=%00",
            "/api/v1/articles?section=world%00news", "/world-news/?page=%00", "/topics/?q=%00"})
    void refusalsNeverShowInternals(String path) {
        HttpResponse<String> response = app.get(path);

        assertThat(response.statusCode()).as(path).isBetween(400, 499);
        assertThat(response.body()).as(path).doesNotContainPattern(INTERNALS);
    }

    @Test
    void aNulInTheNewsroomsAddressesIsABadRequest() {
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);

        for (String path : new String[] {"/newsroom/suggest/topics?q=%00", "/newsroom/suggest/contributors?q=a%00",
                "/newsroom/?topic=%00", "/newsroom/?section=%00", "/newsroom/?author=%00", "/newsroom/topics/?q=%00",
                "/newsroom/contributors/?q=%00"}) {
            HttpResponse<String> response = editor.get(path);

            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.body()).as(path).doesNotContainPattern(INTERNALS);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "OPTIONS"})
    void otherMethodsAreRefusedWithoutInternals(String method) {
        for (String path : new String[] {"/", ARTICLE, "/api/v1/articles"}) {
            HttpResponse<String> response = app.request(method, path);

            assertThat(response.statusCode()).as(method + " " + path).isIn(404, 405);
            assertThat(response.body()).doesNotContainPattern(INTERNALS);
            assertSecurityHeaders(response);
        }
        // and nothing was changed or removed by them
        assertThat(app.get("/api/v1/articles").body()).contains("Harbour talks");
    }

    @Test
    void aGetOnlyAddressAnswersOtherMethodsWith405() {
        HttpResponse<String> response = app.request("POST", "/");

        assertThat(response.statusCode()).isEqualTo(405);
        assertSecurityHeaders(response);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/%zz/", "/world-news/%/", "/a/../../etc/passwd"})
    void malformedAddressesGetTheSitesOwnRefusalWithItsHeaders(String rawPath) throws Exception {
        try (var socket = new Socket("localhost", URI.create(app.url("/")).getPort())) {
            socket.getOutputStream().write(("GET " + rawPath + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).as(rawPath).startsWith("HTTP/1.1 4");
            assertThat(answer).as(rawPath).contains("X-Content-Type-Options: nosniff", "Content-Security-Policy:")
                    .doesNotContain("Jetty", "badMessage", "Caused by").doesNotContainPattern(INTERNALS);
        }
    }

    static void assertSecurityHeaders(HttpResponse<?> response) {
        String where = response.request().method() + " " + response.uri().getRawPath() + " (" + response.statusCode() + ")";
        String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow(() -> new AssertionError("no CSP on " + where));
        assertThat(csp).as(where).contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "*");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).as(where).contains("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).as(where).contains("DENY");
        assertThat(response.headers().firstValue("Referrer-Policy")).as(where).contains("strict-origin-when-cross-origin");
        assertThat(response.headers().firstValue("Cross-Origin-Opener-Policy")).as(where)
                .isEqualTo(SecurityHeaders.isolated(response.uri().getRawPath()) ? java.util.Optional.of("same-origin") : java.util.Optional.empty());
    }
}
