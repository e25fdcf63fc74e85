package broadsheet.topic;

import static broadsheet.testing.Fixtures.story;
import static broadsheet.testing.TestApp.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.Fixtures;
import broadsheet.testing.Html;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The index of topics at {@code /topics/}: the topics a published article has, by name, a hundred to a page,
 * with page numbers refused as on every other list, and its query an index walk that stops after the page.
 */
@ExtendWith(TestDatabase.class)
class TopicIndexIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    @Test
    void theIndexComesInPagesOfAHundredByName() {
        app.fixtures().store(NOW, story("Everything at once").topics("Aardvarks").build());
        TestDatabase.jdbi().useHandle(h -> {
            long article = h.createQuery("SELECT id FROM articles").mapTo(Long.class).one();
            for (int n = 1; n <= 130; n++) {
                long topic = TopicStore.ensure(h, String.format("Subject %03d", n), "");
                h.execute("INSERT INTO article_topics (article_id, topic_id, position) VALUES (?, ?, ?)", article, topic, 10 + n);
            }
            TopicStore.ensure(h, "Subject 050 only in a draft", "");
        });

        Document first = page("/topics/");
        Document second = page("/topics/?page=2");

        assertThat(first.select(".index-list a").eachText()).hasSize(100).startsWith("Aardvarks", "Subject 001").endsWith("Subject 099")
                .doesNotContain("Subject 050 only in a draft");
        assertThat(first.select("link[rel=next]").attr("href")).isEqualTo(TestApp.BASE_URL + "/topics/?page=2");
        assertThat(second.select(".index-list a").eachText()).hasSize(31).startsWith("Subject 100").endsWith("Subject 130");
        assertThat(second.select("nav.pager a[rel=prev]").attr("href")).isEqualTo("/topics/");
        assertThat(second.select("link[rel=next], nav.pager a[rel=next]")).isEmpty();
    }

    @Test
    void pageNumbersAreRefusedAsOnEveryOtherList() {
        app.fixtures().store(NOW, story("One story").build());

        for (String bad : List.of("abc", "0", "-1", "")) {
            assertThat(app.get("/topics/?page=" + bad).statusCode()).as(bad).isEqualTo(400);
        }
        for (String beyond : List.of("2", "999", "999999")) {
            HttpResponse<String> r = app.get("/topics/?page=" + beyond);
            assertThat(r.statusCode()).as(beyond).isEqualTo(404);
            assertThat(Html.parse(r).selectFirst("main").text()).contains("There is no page " + beyond + " of this list");
        }
    }

    @Test
    void theIndexWalksTheNameIndexAndStopsAfterThePage() {
        List<String> plan = TestDatabase.jdbi().withHandle(h -> {
            Fixtures.bulkArticles(h, 20_000);
            h.execute("INSERT INTO topics (slug, name, description) SELECT 'subject-' || g, 'Subject ' || g, '' FROM generate_series(1, 20000) g");
            h.execute("INSERT INTO article_topics (article_id, topic_id, position) SELECT g, g, 0 FROM generate_series(1, 20000) g");
            h.execute("ANALYZE topics, articles, article_topics");
            return h.createQuery("EXPLAIN (COSTS OFF) " + TopicStore.PUBLIC_LIST).define("public", TopicStore.PUBLIC)
                    .bind("limit", 101).bind("offset", 0).mapTo(String.class).list();
        });

        assertThat(plan).anySatisfy(line -> assertThat(line).contains("Index Scan using topics_name_key on topics t"));
        assertThat(plan).noneSatisfy(line -> assertThat(line).containsAnyOf("Sort", "Seq Scan on topics", "Aggregate"));
    }

    private static Document page(String path) {
        HttpResponse<String> response = app.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return Html.parse(response);
    }
}
