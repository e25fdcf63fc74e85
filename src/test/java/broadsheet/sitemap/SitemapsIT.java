package broadsheet.sitemap;

import static broadsheet.sitemap.SitemapSchemas.IMAGE_NS;
import static broadsheet.sitemap.SitemapSchemas.NEWS_NS;
import static broadsheet.sitemap.SitemapSchemas.SITEMAP_NS;
import static broadsheet.sitemap.SitemapSchemas.inUrl;
import static broadsheet.sitemap.SitemapSchemas.locs;
import static broadsheet.sitemap.SitemapSchemas.texts;
import static broadsheet.testing.Fixtures.story;
import static broadsheet.testing.TestApp.BASE_URL;
import static broadsheet.testing.TestApp.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.Fixtures;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.awt.Color;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;

/**
 * The sitemaps and robots.txt on the real server: valid against the sitemap schemas, absolute addresses, only
 * published articles, the news sitemap holding only the last 48 hours of the fixed clock.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestDatabase.PerClass.class)
class SitemapsIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    private static final String FRESH = "/world-news/2025/12/07/harbour-talks/";
    private static final String OLDER = "/world-news/2025/12/04/three-days-on/";
    private static final String AUTUMN = "/world-news/2025/10/10/autumn-budget/";
    private static final Instant FRESH_UPDATED = NOW.minus(Duration.ofMinutes(30));

    @BeforeAll
    void storeArticles() {
        app.fixtures().store(NOW,
                story("Harbour talks").slug("harbour-talks").published(NOW.minus(Duration.ofHours(1))).updated(FRESH_UPDATED)
                        .topics("Harbours").picture(Fixtures.picture("The harbour", Color.BLUE, Color.WHITE)).build(),
                story("Three days on").slug("three-days-on").published(NOW.minus(Duration.ofDays(3))).build(),
                story("Autumn budget").slug("autumn-budget").published(Instant.parse("2025-10-10T09:00:00Z")).build(),
                story("Secret draft").slug("secret-draft").topics("Secret merger").bylines("Hidden Writer")
                        .published(NOW.minus(Duration.ofHours(2))).build(),
                story("Taken down").slug("taken-down").published(NOW.minus(Duration.ofHours(3))).build(),
                story("Coming soon").slug("coming-soon").published(NOW.minus(Duration.ofHours(4))).build());
        TestDatabase.jdbi().useHandle(h -> {
            h.execute("UPDATE articles SET status = 'draft' WHERE headline = 'Secret draft'");
            h.execute("UPDATE articles SET status = 'unpublished' WHERE headline = 'Taken down'");
            h.execute("UPDATE articles SET status = 'scheduled', scheduled_at = ? WHERE headline = 'Coming soon'",
                    NOW.plus(Duration.ofDays(1)));
        });
    }

    private static String body(String path) {
        HttpResponse<String> r = app.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).as(path).hasValue("application/xml; charset=utf-8");
        return r.body();
    }

    @Test
    void theIndexNamesEveryMonthWithArticlesAndTheOtherSitemaps() throws Exception {
        Document index = SitemapSchemas.validIndex(body("/sitemap.xml"));

        assertThat(locs(index)).containsExactly(BASE_URL + "/sitemaps/articles-2025-12.xml", BASE_URL + "/sitemaps/articles-2025-10.xml",
                BASE_URL + "/sitemaps/sections.xml", BASE_URL + "/sitemaps/topics.xml", BASE_URL + "/sitemaps/authors.xml",
                BASE_URL + "/sitemap-news.xml");
        assertThat(texts(index, SITEMAP_NS, "lastmod")).startsWith("2025-12-07T14:30:00Z", "2025-10-10T09:00:00Z");
    }

    @Test
    void aMonthListsItsPublishedArticlesWithLastChangeAndLeadPicture() throws Exception {
        Document month = SitemapSchemas.validUrlset(body("/sitemaps/articles-2025-12.xml"));

        assertThat(locs(month)).containsExactly(BASE_URL + OLDER, BASE_URL + FRESH);
        assertThat(inUrl(month, BASE_URL + FRESH, SITEMAP_NS, "lastmod")).isEqualTo("2025-12-07T14:30:00Z");
        assertThat(inUrl(month, BASE_URL + OLDER, SITEMAP_NS, "lastmod")).isEqualTo("2025-12-04T15:00:00Z");
        assertThat(inUrl(month, BASE_URL + FRESH, IMAGE_NS, "loc")).startsWith(BASE_URL + "/media/");
        assertThat(inUrl(month, BASE_URL + OLDER, IMAGE_NS, "loc")).isNull();
        assertThat(locs(SitemapSchemas.validUrlset(body("/sitemaps/articles-2025-10.xml")))).containsExactly(BASE_URL + AUTUMN);
    }

    @Test
    void draftsUnpublishedAndScheduledArticlesAreNeverListed() {
        for (String path : new String[] {"/sitemap.xml", "/sitemaps/articles-2025-12.xml", "/sitemap-news.xml", "/sitemaps/topics.xml",
                "/sitemaps/authors.xml"}) {
            assertThat(body(path)).as(path).doesNotContain("secret-draft", "taken-down", "coming-soon", "secret-merger", "hidden-writer");
        }
    }

    @Test
    void sectionsTopicsAndAuthorsListThePublicPages() throws Exception {
        assertThat(locs(SitemapSchemas.validUrlset(body("/sitemaps/sections.xml")))).contains(BASE_URL + "/world-news/");
        assertThat(locs(SitemapSchemas.validUrlset(body("/sitemaps/topics.xml"))))
                .containsExactlyInAnyOrder(BASE_URL + "/topics/harbours/", BASE_URL + "/topics/test-topic/");
        assertThat(locs(SitemapSchemas.validUrlset(body("/sitemaps/authors.xml")))).containsExactly(BASE_URL + "/authors/jane-reporter/");
        // each page's last change is its latest publication: a topic's, a writer's and a section's listing change then
        Document topics = SitemapSchemas.validUrlset(body("/sitemaps/topics.xml"));
        assertThat(texts(topics, SITEMAP_NS, "lastmod")).hasSameSizeAs(locs(topics)).contains("2025-12-07T14:00:00Z");
        Document authors = SitemapSchemas.validUrlset(body("/sitemaps/authors.xml"));
        assertThat(texts(authors, SITEMAP_NS, "lastmod")).hasSize(1);
        assertThat(texts(SitemapSchemas.validUrlset(body("/sitemaps/sections.xml")), SITEMAP_NS, "lastmod")).contains("2025-12-07T14:00:00Z");
    }

    @Test
    void theNewsSitemapHoldsOnlyTheLast48HoursWithTheNewsElements() throws Exception {
        Document news = SitemapSchemas.validUrlset(body("/sitemap-news.xml"));

        assertThat(locs(news)).containsExactly(BASE_URL + FRESH);
        assertThat(texts(news, NEWS_NS, "name")).containsExactly("The Broadsheet");
        assertThat(texts(news, NEWS_NS, "language")).containsExactly("en");
        assertThat(texts(news, NEWS_NS, "publication_date")).containsExactly("2025-12-07T14:00:00Z");
        assertThat(texts(news, NEWS_NS, "title")).containsExactly("Harbour talks");
    }

    @Test
    void missingMonthsAndPartsAreNotFound() {
        for (String path : new String[] {"/sitemaps/articles-2025-11.xml", "/sitemaps/articles-2025-12-1.xml", "/sitemaps/articles-2025-13.xml",
                "/sitemaps/nothing.xml", "/sitemap-news-1.xml", "/sitemap-news-x.xml"}) {
            assertThat(app.get(path).statusCode()).as(path).isEqualTo(404);
        }
    }

    @Test
    void sitemapsArePublicPagesWithEtagsAndHead() {
        for (String path : new String[] {"/sitemap.xml", "/sitemaps/articles-2025-12.xml", "/sitemap-news.xml", "/robots.txt"}) {
            HttpResponse<String> get = app.get(path);
            assertThat(get.headers().firstValue("Cache-Control")).as(path).hasValue("public, max-age=60, s-maxage=300, stale-while-revalidate=600, stale-if-error=86400");
            String etag = get.headers().firstValue("ETag").orElseThrow();
            assertThat(app.get(path, "If-None-Match", etag).statusCode()).as(path).isEqualTo(304);
            HttpResponse<String> head = app.request("HEAD", path);
            assertThat(head.statusCode()).as(path).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            assertThat(head.headers().firstValue("ETag")).hasValue(etag);
        }
    }

    @Test
    void robotsNamesTheSitemapsAndKeepsPrivatePagesOut() {
        HttpResponse<String> robots = app.get("/robots.txt");

        assertThat(robots.headers().firstValue("Content-Type").orElseThrow().replace(" ", "")).isEqualTo("text/plain;charset=utf-8");
        assertThat(robots.body()).contains("User-agent: *\n", "Sitemap: " + BASE_URL + "/sitemap.xml\n",
                "Sitemap: " + BASE_URL + "/sitemap-news.xml\n");
        for (String path : new String[] {"/newsroom/", "/account/", "/gift/", "/search?", "/comments/", "/api/"}) {
            assertThat(robots.body()).contains("Disallow: " + path + "\n");
        }
        assertThat(robots.body()).doesNotContain("Disallow: /search\n");
    }
}
