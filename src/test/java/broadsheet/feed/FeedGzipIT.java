package broadsheet.feed;

import static broadsheet.testing.Fixtures.story;
import static broadsheet.testing.TestApp.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With the page cache off, a feed asked for gzipped comes gzipped (assembled from its entries' pieces) and unzips to the
 * very bytes sent to a reader who does not take gzip; its {@code ETag} is the same version marked {@code -gz}, answered
 * with 304 in either encoding, and a change to one article makes a new version.
 */
@ExtendWith(TestDatabase.class)
class FeedGzipIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    @Test
    void aGzippedFeedIsThePlainFeedAndFollowsItsChanges() throws IOException {
        app.fixtures().many(12, "world-news", NOW.minusSeconds(7200));
        app.fixtures().store(NOW, story("Harbour <reopens> & ferries return").body("The harbour **reopened** on Monday. ".repeat(40))
                .published(NOW.minusSeconds(60)).build());
        for (String path : FeedsIT.FEEDS.stream().flatMap(p -> java.util.stream.Stream.of(p + "rss.xml", p + "atom.xml")).toList()) {
            HttpResponse<byte[]> plain = app.getBytes(path);
            if (plain.statusCode() == 404) continue;
            HttpResponse<byte[]> gzipped = app.getBytes(path, "Accept-Encoding", "gzip");
            assertThat(gzipped.statusCode()).as(path).isEqualTo(200);
            assertThat(gzipped.headers().firstValue("Content-Encoding")).as(path).contains("gzip");
            assertThat(FeedGzipTest.gunzip(gzipped.body())).as(path).isEqualTo(plain.body());
            String etag = plain.headers().firstValue("ETag").orElseThrow();
            assertThat(gzipped.headers().firstValue("ETag")).contains(etag.replaceAll("\"$", "-gz\""));
            assertThat(app.get(path, "If-None-Match", etag).statusCode()).isEqualTo(304);
            assertThat(app.get(path, "Accept-Encoding", "gzip", "If-None-Match", gzipped.headers().firstValue("ETag").orElseThrow())
                    .statusCode()).isEqualTo(304);
        }
        String before = app.get("/rss.xml").headers().firstValue("ETag").orElseThrow();
        app.fixtures().store(NOW, story("Ferries cancelled").published(NOW.minusSeconds(30)).build());
        HttpResponse<byte[]> after = app.getBytes("/rss.xml", "Accept-Encoding", "gzip");
        assertThat(after.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(before.replaceAll("\"$", "-gz\""));
        assertThat(FeedGzipTest.text(FeedGzipTest.gunzip(after.body()))).contains("Ferries cancelled")
                .isEqualTo(app.get("/rss.xml").body());
    }
}
