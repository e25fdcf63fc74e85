package broadsheet.media;

import static broadsheet.testing.Fixtures.story;
import static broadsheet.testing.TestApp.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.Fixtures;
import broadsheet.testing.Html;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.awt.Color;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Picture files at {@code /media/...} over HTTP: every rendition a page names is served as stored, and nothing else. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestDatabase.PerClass.class)
class MediaPagesIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    private List<String> jpegs;
    private List<String> webps;

    @BeforeAll
    void storeAnArticleWithAPicture() {
        app.fixtures().store(NOW, story("Harbour talks").slug("harbour-talks")
                .picture(Fixtures.picture("Quay", 700, 400, Color.ORANGE, Color.BLACK)).build());
        Element figure = Html.parse(app.get("/world-news/2025/12/07/harbour-talks/")).selectFirst("figure.lead-picture");
        jpegs = urls(figure.selectFirst("img").attr("srcset"));
        webps = figure.select("source[type=image/webp]").stream().flatMap(s -> urls(s.attr("srcset")).stream()).toList();
    }

    @Test
    void everyRenditionOnThePageIsServedAsStored() throws IOException {
        assertThat(jpegs).hasSizeGreaterThanOrEqualTo(2);
        assertThat(webps).isNotEmpty();
        if (PictureEncoder.webpAvailable()) {
            assertThat(webps).as("the phone WebP and the others").anyMatch(u -> u.endsWith("-480-dense.webp"))
                    .anyMatch(u -> u.endsWith("-480.webp"));
        }
        for (String url : concat(jpegs, webps)) {
            HttpResponse<byte[]> response = app.getBytes(url);
            byte[] stored = Files.readAllBytes(app.dataDir().resolve("media").resolve(url.substring("/media/".length())));

            assertThat(response.statusCode()).as(url).isEqualTo(200);
            assertThat(response.body()).as(url).isEqualTo(stored);
            assertThat(response.headers().firstValue("Content-Type")).as(url).contains(url.endsWith(".webp") ? "image/webp" : "image/jpeg");
            assertThat(response.headers().firstValue("Content-Length")).as(url).contains(String.valueOf(stored.length));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        }
    }

    @Test
    void aPictureTheBrowserHasIsNotSentAgain() {
        String url = jpegs.get(0);
        String etag = app.getBytes(url).headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> again = app.getBytes(url, "If-None-Match", etag);

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/media/images/00/0000000000000000000000000000000000000000000000000000000000000000.jpg",
            "/media/images/zz/not-a-hash.jpg",
            "/media/images/00/0000000000000000000000000000000000000000000000000000000000000000-800-dense.webp",
            "/media/images/00/0000000000000000000000000000000000000000000000000000000000000000-dense.webp",
            "/media/images/ab/abc.exe",
            "/media/pom.xml",
            "/media/images/..%2F..%2F..%2Fpom.xml",
            "/media/images/",
            "/media/"})
    void anythingElseIsAPageNotFound(String path) {
        HttpResponse<String> response = app.get(path);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("<project");
    }

    @Test
    void aKnownFileUnderAnotherExtensionIsNotFound() {
        String jpeg = jpegs.get(0);
        String asPng = jpeg.substring(0, jpeg.length() - 4) + ".png";

        assertThat(app.getBytes(asPng).statusCode()).isEqualTo(404);
    }

    private static List<String> urls(String srcset) {
        return Arrays.stream(srcset.split(",\\s*")).map(c -> c.substring(0, c.indexOf(' '))).toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
