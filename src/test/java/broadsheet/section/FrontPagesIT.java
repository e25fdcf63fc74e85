package broadsheet.section;

import static broadsheet.testing.Fixtures.story;
import static broadsheet.testing.TestApp.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import broadsheet.testing.Html;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The home page and section pages over HTTP, on 45 world news stories, three in politics and two in sport
 * (50 in all): the lead, the blocks by section, pages of 20 with their previous and next links, and what is
 * refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestDatabase.PerClass.class)
class FrontPagesIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    @BeforeAll
    void storeFiftyStories() {
        var fixtures = app.fixtures();
        fixtures.many(45, "world-news", NOW.minusSeconds(600));
        fixtures.store(NOW,
                story("Politics lead").section("politics").published(NOW.minusSeconds(60)).build(),
                story("Politics older").section("politics").published(NOW.minusSeconds(86_400)).build(),
                story("Politics oldest").section("politics").published(NOW.minusSeconds(2 * 86_400)).build(),
                story("Sport one").section("sport").published(NOW.minusSeconds(3 * 86_400)).build(),
                story("Sport two").section("sport").published(NOW.minusSeconds(4 * 86_400)).build());
        TestDatabase.jdbi().useHandle(h -> SectionStore.ensure(h, "culture", "Culture", "Books, films and the arts."));
    }

    @Test
    void homeLeadsWithTheNewestStoryThenTheNextFew() {
        Document home = app.page("/");

        assertThat(home.select("h1")).extracting(Element::text).containsExactly("The Broadsheet");
        assertThat(home.select(".front-top .card-lead .card-headline a")).extracting(Element::text).containsExactly("Politics lead");
        assertThat(home.select(".front-beside .card-headline, .front-more .card-headline")).extracting(Element::text)
                .containsExactly("Story number 1", "Story number 2", "Story number 3", "Story number 4", "Story number 5",
                        "Story number 6", "Story number 7");
        // the paper's name, then the zones and sections, then the stories
        assertThat(home.select("h1, h2, h3").stream().map(Element::tagName).distinct()).containsExactly("h1", "h2", "h3");
        assertThat(home.select("main h1")).isEmpty();
    }

    @Test
    void homeThenShowsTheLatestOfEachSectionWithoutRepeatingTheTop() {
        Document home = app.page("/");

        assertThat(home.select(".front-section h2 a")).extracting(Element::text, e -> e.attr("href")).containsExactly(
                tuple("World news", "/world-news/"),
                tuple("Politics", "/politics/"),
                tuple("Sport", "/sport/"));
        assertThat(headlines(home.selectFirst("#section-world-news").parent()))
                .containsExactly("Story number 8", "Story number 9", "Story number 10", "Story number 11");
        assertThat(headlines(home.selectFirst("#section-politics").parent())).containsExactly("Politics older", "Politics oldest");
        assertThat(home.select(".more-link a").attr("href")).startsWith("/?before=");
        assertThat(home.select("link[rel=next]").attr("href")).isEqualTo(TestApp.BASE_URL + home.select(".more-link a").attr("href"));
        assertThat(Html.jsonLd(home)).singleElement().satisfies(ld -> assertThat(ld.path("@type").asText()).isEqualTo("WebSite"));
    }

    @Test
    void homeMoreStoriesListsTheLatestStoriesFromTheTwentyFirst() {
        String more = app.page("/").select(".more-link a").attr("href");
        Document second = app.page(more);

        assertThat(second.select("h1").text()).isEqualTo("Latest stories, older stories");
        assertThat(second.select(".listing article")).hasSize(20);
        assertThat(headlines(second).get(0)).isEqualTo("Story number 20");
        assertThat(second.select("link[rel=canonical]").attr("href")).isEqualTo(TestApp.BASE_URL + more);
        // newer from here is the home page itself
        String newer = second.select("nav.pager a[rel=prev]").attr("href");
        assertThat(newer).startsWith("/?after=");
        assertThat(second.select("link[rel=prev]").attr("href")).isEqualTo(TestApp.BASE_URL + newer);
        HttpResponse<String> back = app.get(newer);
        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location")).contains("/");
        Document third = app.page(second.select("nav.pager a[rel=next]").attr("href"));
        assertThat(third.select(".listing article")).hasSize(10);
        assertThat(third.select("link[rel=next], a[rel=next]")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/?page=abc", "/?page=0", "/?page=-1", "/?page=1.5", "/?page=", "/?page=00",
            "/world-news/?page=abc", "/world-news/?page=0"})
    void aMalformedPageNumberIsABadRequestPage(String path) {
        var response = app.get(path);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        Document doc = Html.parse(response);
        assertThat(doc.selectFirst("h1").text()).isEqualTo("Bad request");
        assertThat(doc.selectFirst("main").text()).contains("The page number must be a whole number from 1.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/?page=1", "/?page=2", "/?page=4", "/?page=9999", "/?page=99999999999999999999",
            "/world-news/?page=2", "/world-news/?page=0999999", "/politics/?page=2", "/culture/?page=2"})
    void anOldNumberedPageAddressLeadsToTheListingsFirstPage(String path) {
        // numbered pages are gone (finding page N meant skipping every article before it): the first page is the answer
        var response = app.get(path);

        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location")).contains(path.substring(0, path.indexOf('?')));
    }

    @Test
    void sectionPagesComeInPagesOfTwentyWithPreviousAndNextLinks() {
        Document first = app.page("/world-news/");
        String secondPath = first.select("nav.pager a[rel=next]").attr("href");
        Document second = app.page(secondPath);
        String lastPath = second.select("nav.pager a[rel=next]").attr("href");
        Document last = app.page(lastPath);

        assertThat(first.selectFirst("h1").text()).isEqualTo("World news");
        assertThat(headlines(first)).hasSize(20).startsWith("Story number 1", "Story number 2");
        assertThat(first.select("link[rel=prev]")).isEmpty();
        assertThat(secondPath).startsWith("/world-news/?before=");
        assertThat(first.select("link[rel=next]").attr("href")).isEqualTo(TestApp.BASE_URL + secondPath);

        assertThat(headlines(second)).hasSize(20).startsWith("Story number 21");
        String backToFirst = second.select("nav.pager a[rel=prev]").attr("href");
        assertThat(backToFirst).startsWith("/world-news/?after=");
        assertThat(second.select("link[rel=prev]").attr("href")).isEqualTo(TestApp.BASE_URL + backToFirst);
        assertThat(app.get(backToFirst).headers().firstValue("Location")).contains("/world-news/");
        assertThat(second.select("link[rel=next]").attr("href")).isEqualTo(TestApp.BASE_URL + lastPath);

        assertThat(headlines(last)).containsExactly("Story number 41", "Story number 42", "Story number 43",
                "Story number 44", "Story number 45");
        // newer from the last page is the second page again
        String newer = last.select("nav.pager a[rel=prev]").attr("href");
        assertThat(last.select("link[rel=prev]").attr("href")).isEqualTo(TestApp.BASE_URL + newer);
        assertThat(headlines(app.page(newer))).isEqualTo(headlines(second));
        assertThat(last.select("link[rel=next], a[rel=next]")).isEmpty();
    }

    @Test
    void aSectionPageListsOnlyItsSectionAndMarksItInTheNavigation() {
        Document politics = app.page("/politics/");

        assertThat(headlines(politics)).containsExactly("Politics lead", "Politics older", "Politics oldest");
        assertThat(politics.select("nav.sections-nav a[aria-current=page]")).extracting(Element::text).containsExactly("Politics");
        assertThat(politics.select("nav.pager")).isEmpty();
        assertThat(politics.select("link[rel=canonical]").attr("href")).isEqualTo(TestApp.BASE_URL + "/politics/");
    }

    @Test
    void aSectionWithoutStoriesSaysSo() {
        Document culture = app.page("/culture/");

        assertThat(culture.selectFirst("h1").text()).isEqualTo("Culture");
        assertThat(culture.select(".listing-about").text()).isEqualTo("Books, films and the arts.");
        assertThat(culture.select(".empty").text()).isEqualTo("No stories here yet.");
    }

    @Test
    void anUnknownSectionIsAPageNotFound() {
        assertThat(app.get("/no-such-section/").statusCode()).isEqualTo(404);
        assertThat(app.get("/no-such-section/?page=2").statusCode()).isEqualTo(404);
    }

    @Test
    void aSectionAddressWithoutItsTrailingSlashRedirectsPermanently() {
        HttpResponse<String> bare = app.get("/world-news");
        HttpResponse<String> withPage = app.get("/world-news?page=2");

        assertThat(bare.statusCode()).isEqualTo(301);
        assertThat(bare.headers().firstValue("Location")).contains("/world-news/");
        assertThat(withPage.statusCode()).isEqualTo(301);
        assertThat(withPage.headers().firstValue("Location")).contains("/world-news/?page=2");
    }

    private static List<String> headlines(Element scope) {
        return scope.select(".card-headline").eachText();
    }
}
