package broadsheet.api;

import static broadsheet.testing.Fixtures.story;
import static broadsheet.testing.TestApp.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.Html;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The public Content API over HTTP, on 45 world news stories and two politics stories (plus one draft that
 * must never show): order, filters, cursor pages, limits, one article, the lists of sections, topics and
 * authors, and RFC 9457 problems for everything it refuses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestDatabase.PerClass.class)
class ContentApiIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    private long budgetId;
    private long draftId;

    @BeforeAll
    void storeStories() {
        app.fixtures().many(45, "world-news", NOW.minusSeconds(600));
        app.fixtures().store(NOW,
                story("Budget passes").section("politics").topics("Budget", "Parliament").bylines("Ann Clerk", "Our Political Staff")
                        .published(NOW.minusSeconds(60)).updated(NOW.minusSeconds(30)).build(),
                story("Budget leaks").section("politics").topics("Budget").bylines("Ann Clerk").published(NOW.minusSeconds(120)).build(),
                story("Not yet").section("politics").topics("Budget").bylines("Ann Clerk").published(NOW.minusSeconds(10)).build());
        budgetId = idOf("Budget passes");
        draftId = idOf("Not yet");
        TestDatabase.jdbi().useHandle(h -> h.execute("UPDATE articles SET status = 'draft' WHERE id = ?", draftId));
    }

    @Test
    void listsPublishedArticlesNewestFirst() {
        HttpResponse<String> response = app.get("/api/v1/articles");
        JsonNode body = json(response, 200);
        JsonNode items = body.path("items");

        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(items).hasSize(20);
        assertThat(texts(items, "headline")).startsWith("Budget passes", "Budget leaks", "Story number 1").doesNotContain("Not yet");
        List<Instant> published = StreamSupport.stream(items.spliterator(), false)
                .map(i -> Instant.parse(i.path("published").asText())).toList();
        assertThat(published).isSortedAccordingTo(Comparator.reverseOrder());
        JsonNode first = items.get(0);
        assertThat(first.path("id").asLong()).isEqualTo(budgetId);
        assertThat(first.path("url").asText()).isEqualTo(TestApp.BASE_URL + "/politics/2025/12/07/budget-passes/");
        assertThat(first.path("section").path("slug").asText()).isEqualTo("politics");
        assertThat(texts(first.path("bylines"), "name")).containsExactly("Ann Clerk", "Our Political Staff");
        assertThat(texts(first.path("bylines"), "kind")).containsExactly("person", "desk");
        assertThat(first.path("published").asText()).isEqualTo("2025-12-07T14:59:00Z");
        assertThat(first.path("updated").asText()).isEqualTo("2025-12-07T14:59:30Z");
        assertThat(first.path("access").asText()).isEqualTo("free");
        assertThat(body.path("nextCursor").asText()).isNotEmpty();
        assertThat(body.path("next").asText()).isEqualTo(TestApp.BASE_URL + "/api/v1/articles?cursor=" + body.path("nextCursor").asText());
    }

    @Test
    void filtersBySectionTopicAndAuthor() {
        assertThat(texts(items("/api/v1/articles?section=politics"), "headline")).containsExactly("Budget passes", "Budget leaks");
        assertThat(texts(items("/api/v1/articles?topic=parliament"), "headline")).containsExactly("Budget passes");
        assertThat(texts(items("/api/v1/articles?author=ann-clerk"), "headline")).containsExactly("Budget passes", "Budget leaks");
        assertThat(items("/api/v1/articles?section=world-news&limit=100")).hasSize(45);
        assertThat(items("/api/v1/articles?topic=test-topic&limit=100")).hasSize(45);
    }

    @Test
    void theCursorWalksEveryArticleExactlyOnceKeepingTheFilterAndLimit() {
        List<String> seen = new ArrayList<>();
        String next = "/api/v1/articles?section=world-news&limit=7";
        int pages = 0;
        while (next != null) {
            JsonNode body = json(app.get(next), 200);
            seen.addAll(texts(body.path("items"), "headline"));
            pages++;
            if (body.has("next")) {
                assertThat(body.path("next").asText()).startsWith(TestApp.BASE_URL + "/api/v1/articles?section=world-news&limit=7&cursor=");
                next = body.path("next").asText().substring(TestApp.BASE_URL.length());
            } else {
                assertThat(body.has("nextCursor")).isFalse();
                next = null;
            }
        }

        assertThat(pages).isEqualTo(7);
        assertThat(seen).containsExactlyElementsOf(IntStream.rangeClosed(1, 45).mapToObj(i -> "Story number " + i).toList());
    }

    @Test
    void limitChoosesHowManyFromOneToAHundred() {
        JsonNode one = json(app.get("/api/v1/articles?limit=1"), 200);
        JsonNode all = json(app.get("/api/v1/articles?limit=100"), 200);

        assertThat(one.path("items")).hasSize(1);
        assertThat(one.path("next").asText()).contains("limit=1&cursor=");
        assertThat(all.path("items")).hasSize(47);
        assertThat(all.has("next")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=101", "limit=-1", "limit=abc", "limit=1.5", "limit=", "limit=99999",
            "foo=1", "section=no-such-section", "topic=no-such-topic", "author=no-such-author",
            "section=politics&topic=budget", "cursor=not-a-cursor", "cursor=Zm9v", "cursor=MDow", "cursor="})
    void refusesWhatItCannotAnswerWithAProblem(String query) {
        JsonNode problem = problem(app.get("/api/v1/articles?" + query), 400);

        assertThat(problem.path("title").asText()).isEqualTo("Bad request");
        assertThat(problem.path("detail").asText()).isNotBlank();
    }

    @Test
    void aProblemNamesTheParameterAtFault() {
        assertThat(problem(app.get("/api/v1/articles?limit=500"), 400).path("detail").asText())
                .isEqualTo("limit must be a whole number from 1 to 100.");
        assertThat(problem(app.get("/api/v1/articles?sort=oldest"), 400).path("detail").asText()).contains("\"sort\"");
        assertThat(problem(app.get("/api/v1/articles?section=nope"), 400).path("detail").asText())
                .isEqualTo("No section has the slug \"nope\".");
    }

    @Test
    void oneArticleInFull() {
        HttpResponse<String> response = app.get("/api/v1/articles/" + budgetId);
        JsonNode article = json(response, 200);

        assertThat(article.path("id").asLong()).isEqualTo(budgetId);
        assertThat(article.path("headline").asText()).isEqualTo("Budget passes");
        assertThat(article.path("standfirst").asText()).isEqualTo("A standfirst for Budget passes");
        assertThat(texts(article.path("topics"), "slug")).containsExactly("budget", "parliament");
        assertThat(article.path("bodyHtml").asText()).isEqualTo("<p>First paragraph of Budget passes.</p>\n<p>Second paragraph.</p>\n");
        assertThat(article.has("previewHtml")).isFalse();
        assertThat(article.path("comments").asText()).isEqualTo("open");
        assertThat(response.headers().firstValue("Surrogate-Key")).contains("article-" + budgetId);
    }

    @Test
    void anUnknownOrUnpublishedArticleIsNotFound() {
        for (String id : List.of("999999", "0", String.valueOf(draftId))) {
            JsonNode problem = problem(app.get("/api/v1/articles/" + id), 404);
            assertThat(problem.path("detail").asText()).isEqualTo("No published article has the id " + id + ".");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1", "1.0", "1234567890123456789", "%20"})
    void anIdThatIsNotANumberIsABadRequest(String id) {
        assertThat(problem(app.get("/api/v1/articles/" + id), 400).path("detail").asText())
                .isEqualTo("The article id must be a positive whole number.");
    }

    @Test
    void unknownAddressesUnderTheApiAreProblemsNotPages() {
        problem(app.get("/api/v1/nothing-here"), 404);
        problem(app.get("/api/v1/articles/"), 404);
        problem(app.get("/api/v2/articles"), 404);
    }

    @Test
    void listsSectionsTopicsAndAuthors() {
        assertThat(texts(items("/api/v1/sections"), "slug")).containsExactly("world-news", "politics");
        assertThat(items("/api/v1/sections").get(0).path("url").asText()).isEqualTo(TestApp.BASE_URL + "/world-news/");
        assertThat(texts(items("/api/v1/topics"), "name")).containsExactly("Budget", "Parliament", "Test topic");
        JsonNode authors = items("/api/v1/authors");
        assertThat(texts(authors, "slug")).containsExactlyInAnyOrder("jane-reporter", "ann-clerk", "our-political-staff");
        assertThat(StreamSupport.stream(authors.spliterator(), false)
                .filter(a -> a.path("slug").asText().equals("our-political-staff")).findFirst().orElseThrow()
                .path("kind").asText()).isEqualTo("desk");
    }

    private static JsonNode items(String path) {
        return json(app.get(path), 200).path("items");
    }

    private static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(status);
        return Html.json(response.body());
    }

    /** Checks the RFC 9457 shape and returns the problem. */
    private static JsonNode problem(HttpResponse<String> response, int status) {
        JsonNode problem = json(response, status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(problem.path("type").asText()).isEqualTo("about:blank");
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception", "at broadsheet.");
        return problem;
    }

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asText()).toList();
    }

    private static long idOf(String headline) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT id FROM articles WHERE headline = :h")
                .bind("h", headline).mapTo(Long.class).one());
    }
}
