package broadsheet.contributor;

import static broadsheet.testing.Fixtures.story;
import static broadsheet.testing.TestApp.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.shared.AuditLog;
import broadsheet.shared.StaffRole;
import broadsheet.section.SectionStore;
import broadsheet.testing.Html;
import broadsheet.testing.Newsroom;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Which contributors readers see: only those a published article names, on their page, in {@code /authors/}
 * and in {@code /api/v1/authors}; a byline typed in a draft, or carried only by scheduled or unpublished
 * articles, stays private. Both lists come in pages.
 */
@ExtendWith(TestDatabase.class)
class PublicContributorsIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    @Test
    void aBylineTypedInADraftStaysPrivateUntilAnArticleCarryingItIsPublished() {
        TestDatabase.jdbi().useHandle(h -> SectionStore.ensure(h, "world-news", "World news", ""));
        app.fixtures().store(NOW, story("Already out").bylines("Jane Reporter").build());
        var writer = Newsroom.signedIn(app, StaffRole.CONTRIBUTOR);
        var created = writer.submit("/newsroom/articles/new", "/newsroom/articles", form(null, "Unreviewed Byline"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        long id = Long.parseLong(created.headers().firstValue("Location").orElseThrow().replaceAll("^/newsroom/articles/(\\d+).*$", "$1"));

        assertPrivate("unreviewed-byline", "Unreviewed Byline");
        TestDatabase.jdbi().useHandle(h -> h.execute("UPDATE articles SET status = 'scheduled', scheduled_at = ? WHERE id = ?",
                Timestamp.from(NOW.plusSeconds(86_400)), id));
        assertPrivate("unreviewed-byline", "Unreviewed Byline");

        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);
        var published = editor.submit("/newsroom/articles/" + id, "/newsroom/articles/" + id + "/publish", form(version(id), "Unreviewed Byline"));
        assertThat(published.statusCode()).as(published.body()).isEqualTo(303);
        assertThat(app.get("/authors/unreviewed-byline/").statusCode()).isEqualTo(200);
        assertThat(indexNames()).containsExactly("Jane Reporter", "Unreviewed Byline");
        assertThat(apiSlugs("/api/v1/authors")).containsExactly("jane-reporter", "unreviewed-byline");
        assertThat(app.get("/api/v1/articles?author=unreviewed-byline").statusCode()).isEqualTo(200);

        var unpublished = editor.submit("/newsroom/articles/" + id, "/newsroom/articles/" + id + "/unpublish", form(version(id), "Unreviewed Byline"));
        assertThat(unpublished.statusCode()).as(unpublished.body()).isEqualTo(303);
        assertPrivate("unreviewed-byline", "Unreviewed Byline");
    }

    @Test
    void aContributorAnEditorAddedIsPublicOnceAPublishedArticleCarriesTheByline() {
        long id = new ContributorEditing(TestDatabase.jdbi()).create(new ContributorEditing.Form("Nadia Newhire", "person",
                "Science correspondent", "Joins us from the Northmere Gazette.", ""), AuditLog.Actor.system("test"), NOW);
        assertThat(id).isPositive();

        assertPrivate("nadia-newhire", "Nadia Newhire");

        app.fixtures().store(NOW, story("Her first story").bylines("Nadia Newhire").build());
        Document page = Html.parse(app.get("/authors/nadia-newhire/"));
        assertThat(page.select(".listing-about").text()).isEqualTo("Joins us from the Northmere Gazette.");
        assertThat(indexNames()).containsExactly("Nadia Newhire");
    }

    @Test
    void theWritersIndexComesInPagesOfAHundredPeopleBeforeDesks() {
        app.fixtures().store(NOW, story("Everyone signs").bylines("Our Foreign Staff").build());
        List<String> people = IntStream.rangeClosed(1, 130).mapToObj(n -> String.format("Writer %03d", n)).toList();
        bylineEveryone("Everyone signs", people);
        bylineNobody(List.of("Writer 050 Draft Only"));

        Document first = Html.parse(app.get("/authors/"));
        Document second = Html.parse(app.get("/authors/?page=2"));

        assertThat(first.select(".index-list a").eachText()).hasSize(100).startsWith("Writer 001").endsWith("Writer 100")
                .doesNotContain("Writer 050 Draft Only");
        assertThat(first.select("link[rel=next]").attr("href")).isEqualTo(TestApp.BASE_URL + "/authors/?page=2");
        assertThat(first.select("nav.pager a[rel=next]").attr("href")).isEqualTo("/authors/?page=2");
        assertThat(second.select(".index-list a").eachText()).hasSize(31).startsWith("Writer 101").endsWith("Writer 130", "Our Foreign Staff");
        assertThat(second.select("link[rel=prev]").attr("href")).isEqualTo(TestApp.BASE_URL + "/authors/");
        assertThat(second.select("link[rel=canonical]").attr("href")).isEqualTo(TestApp.BASE_URL + "/authors/?page=2");
        assertThat(second.select("link[rel=next], nav.pager a[rel=next]")).isEmpty();
        assertThat(second.title()).startsWith("Writers (page 2) | ");
    }

    @Test
    void theWritersIndexRefusesPagesLikeEveryOtherList() {
        app.fixtures().store(NOW, story("One story").build());

        for (String bad : List.of("abc", "0", "-1", "1.5", "")) {
            HttpResponse<String> r = app.get("/authors/?page=" + bad);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(Html.parse(r).selectFirst("main").text()).contains("The page number must be a whole number from 1.");
        }
        for (String beyond : List.of("2", "999", "999999", "12345678901234567890")) {
            HttpResponse<String> r = app.get("/authors/?page=" + beyond);
            assertThat(r.statusCode()).as(beyond).isEqualTo(404);
            assertThat(Html.parse(r).selectFirst("main").text()).contains("There is no page " + beyond + " of this list");
        }
    }

    @Test
    void theApiWalksEveryPublicAuthorOnceWithItsCursor() {
        app.fixtures().store(NOW, story("Everyone signs").bylines("Our Foreign Staff", "Sports Desk").build());
        List<String> people = IntStream.rangeClosed(1, 30).mapToObj(n -> String.format("Writer %03d", n)).toList();
        bylineEveryone("Everyone signs", people);
        bylineNobody(List.of("Writer 010 Draft Only"));

        List<String> seen = new ArrayList<>();
        String next = "/api/v1/authors?limit=7";
        int pages = 0;
        while (next != null) {
            HttpResponse<String> r = app.get(next);
            assertThat(r.statusCode()).as(next + " " + r.body()).isEqualTo(200);
            JsonNode body = Html.json(r.body());
            body.path("items").forEach(a -> seen.add(a.path("name").asText()));
            pages++;
            next = body.has("next") ? body.path("next").asText().replace(TestApp.BASE_URL, "") : null;
            if (next != null) assertThat(next).startsWith("/api/v1/authors?limit=7&cursor=");
        }

        List<String> expected = new ArrayList<>(people);
        expected.addAll(List.of("Our Foreign Staff", "Sports Desk"));
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(5);
        assertThat(apiSlugs("/api/v1/authors")).hasSize(20);
        for (String bad : List.of("?cursor=nonsense", "?cursor=", "?limit=0", "?limit=101", "?page=2", "?author=x")) {
            HttpResponse<String> r = app.get("/api/v1/authors" + bad);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
        }
    }

    private static void assertPrivate(String slug, String name) {
        assertThat(app.get("/authors/" + slug + "/").statusCode()).as("/authors/" + slug + "/").isEqualTo(404);
        assertThat(indexNames()).doesNotContain(name);
        assertThat(apiSlugs("/api/v1/authors")).doesNotContain(slug);
        assertThat(app.get("/api/v1/articles?author=" + slug).statusCode()).isEqualTo(400);
    }

    private static List<String> indexNames() {
        HttpResponse<String> r = app.get("/authors/");
        assertThat(r.statusCode()).isEqualTo(200);
        return Html.parse(r).select(".index-list a").stream().map(Element::text).toList();
    }

    private static List<String> apiSlugs(String path) {
        HttpResponse<String> r = app.get(path);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return StreamSupport.stream(Html.json(r.body()).path("items").spliterator(), false).map(a -> a.path("slug").asText()).toList();
    }

    /** Puts these names on the published article's byline too (straight into the database: more than an article may carry). */
    private static void bylineEveryone(String headline, List<String> names) {
        TestDatabase.jdbi().useHandle(h -> {
            long article = h.createQuery("SELECT id FROM articles WHERE headline = :h").bind("h", headline).mapTo(Long.class).one();
            for (int i = 0; i < names.size(); i++) {
                long c = ContributorStore.ensure(h, names.get(i));
                h.execute("INSERT INTO article_bylines (article_id, contributor_id, position) VALUES (?, ?, ?)", article, c, 100 + i);
            }
        });
    }

    /** Contributors only a draft carries. */
    private static void bylineNobody(List<String> names) {
        app.fixtures().store(NOW, story("A draft").bylines(names.toArray(String[]::new)).build());
        TestDatabase.jdbi().useHandle(h -> h.execute("UPDATE articles SET status = 'draft' WHERE headline = 'A draft'"));
    }

    private static int version(long id) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT version FROM articles WHERE id = :id").bind("id", id)
                .mapTo(Integer.class).one());
    }

    private static Map<String, String> form(Integer version, String byline) {
        Map<String, String> f = new LinkedHashMap<>();
        if (version != null) f.put("version", String.valueOf(version));
        f.put("headline", "A story under review");
        f.put("standfirst", "A standfirst");
        f.put("section", "world-news");
        f.put("bylines", byline);
        f.put("topics", "");
        f.put("body", "A paragraph.");
        return f;
    }
}
