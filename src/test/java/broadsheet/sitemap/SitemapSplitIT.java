package broadsheet.sitemap;

import static broadsheet.sitemap.SitemapSchemas.NEWS_NS;
import static broadsheet.sitemap.SitemapSchemas.locs;
import static broadsheet.sitemap.SitemapSchemas.texts;
import static broadsheet.testing.TestApp.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.contributor.ContributorStore;
import broadsheet.media.ImageStore;
import broadsheet.section.SectionStore;
import broadsheet.testing.Fixtures;
import broadsheet.testing.TestClock;
import broadsheet.testing.TestDatabase;
import broadsheet.topic.TopicStore;
import broadsheet.web.SiteInfo;
import io.javalin.Javalin;
import io.javalin.apibuilder.ApiBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;

/**
 * The limits of one file: a month beyond its limit is cut into numbered parts, and the news sitemap beyond its own
 * becomes an index of parts. The limits are the handler's constructor parameters (50,000 and 1,000 in the site);
 * here 2 and 2, served by a real HTTP server over the test database, so five articles show both splits.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestDatabase.PerClass.class)
class SitemapSplitIT {
    private static final String BASE = "https://news.example.test";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private Javalin server;

    @BeforeAll
    void start() {
        new Fixtures(TestDatabase.tempDir("split-")).many(5, "world-news", NOW.minusSeconds(60));
        Jdbi jdbi = TestDatabase.jdbi();
        SiteInfo.Paper paper = new SiteInfo.Paper("The Test Paper", "", List.of());
        SiteInfo site = new SiteInfo(BASE, ZoneId.of("Europe/London"), "/assets/site.css", () -> paper, () -> paper);
        SitemapPages pages = new SitemapPages(new SitemapStore(jdbi), new SectionStore(jdbi), new TopicStore(jdbi),
                new ContributorStore(jdbi), new ImageStore(jdbi), site, new TestClock(NOW), 2, 2, "en");
        server = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.jetty.host = "127.0.0.1";
            c.jetty.port = 0;
            c.routes.apiBuilder(() -> {
                ApiBuilder.get("/sitemap.xml", pages::index);
                ApiBuilder.get("/sitemaps/{file}", pages::file);
                ApiBuilder.get("/sitemap-news.xml", pages::news);
                ApiBuilder.get("/sitemap-news-{part}", pages::newsPart);
            });
        }).start();
    }

    @AfterAll
    void stop() {
        if (server != null) server.stop();
    }

    private String get(String path) throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    @Test
    void aMonthBeyondTheLimitIsCutIntoNumberedParts() throws Exception {
        Document index = SitemapSchemas.validIndex(get("/sitemap.xml"));
        assertThat(locs(index)).startsWith(BASE + "/sitemaps/articles-2025-12-1.xml", BASE + "/sitemaps/articles-2025-12-2.xml",
                BASE + "/sitemaps/articles-2025-12-3.xml", BASE + "/sitemaps/sections.xml");

        assertThat(locs(SitemapSchemas.validUrlset(get("/sitemaps/articles-2025-12-1.xml")))).hasSize(2);
        assertThat(locs(SitemapSchemas.validUrlset(get("/sitemaps/articles-2025-12-2.xml")))).hasSize(2);
        assertThat(locs(SitemapSchemas.validUrlset(get("/sitemaps/articles-2025-12-3.xml"))))
                .containsExactly(BASE + "/world-news/2025/12/07/story-number-1/");
    }

    @Test
    void theNewsSitemapBeyondTheLimitIsAnIndexOfParts() throws Exception {
        Document index = SitemapSchemas.validIndex(get("/sitemap-news.xml"));
        assertThat(locs(index)).containsExactly(BASE + "/sitemap-news-1.xml", BASE + "/sitemap-news-2.xml", BASE + "/sitemap-news-3.xml");

        Document first = SitemapSchemas.validUrlset(get("/sitemap-news-1.xml"));
        assertThat(texts(first, NEWS_NS, "title")).containsExactly("Story number 1", "Story number 2");
        assertThat(texts(first, NEWS_NS, "name")).containsExactly("The Test Paper", "The Test Paper");
        assertThat(texts(SitemapSchemas.validUrlset(get("/sitemap-news-3.xml")), NEWS_NS, "title")).containsExactly("Story number 5");
    }
}
