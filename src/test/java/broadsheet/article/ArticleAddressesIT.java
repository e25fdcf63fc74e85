package broadsheet.article;

import static broadsheet.testing.Fixtures.story;
import static broadsheet.testing.TestApp.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.section.SectionStore;
import broadsheet.testing.Html;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Article addresses over HTTP: an article whose slug or section changed answers every earlier address with a
 * 301 to its current one; addresses that name nothing, or are not dates, are 404 pages.
 */
@ExtendWith(TestDatabase.class)
class ArticleAddressesIT {
    private static final String ORIGINAL = "/world-news/2025/12/07/harbour-talks/";
    private static final String RENAMED = "/world-news/2025/12/07/harbour-talks-resume/";
    private static final String IN_POLITICS = "/politics/2025/12/07/harbour-talks-resume/";

    @RegisterExtension
    static final TestApp app = new TestApp();

    private final Jdbi jdbi = TestDatabase.jdbi();
    private long id;

    @BeforeEach
    void storeTheArticle() {
        app.fixtures().store(NOW, story("Harbour talks").slug("harbour-talks").published(Instant.parse("2025-12-07T09:00:00Z")).build());
        id = jdbi.withHandle(h -> h.createQuery("SELECT id FROM articles").mapTo(Long.class).one());
    }

    @Test
    void aChangedSlugRedirectsPermanentlyFromTheOldAddress() {
        jdbi.useTransaction(h -> ArticleStore.movePath(h, id, RENAMED));

        var old = app.get(ORIGINAL);

        assertThat(old.statusCode()).isEqualTo(301);
        assertThat(old.headers().firstValue("Location")).contains(RENAMED);
        assertThat(old.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("public"));
        assertThat(app.get(RENAMED).statusCode()).isEqualTo(200);
    }

    @Test
    void aChangedSectionRedirectsToTheArticleInItsNewSection() {
        jdbi.useTransaction(h -> {
            long politics = SectionStore.ensure(h, "politics", "Politics", "");
            h.execute("UPDATE articles SET section_id = ? WHERE id = ?", politics, id);
            ArticleStore.movePath(h, id, IN_POLITICS);
        });

        var old = app.get(ORIGINAL);
        var moved = app.get(IN_POLITICS);

        assertThat(old.statusCode()).isEqualTo(301);
        assertThat(old.headers().firstValue("Location")).contains(IN_POLITICS);
        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(Html.parse(moved).selectFirst("article .kicker a").attr("href")).isEqualTo("/politics/");
        assertThat(Html.parse(moved).selectFirst("link[rel=canonical]").attr("href")).isEqualTo(TestApp.BASE_URL + IN_POLITICS);
    }

    @Test
    void everyEarlierAddressRedirectsStraightToTheCurrentOne() {
        jdbi.useTransaction(h -> ArticleStore.movePath(h, id, RENAMED));
        jdbi.useTransaction(h -> ArticleStore.movePath(h, id, IN_POLITICS));

        assertThat(app.get(ORIGINAL).headers().firstValue("Location")).contains(IN_POLITICS);
        assertThat(app.get(RENAMED).headers().firstValue("Location")).contains(IN_POLITICS);
    }

    @Test
    void anUnpublishedArticleIsGoneFromItsAddressAndItsEarlierOnes() {
        jdbi.useTransaction(h -> ArticleStore.movePath(h, id, RENAMED));
        jdbi.useHandle(h -> h.execute("UPDATE articles SET status = 'unpublished' WHERE id = ?", id));

        assertThat(app.get(RENAMED).statusCode()).isEqualTo(410);
        assertThat(app.get(ORIGINAL).statusCode()).isEqualTo(410);
    }

    @Test
    void anAddressWithoutItsTrailingSlashRedirectsToIt() {
        var response = app.get("/world-news/2025/12/07/harbour-talks");

        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location")).contains(ORIGINAL);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/world-news/2025/12/07/no-such-story/",
            "/world-news/2025/12/08/harbour-talks/",
            "/politics/2025/12/07/harbour-talks/",
            "/world-news/2025/12/07/harbour-talks/extra/"})
    void anAddressThatNamesNoArticleIsAPageNotFound(String path) {
        assertNotFoundPage(app.get(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/world-news/2025/13/07/harbour-talks/",
            "/world-news/2025/00/07/harbour-talks/",
            "/world-news/2025/12/32/harbour-talks/",
            "/world-news/2025/12/00/harbour-talks/",
            "/world-news/25/12/07/harbour-talks/",
            "/world-news/2025/1/07/harbour-talks/",
            "/world-news/abcd/12/07/harbour-talks/",
            "/world-news/2025/12/07/Harbour_Talks/",
            "/World-News/2025/12/07/harbour-talks/"})
    void malformedDatesAndSlugsAreAPageNotFound(String path) {
        assertNotFoundPage(app.get(path));
    }

    @Test
    void theAddressAndDatelineUseTheLondonDateAndSummerTime() {
        // 23:30 UTC on 30 June is 00:30 BST on 1 July
        app.fixtures().store(NOW, story("Midsummer").slug("midsummer").published(Instant.parse("2025-06-30T23:30:00Z")).build());

        var page = Html.parse(app.get("/world-news/2025/07/01/midsummer/"));

        assertThat(page.selectFirst(".dateline time").outerHtml())
                .isEqualTo("<time datetime=\"2025-07-01T00:30:00+01:00\">1 July 2025 12:30am BST</time>");
        assertThat(page.select(".published-note")).isEmpty();
    }

    private static void assertNotFoundPage(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(Html.parse(response).selectFirst("h1").text()).isEqualTo("Page not found");
    }
}
