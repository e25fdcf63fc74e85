package broadsheet.topic;

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

/** Topic pages at {@code /topics/{slug}/} over HTTP: the topic's stories across sections, in pages, and the index. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestDatabase.PerClass.class)
class TopicPagesIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    @BeforeAll
    void storeStories() {
        app.fixtures().many(45, "world-news", NOW.minusSeconds(600));
        app.fixtures().store(NOW,
                story("Port fees rise").section("business").topics("Ports", "Test topic").published(NOW.minusSeconds(60)).build(),
                story("Ferry strike").section("politics").topics("Ports").published(NOW.minusSeconds(120)).build());
    }

    @Test
    void aTopicPageListsItsStoriesFromEverySectionNewestFirst() {
        Document ports = page("/topics/ports/");

        assertThat(ports.select("h1").eachText()).containsExactly("Ports");
        assertThat(ports.select(".listing-header .kicker").text()).isEqualTo("Topic");
        assertThat(ports.select(".card-headline").eachText()).containsExactly("Port fees rise", "Ferry strike");
        assertThat(ports.select(".card-kicker").eachText()).containsExactly("Business", "Politics");
        assertThat(ports.select("link[rel=canonical]").attr("href")).isEqualTo(TestApp.BASE_URL + "/topics/ports/");
        assertThat(Html.meta(ports, "description")).isEqualTo("News, analysis and comment on Ports from The Broadsheet.");
    }

    @Test
    void aLongTopicComesInPagesWithPreviousAndNextLinks() {
        Document first = page("/topics/test-topic/");
        String secondPath = first.select("a[rel=next]").attr("href");
        Document second = page(secondPath);
        String lastPath = second.select("a[rel=next]").attr("href");
        Document last = page(lastPath);

        assertThat(first.select(".card-headline").eachText()).hasSize(20).startsWith("Port fees rise", "Story number 1");
        assertThat(secondPath).startsWith("/topics/test-topic/?before=");
        assertThat(first.select("link[rel=next]").attr("href")).isEqualTo(TestApp.BASE_URL + secondPath);
        assertThat(first.select("link[rel=prev]")).isEmpty();
        assertThat(second.select(".card-headline").eachText()).hasSize(20).startsWith("Story number 20");
        assertThat(second.select("link[rel=prev]").attr("href")).startsWith(TestApp.BASE_URL + "/topics/test-topic/?after=");
        assertThat(last.select(".card-headline").eachText()).hasSize(6).endsWith("Story number 45");
        assertThat(last.select("link[rel=next], a[rel=next]")).isEmpty();
        assertThat(app.get("/topics/test-topic/?page=4").statusCode()).isEqualTo(301);
        assertThat(app.get("/topics/test-topic/?page=two").statusCode()).isEqualTo(400);
        assertThat(app.get("/topics/test-topic/?before=two").statusCode()).isEqualTo(400);
    }

    @Test
    void anUnknownTopicIsAPageNotFound() {
        var response = app.get("/topics/no-such-topic/");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Html.parse(response).selectFirst("h1").text()).isEqualTo("Page not found");
    }

    @Test
    void aTopicAddressWithoutItsTrailingSlashRedirectsPermanently() {
        HttpResponse<String> response = app.get("/topics/ports");

        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location")).contains("/topics/ports/");
    }

    @Test
    void theIndexLinksEveryTopicInUse() {
        Document index = page("/topics/");

        assertThat(index.select(".index-list a")).extracting(Element::text, e -> e.attr("href")).containsExactly(
                tuple("Ports", "/topics/ports/"),
                tuple("Test topic", "/topics/test-topic/"));
    }

    private static Document page(String path) {
        HttpResponse<String> response = app.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return Html.parse(response);
    }
}
