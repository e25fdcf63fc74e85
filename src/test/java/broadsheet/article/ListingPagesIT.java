package broadsheet.article;

import static broadsheet.testing.Fixtures.story;
import static broadsheet.testing.TestApp.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.importing.ArticleSource;
import broadsheet.testing.Html;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The public listings' pages over HTTP, read a page at a time from a place in the list: 47 stories on one topic, 25
 * of them published at the same second, so pages break in the middle of a run of equal times.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestDatabase.PerClass.class)
class ListingPagesIT {
    private static final String TOPIC = "/topics/harbour/";
    @RegisterExtension
    static final TestApp app = new TestApp();

    @BeforeAll
    void storeStories() {
        List<ArticleSource> stories = new ArrayList<>();
        for (int i = 1; i <= 11; i++) stories.add(story("Newer " + i).topics("Harbour").published(NOW.minusSeconds(60L * i)).build());
        for (int i = 1; i <= 25; i++) stories.add(story("Same second " + i).topics("Harbour").published(NOW.minusSeconds(3_600)).build());
        for (int i = 1; i <= 11; i++) stories.add(story("Older " + i).topics("Harbour").published(NOW.minusSeconds(7_200 + 60L * i)).build());
        app.fixtures().store(NOW, stories.toArray(ArticleSource[]::new));
    }

    @Test
    void followingOlderReachesEveryStoryOnceInAStableOrderAndTheLastPageHasNoOlderLink() {
        List<String> seen = new ArrayList<>();
        List<Document> pages = new ArrayList<>();
        String path = TOPIC;
        while (path != null) {
            Document page = page(path);
            pages.add(page);
            seen.addAll(page.select(".card-headline").eachText());
            String older = page.select("nav.pager a[rel=next]").attr("href");
            assertThat(page.select("link[rel=next]").attr("href")).isEqualTo(older.isEmpty() ? "" : TestApp.BASE_URL + older);
            path = older.isEmpty() ? null : older;
        }
        // stories published at the same time come newest stored (highest id) first, each once
        List<String> sameSecond = new ArrayList<>();
        for (int i = 25; i >= 1; i--) sameSecond.add("Same second " + i);
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 11; i++) expected.add("Newer " + i);
        expected.addAll(sameSecond);
        for (int i = 1; i <= 11; i++) expected.add("Older " + i);

        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pages).hasSize(3);
        assertThat(pages.get(0).select("nav.pager a[rel=prev], link[rel=prev]")).isEmpty();
        assertThat(pages.get(0).select("h1").text()).isEqualTo("Harbour");
        assertThat(pages.get(1).select("h1").text()).isEqualTo("Harbour, older stories");
        assertThat(pages.get(2).select(".card-headline")).hasSize(7);
        assertThat(pages.get(2).select("nav.pager a[rel=next], link[rel=next]")).isEmpty();
    }

    @Test
    void followingNewerFromTheLastPageComesBackThroughTheSamePages() {
        Document first = page(TOPIC);
        Document second = page(first.select("nav.pager a[rel=next]").attr("href"));
        Document last = page(second.select("nav.pager a[rel=next]").attr("href"));

        Document back = page(last.select("nav.pager a[rel=prev]").attr("href"));
        assertThat(back.select(".card-headline").eachText()).isEqualTo(second.select(".card-headline").eachText());
        assertThat(back.select("link[rel=canonical]").attr("href")).contains("?after=");
        HttpResponse<String> top = app.get(back.select("nav.pager a[rel=prev]").attr("href"));
        assertThat(top.statusCode()).as("newer than the second page is the first page, at the listing's own address").isEqualTo(302);
        assertThat(top.headers().firstValue("Location")).contains(TOPIC);
    }

    @ParameterizedTest
    @ValueSource(strings = {"?before=", "?before=abc", "?before=1", "?before=1_0", "?before=01_1", "?before=1_1_1", "?before=1_-1",
            "?before=99999999999999999999_1", "?before=1_99999999999999999999", "?after=x", "?before=1_1&before=1_2",
            "?before=1_1&after=1_1", "?before=%00", "?before=1%201_1", "?after=", "?page=x"})
    void aPlaceThatIsNotOneIsABadRequestPage(String query) {
        HttpResponse<String> response = app.get(TOPIC + query);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(Html.parse(response).selectFirst("h1").text()).isEqualTo("Bad request");
    }

    @Test
    void aPlaceBeyondTheOldestStoryIsAPageNotFound() {
        HttpResponse<String> response = app.get(TOPIC + "?before=1_1");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Html.parse(response).selectFirst("main").text()).contains("There are no older stories in this list.");
    }

    @Test
    void anOldNumberedPageLeadsToTheFirstPage() {
        HttpResponse<String> response = app.get(TOPIC + "?page=2");

        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location")).contains(TOPIC);
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("public"));
    }

    private static Document page(String path) {
        HttpResponse<String> response = app.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return Html.parse(response);
    }
}
