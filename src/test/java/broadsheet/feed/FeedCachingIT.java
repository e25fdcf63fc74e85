package broadsheet.feed;

import static broadsheet.testing.Fixtures.story;
import static broadsheet.testing.TestApp.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.Config;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A feed answered from the page cache keeps its conditional GET: {@code If-Modified-Since} still gets a 304. */
@ExtendWith(TestDatabase.class)
class FeedCachingIT {
    @RegisterExtension
    static final TestApp app = new TestApp().with(Config.PAGE_CACHE_MB.key(), "16");

    @Test
    void aCachedFeedAnswersIfModifiedSince() {
        app.fixtures().store(NOW, story("Harbour reopens").published(NOW.minusSeconds(60)).build());
        HttpResponse<String> first = app.get("/rss.xml");
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        String etag = first.headers().firstValue("ETag").orElseThrow();

        // from the cache now
        HttpResponse<String> again = app.get("/rss.xml", "If-Modified-Since", lastModified);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.headers().firstValue("Last-Modified")).contains(lastModified);
        assertThat(again.headers().firstValue("ETag")).contains(etag);
        assertThat(app.get("/rss.xml", "If-Modified-Since", "Sun, 7 Dec 2025 14:58:59 GMT").statusCode()).isEqualTo(200);
        assertThat(app.get("/rss.xml", "If-Modified-Since", "not a date").statusCode()).isEqualTo(200);
        // If-None-Match decides alone when sent
        assertThat(app.get("/rss.xml", "If-None-Match", "\"other\"", "If-Modified-Since", lastModified).statusCode()).isEqualTo(200);
        assertThat(app.get("/rss.xml", "If-None-Match", etag).statusCode()).isEqualTo(304);
    }
}
