package broadsheet.editing;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.shared.StaffRole;
import broadsheet.section.SectionStore;
import broadsheet.testing.Fixtures;
import broadsheet.testing.Newsroom;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The revisions pages over the real server: every save listed, two revisions compared word by word,
 * a revision restored as a new one, and someone else's article's revisions refused.
 */
@ExtendWith(TestDatabase.class)
class RevisionPagesIT {
    @RegisterExtension
    static final TestApp app = new TestApp();
    private static final Pattern ARTICLE = Pattern.compile("/newsroom/articles/(\\d+)");
    private final Revisions revisions = new Revisions(TestDatabase.jdbi());

    @BeforeEach
    void section() {
        TestDatabase.jdbi().useHandle(h -> SectionStore.ensure(h, "news", "News", ""));
    }

    @Test
    void threeSavesAreThreeRevisionsListedWithWhoAndWhen() {
        var writer = Newsroom.signedIn(app, StaffRole.CONTRIBUTOR);
        long id = threeSaves(writer);

        var list = writer.get("/newsroom/articles/" + id + "/revisions");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(list.body()).contains("<h1>Revisions</h1>", ">Revision 3</a>", ">Revision 2</a>", ">Revision 1</a>",
                "<td>created</td>", "<td>saved</td>", "<td>Contributor Person</td>", "7 December 2025 3:00pm GMT",
                "action=\"/newsroom/articles/" + id + "/revisions/compare\"");
        assertThat(list.body()).doesNotContain("Revision 4");
        assertThat(revisions.list(id)).extracting(Revisions.Entry::number).containsExactly(3, 2, 1);
    }

    @Test
    void comparingMarksExactlyTheChangedWords() {
        var writer = Newsroom.signedIn(app, StaffRole.CONTRIBUTOR);
        long id = threeSaves(writer);

        var page = writer.get("/newsroom/articles/" + id + "/revisions/compare?a=1&b=2");
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        assertThat(html).contains("The harbour <del>opened</del> on Monday.", "The harbour <ins>closed</ins> on Monday.");
        assertThat(count(html, "<del>")).isEqualTo(1);
        assertThat(count(html, "<ins>")).isEqualTo(1);
        // the fields that did not change, folded (after the newsroom's own menu, which folds on a phone)
        int folded = html.indexOf("<details", html.indexOf("<main"));
        String unchanged = html.substring(folded, html.indexOf("</details>", folded));
        assertThat(unchanged).contains("Harbour reopens", "Headline");
        assertThat(html).contains(">Restore revision 1</button>", ">Restore revision 2</button>");

        var lists = writer.get("/newsroom/articles/" + id + "/revisions/compare?a=2&b=3").body();
        assertThat(lists).contains("<del>Harbour</del>", "<ins>Port</ins>");
    }

    @Test
    void restoringMakesANewRevisionWithTheOldContent() {
        var writer = Newsroom.signedIn(app, StaffRole.CONTRIBUTOR);
        long id = threeSaves(writer);
        String base = "/newsroom/articles/" + id;

        var restored = writer.submit(base + "/revisions/1", base + "/revisions/1/restore", Map.of("version", "3"));
        assertThat(restored.statusCode()).isEqualTo(303);
        assertThat(restored.headers().firstValue("Location")).contains(base + "?notice=restored");

        var four = revisions.get(id, 4).orElseThrow();
        assertThat(four.entry().kind()).isEqualTo("restored revision 1");
        assertThat(four.snapshot()).isEqualTo(revisions.get(id, 1).orElseThrow().snapshot());
        assertThat(writer.get(restored.headers().firstValue("Location").orElseThrow()).body()).contains("Revision restored", "The harbour opened on Monday.");
        assertThat(writer.get(base + "/revisions/4").body()).contains("<h1>Revision 4</h1>", "restored revision 1 by Contributor Person");
    }

    @Test
    void aRestoreFromAnOldVersionShowsTheConflictScreenAndSavesNothing() {
        var writer = Newsroom.signedIn(app, StaffRole.CONTRIBUTOR);
        long id = threeSaves(writer);
        String base = "/newsroom/articles/" + id;

        var stale = writer.submit(base + "/revisions/1", base + "/revisions/1/restore", Map.of("version", "2"));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("Someone else saved this article first", "The harbour opened on Monday.");
        assertThat(revisions.list(id)).hasSize(3);
    }

    @Test
    void aContributorCannotSeeOrRestoreTheRevisionsOfSomeoneElsesArticle() {
        var writer = Newsroom.signedIn(app, StaffRole.CONTRIBUTOR);
        long id = threeSaves(writer);
        Newsroom.staff(StaffRole.CONTRIBUTOR, "other@test.example", "Other Contributor");
        var other = Newsroom.signIn(app, "other@test.example", Newsroom.PASSWORD);
        String base = "/newsroom/articles/" + id + "/revisions";

        assertThat(other.get(base).statusCode()).isEqualTo(403);
        assertThat(other.get(base + "/1").statusCode()).isEqualTo(403);
        assertThat(other.get(base + "/compare?a=1&b=2").statusCode()).isEqualTo(403);
        var restore = other.submit("/newsroom/", base + "/1/restore", Map.of("version", "3"));
        assertThat(restore.statusCode()).isEqualTo(403);
        assertThat(revisions.list(id)).hasSize(3);
        assertThat(app.get(base).statusCode()).isEqualTo(303);
    }

    @Test
    void badNumbersAreAnsweredWithClearPages() {
        var writer = Newsroom.signedIn(app, StaffRole.CONTRIBUTOR);
        long id = threeSaves(writer);
        String base = "/newsroom/articles/" + id + "/revisions";

        assertThat(writer.get(base + "/compare?a=1").statusCode()).isEqualTo(400);
        assertThat(writer.get(base + "/compare?a=1&b=x").statusCode()).isEqualTo(400);
        assertThat(writer.get(base + "/compare?a=1&b=9").statusCode()).isEqualTo(404);
        assertThat(writer.get(base + "/9").statusCode()).isEqualTo(404);
        assertThat(writer.get(base + "/one").statusCode()).isEqualTo(404);
    }

    @Test
    void importedArticlesStartTheirHistoryAndAPublishedRestoreAsksWhatKindOfChange() {
        app.fixtures().store(TestApp.NOW, Fixtures.story("Harbour reopens").section("news").build());
        long id = TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT id FROM articles").mapTo(Long.class).one());
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);
        String base = "/newsroom/articles/" + id;

        var list = editor.get(base + "/revisions").body();
        assertThat(list).contains(">Revision 1</a>", "<td>imported</td>", "<td>import</td>");
        app.fixtures().store(TestApp.NOW, Fixtures.story("Harbour reopens").section("news").build());
        assertThat(revisions.list(id)).hasSize(1);
        var save = editor.submit(base, base + "/save", form("Harbour reopens", "Changed by the desk.", "", version(id)));
        assertThat(save.statusCode()).isEqualTo(303);

        var one = editor.get(base + "/revisions/1").body();
        assertThat(one).contains("What kind of change is this?", "name=\"change\" value=\"correction\"");
        var withoutNote = editor.submit(base + "/revisions/1", base + "/revisions/1/restore",
                Map.of("version", version(id), "change", "correction", "note", ""));
        assertThat(withoutNote.statusCode()).isEqualTo(400);
        assertThat(withoutNote.body()).contains("Say what was corrected or clarified", "aria-describedby=\"note-error\"");
        assertThat(revisions.list(id)).hasSize(2);

        var withNote = editor.submit(base + "/revisions/1", base + "/revisions/1/restore",
                Map.of("version", version(id), "change", "correction", "note", "The earlier text was restored."));
        assertThat(withNote.statusCode()).isEqualTo(303);
        assertThat(revisions.get(id, 3).orElseThrow().entry().kind()).isEqualTo("correction, restored revision 1");
        assertThat(revisions.get(id, 3).orElseThrow().snapshot().body()).isEqualTo(revisions.get(id, 1).orElseThrow().snapshot().body());

        app.fixtures().store(TestApp.NOW, Fixtures.story("Harbour reopens").section("news").body("Imported again, changed.").build());
        assertThat(revisions.list(id)).extracting(Revisions.Entry::kind).first().isEqualTo("imported");
        assertThat(revisions.get(id, 4).orElseThrow().snapshot().body()).isEqualTo("Imported again, changed.");
    }

    /** Creates a draft and saves it twice: the body's verb changes, then the headline's first word. */
    private static long threeSaves(Newsroom.Client writer) {
        var created = writer.submit("/newsroom/articles/new", "/newsroom/articles",
                form("Harbour reopens", "The harbour opened on Monday.", "", null));
        assertThat(created.statusCode()).isEqualTo(303);
        Matcher m = ARTICLE.matcher(created.headers().firstValue("Location").orElseThrow());
        assertThat(m.find()).isTrue();
        long id = Long.parseLong(m.group(1));
        String page = "/newsroom/articles/" + id;
        assertThat(writer.submit(page, page + "/save", form("Harbour reopens", "The harbour closed on Monday.", "", "1")).statusCode())
                .isEqualTo(303);
        assertThat(writer.submit(page, page + "/save", form("Port reopens", "The harbour closed on Monday.", "harbour-reopens", "2"))
                .statusCode()).isEqualTo(303);
        return id;
    }

    private static Map<String, String> form(String headline, String body, String slug, String version) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("headline", headline);
        f.put("standfirst", "What happened at the harbour.");
        f.put("slug", slug);
        f.put("section", "news");
        f.put("bylines", "");
        f.put("topics", "Harbours");
        f.put("body", body);
        f.put("access", "free");
        f.put("comments", "open");
        if (version != null) f.put("version", version);
        return f;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) n++;
        return n;
    }

    private static String version(long id) {
        int version = TestDatabase.jdbi().withHandle(h ->
                h.createQuery("SELECT version FROM articles WHERE id = :id").bind("id", id).mapTo(Integer.class).one());
        return Integer.toString(version);
    }
}
