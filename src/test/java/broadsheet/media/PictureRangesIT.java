package broadsheet.media;

import static broadsheet.testing.Fixtures.story;
import static broadsheet.testing.TestApp.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.Fixtures;
import broadsheet.testing.Html;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import broadsheet.web.CachePolicy;
import java.awt.Color;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Pictures answer one range of bytes, so a CDN or browser can resume a transfer; the whole file otherwise. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestDatabase.PerClass.class)
class PictureRangesIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    private String url;
    private byte[] stored;
    private String etag;

    @BeforeAll
    void storeAPicture() throws IOException {
        app.fixtures().store(NOW, story("Harbour talks").slug("harbour-talks")
                .picture(Fixtures.picture("Quay", 700, 400, Color.ORANGE, Color.BLACK)).build());
        url = Html.parse(app.get("/world-news/2025/12/07/harbour-talks/")).selectFirst("figure.lead-picture img").attr("src");
        stored = Files.readAllBytes(app.dataDir().resolve("media").resolve(url.substring("/media/".length())));
        etag = app.getBytes(url).headers().firstValue("ETag").orElseThrow();
    }

    @Test
    void theWholeFileSaysRangesAreAccepted() {
        HttpResponse<byte[]> whole = app.getBytes(url);

        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.headers().firstValue("Accept-Ranges")).contains("bytes");
        assertThat(whole.body()).isEqualTo(stored);
    }

    @Test
    void oneRangeIsSentAsAPart() {
        HttpResponse<byte[]> part = app.getBytes(url, "Range", "bytes=100-199");

        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).contains("bytes 100-199/" + stored.length);
        assertThat(part.headers().firstValue("Content-Length")).contains("100");
        assertThat(part.headers().firstValue("Cache-Control")).contains(CachePolicy.IMMUTABLE.header());
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(stored, 100, 200));
    }

    @Test
    void theEndOfTheFileCanBeAskedFor() {
        HttpResponse<byte[]> tail = app.getBytes(url, "Range", "bytes=-50");
        HttpResponse<byte[]> rest = app.getBytes(url, "Range", "bytes=" + (stored.length - 10) + "-");

        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(stored, stored.length - 50, stored.length));
        assertThat(rest.statusCode()).isEqualTo(206);
        assertThat(rest.body()).isEqualTo(Arrays.copyOfRange(stored, stored.length - 10, stored.length));
    }

    @Test
    void aRangePastTheEndIs416WithTheSize() {
        HttpResponse<byte[]> refused = app.getBytes(url, "Range", "bytes=" + stored.length + "-");

        assertThat(refused.statusCode()).isEqualTo(416);
        assertThat(refused.headers().firstValue("Content-Range")).contains("bytes */" + stored.length);
        assertThat(refused.body()).isEmpty();
        // a refusal about one request's range must not stand in for the file in a cache
        assertThat(refused.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void ifRangeWithTheETagGetsThePartAndWithAnythingElseTheWholeFile() {
        HttpResponse<byte[]> same = app.getBytes(url, "Range", "bytes=0-9", "If-Range", etag);
        HttpResponse<byte[]> changed = app.getBytes(url, "Range", "bytes=0-9", "If-Range", "\"something-else.jpg\"");

        assertThat(same.statusCode()).isEqualTo(206);
        assertThat(same.body()).isEqualTo(Arrays.copyOfRange(stored, 0, 10));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).isEqualTo(stored);
    }

    @Test
    void severalRangesGetTheWholeFile() {
        HttpResponse<byte[]> whole = app.getBytes(url, "Range", "bytes=0-9,20-29");

        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(stored);
    }
}
