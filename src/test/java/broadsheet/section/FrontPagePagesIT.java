package broadsheet.section;

import static broadsheet.testing.Fixtures.story;
import static broadsheet.testing.TestApp.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.Config;
import broadsheet.shared.StaffRole;
import broadsheet.testing.Html;
import broadsheet.testing.Newsroom;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The newsroom's "Front page" page over the real server, with the page cache on as in production: an editor picks,
 * reorders and removes top stories, and the very next home page shows it; a picked story that is unpublished drops
 * out; lower roles, a missing form token and bad input are refused with nothing stored. And the masthead's date, which
 * the cached home page changes at the paper's midnight.
 */
@ExtendWith(TestDatabase.class)
class FrontPagePagesIT {
    @RegisterExtension
    static final TestApp app = new TestApp().with(Config.PAGE_CACHE_MB.key(), "16");

    @BeforeEach
    void stories() {
        app.fixtures().store(NOW,
                story("Newest story").section("world-news").published(NOW.minusSeconds(60)).build(),
                story("Second story").section("politics").published(NOW.minusSeconds(120)).build(),
                story("Old politics story").section("politics").published(NOW.minusSeconds(86_400)).build(),
                story("Old sport story").section("sport").published(NOW.minusSeconds(2 * 86_400)).build(),
                story("Oldest story").section("sport").published(NOW.minusSeconds(3 * 86_400)).build());
        app.app().contentChanged();
    }

    @AfterEach
    void backToNow() {
        app.clock().set(NOW);
    }

    private static long id(String headline) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT id FROM articles WHERE headline = :h")
                .bind("h", headline).mapTo(Long.class).one());
    }

    private static List<String> topStories() {
        Document home = Html.parse(app.get("/"));
        return home.select(".front-top .card-headline").eachText();
    }

    private static List<String> picked(Newsroom.Client editor) {
        return Html.parse(editor.get("/newsroom/front-page")).select(".fp-picks .fp-story > a").eachText();
    }

    private static HttpResponse<String> pick(Newsroom.Client editor, String headline) {
        return editor.submit("/newsroom/front-page", "/newsroom/front-page/pick", Map.of("article", String.valueOf(id(headline))));
    }

    private static long picks() {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM front_page_picks").mapTo(Long.class).one());
    }

    @Test
    void withoutPicksTheNewestLeadAndThePageSaysSo() {
        assertThat(topStories()).startsWith("Newest story", "Second story", "Old politics story");
        Document page = Html.parse(Newsroom.signedIn(app, StaffRole.EDITOR).get("/newsroom/front-page"));

        assertThat(page.select("h1").eachText()).containsExactly("Front page");
        assertThat(page.select("nav.nr-nav a[aria-current=page]").eachText()).containsExactly("Front page");
        assertThat(page.select(".fp-picks")).isEmpty();
        assertThat(page.select(".fp-candidates .fp-story > a").eachText())
                .containsExactly("Newest story", "Second story", "Old politics story", "Old sport story", "Oldest story");
        assertThat(page.select("form[action=/newsroom/front-page/pick] input[name=_csrf]")).hasSize(5);
    }

    @Test
    void anEditorPicksReordersAndRemovesAndTheCachedHomePageFollowsAtOnce() {
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);
        assertThat(topStories()).first().isEqualTo("Newest story"); // now in the page cache

        HttpResponse<String> added = pick(editor, "Oldest story");
        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(added.headers().firstValue("Location")).hasValue("/newsroom/front-page?notice=picked");
        assertThat(pick(editor, "Old sport story").statusCode()).isEqualTo(303);

        assertThat(picked(editor)).containsExactly("Oldest story", "Old sport story");
        assertThat(topStories()).containsExactly("Oldest story", "Old sport story", "Newest story", "Second story", "Old politics story");

        var moved = editor.submit("/newsroom/front-page", "/newsroom/front-page/" + id("Old sport story") + "/move", Map.of("direction", "up"));
        assertThat(moved.statusCode()).isEqualTo(303);
        assertThat(topStories()).startsWith("Old sport story", "Oldest story", "Newest story");
        Document home = Html.parse(app.get("/"));
        assertThat(home.select(".front-lead .card-headline").eachText()).containsExactly("Old sport story");
        // a story is shown once: the picked ones are not repeated in their sections
        assertThat(home.select(".front-section .card-headline").eachText()).doesNotContain("Old sport story", "Oldest story");

        assertThat(editor.submit("/newsroom/front-page", "/newsroom/front-page/" + id("Old sport story") + "/remove", Map.of()).statusCode())
                .isEqualTo(303);
        assertThat(picked(editor)).containsExactly("Oldest story");
        assertThat(topStories()).startsWith("Oldest story", "Newest story");

        assertThat(editor.submit("/newsroom/front-page", "/newsroom/front-page/clear", Map.of()).statusCode()).isEqualTo(303);
        assertThat(picks()).isZero();
        assertThat(topStories()).first().isEqualTo("Newest story");
        List<String> audited = TestDatabase.jdbi().withHandle(h -> h.createQuery(
                "SELECT action FROM audit_log WHERE action LIKE 'front page%' ORDER BY id").mapTo(String.class).list());
        assertThat(audited).containsExactly("front page story picked", "front page story picked",
                "front page story moved up", "front page story removed", "front page cleared");
    }

    @Test
    void aPickedStoryThatIsUnpublishedDropsOutByItself() {
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);
        pick(editor, "Oldest story");
        pick(editor, "Old sport story");

        TestDatabase.jdbi().useHandle(h -> h.execute("UPDATE articles SET status = 'unpublished' WHERE headline = 'Oldest story'"));
        app.app().contentChanged();

        assertThat(picked(editor)).containsExactly("Old sport story");
        assertThat(topStories()).first().isEqualTo("Old sport story");
        assertThat(topStories()).doesNotContain("Oldest story");
        // published again, it is not picked again
        TestDatabase.jdbi().useHandle(h -> h.execute("UPDATE articles SET status = 'published' WHERE headline = 'Oldest story'"));
        assertThat(picked(editor)).containsExactly("Old sport story");
    }

    @Test
    void badInputIsRefusedWithAClearMessageAndNothingStored() {
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);
        pick(editor, "Old sport story");

        var notANumber = editor.submit("/newsroom/front-page", "/newsroom/front-page/pick", Map.of("article", "abc"));
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(Html.parse(notANumber).select(".nr-error").text()).contains("Choose a story to add");

        var unknown = editor.submit("/newsroom/front-page", "/newsroom/front-page/pick", Map.of("article", "999999"));
        assertThat(unknown.statusCode()).isEqualTo(409);
        assertThat(Html.parse(unknown).select(".nr-error").text()).contains("There is no published story with the number 999999");

        var twice = pick(editor, "Old sport story");
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(Html.parse(twice).select(".nr-error").text()).contains("is already on the front page");

        var sideways = editor.submit("/newsroom/front-page", "/newsroom/front-page/" + id("Old sport story") + "/move", Map.of("direction", "left"));
        assertThat(sideways.statusCode()).isEqualTo(400);
        var notPicked = editor.submit("/newsroom/front-page", "/newsroom/front-page/" + id("Newest story") + "/remove", Map.of());
        assertThat(notPicked.statusCode()).isEqualTo(409);
        assertThat(editor.submit("/newsroom/front-page", "/newsroom/front-page/abc/remove", Map.of()).statusCode()).isEqualTo(404);

        var noToken = editor.post("/newsroom/front-page/pick", Map.of("article", String.valueOf(id("Newest story"))));
        assertThat(noToken.statusCode()).isEqualTo(403);

        assertThat(picked(editor)).containsExactly("Old sport story");
        long audited = TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM audit_log WHERE action LIKE 'front page%'")
                .mapTo(Long.class).one());
        assertThat(audited).isEqualTo(1);
    }

    @Test
    void noMoreStoriesThanTheTopStoriesCanBePicked() {
        app.fixtures().many(10, "business", NOW.minusSeconds(10 * 86_400));
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);
        List<Long> ids = TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT id FROM articles ORDER BY id").mapTo(Long.class).list());
        for (int i = 0; i < FrontArrangement.MAX_PICKS; i++) {
            assertThat(editor.submit("/newsroom/front-page", "/newsroom/front-page/pick", Map.of("article", ids.get(i).toString())).statusCode())
                    .isEqualTo(303);
        }

        var oneTooMany = editor.submit("/newsroom/front-page", "/newsroom/front-page/pick",
                Map.of("article", ids.get(FrontArrangement.MAX_PICKS).toString()));

        assertThat(oneTooMany.statusCode()).isEqualTo(409);
        assertThat(Html.parse(oneTooMany).select(".nr-error").text()).contains("remove one before adding another");
        assertThat(picks()).isEqualTo(FrontArrangement.MAX_PICKS);
        assertThat(Html.parse(editor.get("/newsroom/front-page")).select("form[action=/newsroom/front-page/pick]")).isEmpty();
    }

    @Test
    void theSearchFindsPublishedStoriesByTheirHeadline() {
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);

        Document found = Html.parse(editor.get("/newsroom/front-page?q=SPORT"));

        assertThat(found.select(".fp-candidates .fp-story > a").eachText()).containsExactly("Old sport story");
        assertThat(found.select("input#q").attr("value")).isEqualTo("SPORT");
        assertThat(Html.parse(editor.get("/newsroom/front-page?q=%25")).select(".fp-candidates li")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = StaffRole.class, names = {"CONTRIBUTOR", "REPORTER", "MODERATOR"})
    void lowerRolesHaveNeitherTheLinkNorThePage(StaffRole role) {
        var client = Newsroom.signedIn(app, role);

        assertThat(Html.parse(client.get("/newsroom/")).select("nav.nr-nav a[href=/newsroom/front-page]")).isEmpty();
        assertThat(client.get("/newsroom/front-page").statusCode()).isEqualTo(403);
        var csrf = Newsroom.csrf(client.get("/newsroom/account").body());
        assertThat(client.post("/newsroom/front-page/pick", Map.of("_csrf", csrf, "article", String.valueOf(id("Oldest story")))).statusCode())
                .isEqualTo(403);
        assertThat(picks()).isZero();
        assertThat(Newsroom.anonymous(app).get("/newsroom/front-page").statusCode()).isIn(302, 303);
    }

    @Test
    void theCachedHomePageShowsTheNewDateAfterThePapersMidnight() {
        app.clock().set(Instant.parse("2025-12-07T23:59:30Z"));
        HttpResponse<String> sunday = app.get("/");
        assertThat(Html.parse(sunday).select(".masthead-date time").attr("datetime")).isEqualTo("2025-12-07");
        assertThat(Html.parse(sunday).select(".masthead-date").text()).isEqualTo("Sunday 7 December 2025");
        assertThat(sunday.headers().firstValue("Cache-Control")).hasValue("public, max-age=60, s-maxage=60, stale-while-revalidate=60, stale-if-error=86400");

        app.clock().set(Instant.parse("2025-12-08T00:00:01Z"));
        HttpResponse<String> monday = app.get("/");

        assertThat(Html.parse(monday).select(".masthead-date").text()).isEqualTo("Monday 8 December 2025");
        assertThat(monday.headers().firstValue("ETag")).isNotEqualTo(sunday.headers().firstValue("ETag"));
    }
}
