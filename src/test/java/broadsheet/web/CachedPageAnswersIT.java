package broadsheet.web;

import static broadsheet.testing.Fixtures.story;
import static broadsheet.testing.TestApp.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.Config;
import broadsheet.content.AccessLevel;
import broadsheet.gift.GiftLinks;
import broadsheet.gift.GiftRules;
import broadsheet.testing.PrometheusText;
import broadsheet.testing.Readers;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A page the page cache holds is answered by {@link CachedPageAnswers} before the request reaches the routes, and that
 * answer is byte for byte the one the routes would give from the cache: the same status, headers (but the date) and
 * body, plain, gzipped, conditional and for HEAD, over HTTP and through a proxy that says HTTPS. The routes' answer is
 * asked for with a cookie naming no live reader session, which sends the request past the early answer to the
 * routes, where {@link ReaderAccess} finds no reader and {@link PageCache#serve} answers from the cache.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestDatabase.PerClass.class)
class CachedPageAnswersIT {
    @RegisterExtension
    static final TestApp app = new TestApp().with(Config.PAGE_CACHE_MB.key(), "16");
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String ARTICLE = "/world-news/2025/12/07/harbour-talks/";
    private static final String PREMIUM = "/world-news/2025/12/07/harbour-secrets/";
    /** A reader's session cookie that names no session: the routes then answer as for anyone. */
    private static final String NO_SESSION = Cookies.READER + "=no-such-session";

    @BeforeAll
    void storeArticles() {
        app.fixtures().store(NOW, story("Harbour talks").slug("harbour-talks").build(),
                story("Harbour secrets").slug("harbour-secrets").access(AccessLevel.PREMIUM).build());
        app.app().contentChanged();
    }

    private record Answer(int status, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            return values == null ? null : values.get(0);
        }
    }

    private static Answer send(String method, String path, String... headers) {
        try {
            var builder = HttpRequest.newBuilder(URI.create(app.url(path))).method(method, HttpRequest.BodyPublishers.noBody());
            for (int i = 0; i + 1 < headers.length; i += 2) builder.header(headers[i], headers[i + 1]);
            HttpResponse<byte[]> r = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, List<String>> kept = new TreeMap<>(r.headers().map());
            kept.remove("date");
            return new Answer(r.statusCode(), kept, r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The headers but those that say how the body is framed, which may differ between a page rendered and one kept. */
    private static Map<String, List<String>> framed(Map<String, List<String>> headers) {
        Map<String, List<String>> rest = new TreeMap<>(headers);
        rest.remove("content-length");
        rest.remove("transfer-encoding");
        return rest;
    }

    private static String[] with(String[] headers, String... more) {
        String[] all = java.util.Arrays.copyOf(headers, headers.length + more.length);
        System.arraycopy(more, 0, all, headers.length, more.length);
        return all;
    }

    private static PrometheusText scrape() {
        return PrometheusText.parse(app.get("/metrics").body());
    }

    private static double direct() {
        return scrape().value("broadsheet_page_cache_direct_total");
    }

    private static void assertSame(String what, Answer early, Answer routed) {
        assertThat(early.status()).as(what + ": status").isEqualTo(routed.status());
        assertThat(early.headers()).as(what + ": headers").isEqualTo(routed.headers());
        assertThat(early.body()).as(what + ": body").isEqualTo(routed.body());
    }

    @Test
    void eachKindOfPageIsAnsweredEarlyExactlyAsTheRoutesAnswerItFromTheCache() {
        List<String> paths = List.of("/", ARTICLE, "/world-news/", "/topics/test-topic/", "/authors/jane-reporter/",
                "/world-news/rss.xml", "/atom.xml", "/api/v1/articles", "/api/v1/articles?limit=5");
        app.app().contentChanged(); // the cache starts empty, whatever the other tests asked for
        for (String path : paths) {
            double before = direct();
            Answer rendered = send("GET", path);
            assertThat(rendered.status()).as(path).isEqualTo(200);
            assertThat(direct()).as(path + ": a page not yet kept goes to the routes").isEqualTo(before);
            Answer kept = send("GET", path);
            assertThat(kept.body()).as(path + ": kept").isEqualTo(rendered.body());
            assertThat(framed(kept.headers())).as(path + ": kept").isEqualTo(framed(rendered.headers()));
            assertThat(kept.header("Content-Length")).as(path + ": a kept page's length is declared").isEqualTo(String.valueOf(kept.body().length));
            String etag = rendered.header("ETag");
            Answer gzipped = send("GET", path, "Accept-Encoding", "gzip");
            String gzipTag = gzipped.header("ETag");

            List<String[]> variants = new ArrayList<>();
            variants.add(new String[] {});
            variants.add(new String[] {"Accept-Encoding", "gzip, deflate, br"});
            variants.add(new String[] {"Accept-Encoding", "gzip;q=0"});
            variants.add(new String[] {"If-None-Match", etag});
            variants.add(new String[] {"If-None-Match", gzipTag, "Accept-Encoding", "gzip"});
            variants.add(new String[] {"If-None-Match", "\"some-other-version\""});
            variants.add(new String[] {"X-Forwarded-Proto", "https", "Accept-Encoding", "gzip"});
            variants.add(new String[] {"Cookie", "bs_meter=abc; theme=dark"});
            int early = 1 + 1; // the kept page and the gzipped one above
            for (String method : List.of("GET", "HEAD")) {
                for (String[] headers : variants) {
                    String what = method + " " + path + " " + String.join(" ", headers);
                    Answer routed = send(method, path, with(headers, "Cookie", NO_SESSION));
                    Answer answered = send(method, path, headers);
                    early++;
                    assertSame(what, answered, routed);
                    if (method.equals("HEAD")) assertThat(answered.body()).as(what).isEmpty();
                }
            }
            assertThat(direct() - before).as(path + ": every request but the first answered early").isEqualTo(early);
        }
        Answer conditional = send("GET", ARTICLE, "If-None-Match", send("GET", ARTICLE).header("ETag"));
        assertThat(conditional.status()).isEqualTo(304);
        assertThat(send("GET", ARTICLE, "X-Forwarded-Proto", "https").header("Strict-Transport-Security")).isNotNull();
    }

    @Test
    void theRequestMetricsCountAnEarlyAnswerUnderItsRoute() {
        send("GET", ARTICLE);
        String route = "/{section}/{yyyy}/{mm}/{dd}/{slug}/";
        PrometheusText before = scrape();
        send("GET", ARTICLE);
        send("HEAD", ARTICLE);
        PrometheusText after = scrape();

        assertThat(after.value("broadsheet_page_cache_direct_total") - before.value("broadsheet_page_cache_direct_total")).isEqualTo(2);
        assertThat(after.value("broadsheet_page_cache_hits_total") - before.value("broadsheet_page_cache_hits_total")).isEqualTo(2);
        for (String method : List.of("GET", "HEAD")) {
            String[] labels = {"method", method, "status", "200", "route", route};
            assertThat(requests(after, labels) - requests(before, labels)).as(method).isEqualTo(1);
        }
    }

    /** Requests counted with these labels; none before the first. */
    private static double requests(PrometheusText metrics, String... labels) {
        try {
            return metrics.value("http_server_requests_seconds_count", labels);
        } catch (AssertionError none) {
            return 0;
        }
    }

    @Test
    void whatTheEarlyAnswerCannotJudgeGoesToTheRoutes() {
        send("GET", ARTICLE);
        double before = direct();
        // a query string the page was not kept with, an escaped or dotted path, a range, a body, credentials, other methods
        assertThat(send("GET", ARTICLE + "?utm=1").status()).isEqualTo(200);
        assertThat(send("GET", ARTICLE.replace("harbour", "harb%6Fur")).status()).isNotEqualTo(500);
        assertThat(send("GET", "/world-news/./2025/12/07/harbour-talks/").status()).isNotEqualTo(500);
        assertThat(send("GET", ARTICLE, "Range", "bytes=0-10").status()).isEqualTo(200);
        assertThat(send("GET", ARTICLE, "Authorization", "Bearer nothing").status()).isEqualTo(200);
        assertThat(send("POST", ARTICLE).status()).isEqualTo(405);
        assertThat(send("OPTIONS", ARTICLE).status()).isNotEqualTo(200);
        assertThat(send("GET", ARTICLE, "Cookie", "bs_session=nobody").status()).isEqualTo(200);
        assertThat(direct()).isEqualTo(before);
        assertThat(send("GET", ARTICLE + "?utm=1").status()).as("now kept under its own key").isEqualTo(200);
        assertThat(direct()).isEqualTo(before + 1);
    }

    @Test
    void aSignedInReaderAndAGiftLinkNeverGetTheCachedAnswer() {
        send("GET", ARTICLE);
        send("GET", PREMIUM);
        var reader = Readers.signedIn(app, "ann@example.com", "Ann Reader");
        long id = TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT id FROM readers WHERE email = 'ann@example.com'")
                .mapTo(Long.class).one());
        long premium = TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT id FROM articles WHERE slug = 'harbour-secrets'")
                .mapTo(Long.class).one());
        var links = new GiftLinks(TestDatabase.jdbi(), () -> new GiftRules(10, 14, 0), (r, t) -> true, ZoneId.of("Europe/London"));
        String gift = "/gift/" + premium + "/" + ((GiftLinks.Made.Link) links.give(id, premium, NOW)).gift().token();
        double before = direct();

        for (int i = 0; i < 2; i++) {
            var page = reader.get(ARTICLE);
            assertThat(page.headers().firstValue("Cache-Control")).hasValue(CachePolicy.PRIVATE.header());
            assertThat(page.body()).contains("Ann Reader");
            Answer gifted = send("GET", gift);
            assertThat(gifted.status()).isEqualTo(200);
            assertThat(gifted.header("Cache-Control")).isEqualTo(CachePolicy.PRIVATE.header());
        }
        assertThat(direct()).isEqualTo(before);
        assertThat(send("GET", ARTICLE).header("Cache-Control")).as("anyone else still gets the kept page").isEqualTo(CachePolicy.PUBLIC_PAGE.header());
        assertThat(direct()).isEqualTo(before + 1);
    }
}
