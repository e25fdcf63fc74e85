package broadsheet.web;

import static broadsheet.testing.Fixtures.story;
import static broadsheet.testing.TestApp.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.Fixtures;
import broadsheet.testing.Html;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a CDN in front of the site is told: anonymous pages are shared and briefly cached with a strong
 * ETag answered by 304, each encoding with its own ETag; surrogate keys name what a page shows; picture
 * files are kept for ever; errors are not kept long.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestDatabase.PerClass.class)
class CachingIT {
    private static final String ARTICLE = "/world-news/2025/12/07/harbour-talks/";

    @RegisterExtension
    static final TestApp app = new TestApp();

    private long articleId;

    @BeforeAll
    void storeAnArticle() {
        app.fixtures().store(NOW, story("Harbour talks").slug("harbour-talks")
                .bylines("Jane Reporter", "Our Foreign Staff").topics("Ports", "Northmere")
                .picture(Fixtures.picture("Quay", 700, 400, Color.BLUE, Color.WHITE)).build());
        articleId = TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT id FROM articles").mapTo(Long.class).one());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", ARTICLE, "/world-news/", "/topics/ports/", "/authors/jane-reporter/", "/topics/",
            "/authors/", "/?before=9999999999999999_1", "/api/v1/articles", "/api/v1/sections"})
    void anonymousPagesArePublicAndBrieflyCachedWithAStrongEtag(String path) {
        HttpResponse<String> response = app.get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "Cache-Control")).contains("public").containsPattern("s-maxage=\\d+")
                .containsPattern("stale-while-revalidate=\\d+").doesNotContain("private", "no-store");
        assertThat(header(response, "ETag")).matches("\"[^\"]+\"");
        assertThat(header(response, "Vary")).contains("Accept-Encoding");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", ARTICLE, "/world-news/", "/api/v1/articles"})
    void aRequestWithTheSameEtagGetsNotModifiedWithNoBody(String path) {
        String etag = header(app.get(path), "ETag");

        HttpResponse<String> again = app.get(path, "If-None-Match", etag);

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(header(again, "ETag")).isEqualTo(etag);
        assertThat(header(again, "Cache-Control")).contains("s-maxage");
    }

    @Test
    void anotherEtagGetsTheWholePage() {
        HttpResponse<String> response = app.get(ARTICLE, "If-None-Match", "\"an-older-version\", W/\"weak\"");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Harbour talks");
    }

    @Test
    void gzipIsSentToThoseWhoAskWithItsOwnEtagThatStillMatches() {
        HttpResponse<String> plain = app.get(ARTICLE);
        HttpResponse<byte[]> zipped = app.getBytes(ARTICLE, "Accept-Encoding", "gzip, deflate, br");

        assertThat(zipped.statusCode()).isEqualTo(200);
        assertThat(zipped.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(gunzip(zipped.body())).isEqualTo(plain.body());
        String zippedTag = zipped.headers().firstValue("ETag").orElseThrow();
        assertThat(zippedTag).isNotEqualTo(header(plain, "ETag")).doesNotStartWith("W/");
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();

        assertThat(app.get(ARTICLE, "Accept-Encoding", "gzip", "If-None-Match", zippedTag).statusCode()).isEqualTo(304);
        assertThat(app.get(ARTICLE, "Accept-Encoding", "gzip", "If-None-Match", header(plain, "ETag")).statusCode()).isEqualTo(304);
        assertThat(app.get(ARTICLE, "If-None-Match", zippedTag).statusCode()).isEqualTo(304);
        assertThat(app.getBytes(ARTICLE, "Accept-Encoding", "gzip;q=0").headers().firstValue("Content-Encoding")).isEmpty();
    }

    @Test
    void surrogateKeysNameTheArticleItsSectionTopicsAndContributors() {
        assertThat(header(app.get(ARTICLE), "Surrogate-Key").split(" ")).containsExactly("article-" + articleId,
                "section-world-news", "topic-ports", "topic-northmere", "contributor-jane-reporter", "contributor-our-foreign-staff");
        assertThat(header(app.get("/world-news/"), "Surrogate-Key")).isEqualTo("section-world-news");
        assertThat(header(app.get("/topics/ports/"), "Surrogate-Key")).isEqualTo("topic-ports");
        assertThat(header(app.get("/authors/jane-reporter/"), "Surrogate-Key")).isEqualTo("contributor-jane-reporter");
        assertThat(header(app.get("/"), "Surrogate-Key")).isEqualTo("home");
        assertThat(header(app.get("/api/v1/articles/" + articleId), "Surrogate-Key")).isEqualTo("article-" + articleId);
    }

    @Test
    void pictureFilesAreKeptForEver() {
        String src = Html.parse(app.get(ARTICLE)).selectFirst("figure.lead-picture img").attr("src");

        HttpResponse<byte[]> picture = app.getBytes(src);

        assertThat(picture.statusCode()).isEqualTo(200);
        assertThat(picture.headers().firstValue("Cache-Control")).contains("public, max-age=31536000, immutable");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/no-such-section/", "/world-news/2025/12/07/no-such-story/", "/topics/nothing/",
            "/api/v1/articles/999", "/?page=abc", "/api/v1/articles?limit=0", "/?before=1_1", "/?before=bad"})
    void errorsAreNotCachedLong(String path) {
        HttpResponse<String> response = app.get(path);

        assertThat(response.statusCode()).isBetween(400, 499);
        String cache = header(response, "Cache-Control");
        assertThat(cache).doesNotContain("immutable", "stale-while-revalidate", "stale-if-error");
        assertThat(maxAge(cache, "max-age")).isLessThanOrEqualTo(60);
        assertThat(maxAge(cache, "s-maxage")).isLessThanOrEqualTo(60);
        assertThat(response.headers().firstValue("ETag")).isEmpty();
    }

    @Test
    void healthAnswersAreNeverStored() {
        assertThat(header(app.get("/healthz"), "Cache-Control")).isEqualTo("no-store");
        assertThat(header(app.get("/readyz"), "Cache-Control")).isEqualTo("no-store");
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + " on " + response.uri()));
    }

    /** The seconds of a Cache-Control directive, 0 when absent (no-store). */
    private static int maxAge(String cacheControl, String directive) {
        var m = Pattern.compile("(?:^|[ ,])" + directive + "=(\\d+)").matcher(cacheControl);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static String gunzip(byte[] bytes) {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
