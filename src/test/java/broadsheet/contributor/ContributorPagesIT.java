package broadsheet.contributor;

import static broadsheet.testing.Fixtures.story;
import static broadsheet.testing.TestApp.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import broadsheet.testing.Html;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.net.http.HttpResponse;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Contributor pages at {@code /authors/{slug}/} over HTTP, for people and desks: their stories in pages, and the index. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestDatabase.PerClass.class)
class ContributorPagesIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    @BeforeAll
    void storeStories() {
        app.fixtures().many(45, "world-news", NOW.minusSeconds(600));
        app.fixtures().store(NOW,
                story("Shared byline").bylines("Our Foreign Staff", "Jane Reporter").published(NOW.minusSeconds(60)).build(),
                story("Desk only").section("politics").bylines("Our Foreign Staff").published(NOW.minusSeconds(120)).build());
    }

    @Test
    void aDeskPageListsTheDesksStories() {
        Document desk = page("/authors/our-foreign-staff/");

        assertThat(desk.select("h1").eachText()).containsExactly("Our Foreign Staff");
        assertThat(desk.select(".listing-header .kicker").text()).isEqualTo("Desk");
        assertThat(desk.select(".card-headline").eachText()).containsExactly("Shared byline", "Desk only");
        assertThat(desk.select("link[rel=canonical]").attr("href")).isEqualTo(TestApp.BASE_URL + "/authors/our-foreign-staff/");
    }

    @Test
    void aPersonsPageComesInPagesWithPreviousAndNextLinks() {
        Document first = page("/authors/jane-reporter/");
        String secondPath = first.select("a[rel=next]").attr("href");
        Document second = page(secondPath);
        Document last = page(second.select("a[rel=next]").attr("href"));

        assertThat(first.select("h1").eachText()).containsExactly("Jane Reporter");
        assertThat(first.select(".card-headline").eachText()).hasSize(20).startsWith("Shared byline", "Story number 1");
        assertThat(secondPath).startsWith("/authors/jane-reporter/?before=");
        assertThat(first.select("link[rel=next]").attr("href")).isEqualTo(TestApp.BASE_URL + secondPath);
        assertThat(last.select(".card-headline").eachText()).hasSize(6).endsWith("Story number 45");
        assertThat(last.select("link[rel=prev]").attr("href")).startsWith(TestApp.BASE_URL + "/authors/jane-reporter/?after=");
        assertThat(last.select("link[rel=next]")).isEmpty();
        assertThat(app.get("/authors/jane-reporter/?page=4").statusCode()).isEqualTo(301);
        assertThat(app.get("/authors/jane-reporter/?page=0").statusCode()).isEqualTo(400);
    }

    @Test
    void anUnknownAuthorIsAPageNotFound() {
        var response = app.get("/authors/nobody-at-all/");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Html.parse(response).selectFirst("h1").text()).isEqualTo("Page not found");
    }

    @Test
    void anAuthorAddressWithoutItsTrailingSlashRedirectsPermanently() {
        HttpResponse<String> response = app.get("/authors/jane-reporter");

        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location")).contains("/authors/jane-reporter/");
    }

    @Test
    void theIndexLinksEveryWriterPeopleBeforeDesks() {
        Document index = page("/authors/");

        assertThat(index.select(".index-list a")).extracting(Element::text, e -> e.attr("href")).containsExactly(
                tuple("Jane Reporter", "/authors/jane-reporter/"),
                tuple("Our Foreign Staff", "/authors/our-foreign-staff/"));
    }

    private static Document page(String path) {
        HttpResponse<String> response = app.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return Html.parse(response);
    }
}
