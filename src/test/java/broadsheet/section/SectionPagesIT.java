package broadsheet.section;

import static broadsheet.testing.Fixtures.story;
import static broadsheet.testing.TestApp.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import broadsheet.Config;
import broadsheet.content.Section;
import broadsheet.shared.StaffRole;
import broadsheet.importing.ArticleSource;
import broadsheet.testing.Html;
import broadsheet.testing.Newsroom;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The newsroom's section pages over the real server, with the page cache on as in production: an editor's
 * change shows on the public site's very next page, whatever the cache held. Then what is refused: lower
 * roles, anonymous visitors, a missing form token, bad input, unknown sections, a section still in use.
 */
@ExtendWith(TestDatabase.class)
class SectionPagesIT {
    @RegisterExtension
    static final TestApp app = new TestApp().with(Config.PAGE_CACHE_MB.key(), "16");

    private static Newsroom.Client editor() {
        return Newsroom.signedIn(app, StaffRole.EDITOR);
    }

    private static HttpResponse<String> create(Newsroom.Client client, String name, String slug, String description) {
        return client.submit("/newsroom/sections/", "/newsroom/sections", Map.of("name", name, "slug", slug, "description", description));
    }

    /** Sections made behind the newsroom's back (slug, name, ...), with this instance's caches emptied as a change would. */
    private static void sections(String... slugsAndNames) {
        TestDatabase.jdbi().useHandle(h -> {
            for (int i = 0; i < slugsAndNames.length; i += 2) SectionStore.ensure(h, slugsAndNames[i], slugsAndNames[i + 1], "");
        });
        app.app().contentChanged();
    }

    private static void stories(ArticleSource... sources) {
        app.fixtures().store(NOW, sources);
        app.app().contentChanged();
    }

    private static long id(String slug) {
        return new SectionStore(TestDatabase.jdbi()).bySlug(slug).orElseThrow().id();
    }

    /** The names in the public site's section navigation, as a reader of this page sees them. */
    private static List<String> navigation(String path) {
        return Html.parse(app.get(path)).select("nav.sections-nav a").eachText();
    }

    private static long count(String sql) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static List<String> apiSections() {
        var items = Html.json(app.get("/api/v1/sections").body()).path("items");
        List<String> names = new ArrayList<>();
        items.forEach(i -> names.add(i.path("slug").asText() + " " + i.path("name").asText()));
        return names;
    }

    @Test
    void theListShowsTheSectionsInNavigationOrderWithTheirArticles() {
        stories(story("Harbour talks resume").section("world-news").build(),
                story("Harbour talks collapse").section("world-news").published(NOW.minusSeconds(60)).build(),
                story("Cup final tonight").section("sport").build());
        sections("culture", "Culture");
        TestDatabase.jdbi().useHandle(h -> h.execute("UPDATE articles SET status = 'unpublished' WHERE headline = 'Harbour talks collapse'"));
        var editor = editor();

        var r = editor.get("/newsroom/sections/");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        Document page = Html.parse(r);
        assertThat(page.select("h1").eachText()).containsExactly("Sections");
        assertThat(page.select("nav.nr-nav a[aria-current=page]").eachText()).containsExactly("Sections");
        List<Element> rows = page.select("tbody tr");
        assertThat(rows).extracting(Element::text).containsExactly(
                "World news /world-news/ 1 2 (list them) Edit World news Move down World news",
                "Sport /sport/ 1 1 (list them) Edit Sport Move up Sport Move down Sport",
                "Culture /culture/ 0 0 Edit Culture Move up Culture");
        assertThat(rows.get(0).select("button").eachText()).containsExactly("Move down World news");
        assertThat(rows.get(1).select("button").eachText()).containsExactly("Move up Sport", "Move down Sport");
        assertThat(rows.get(2).select("button").eachText()).containsExactly("Move up Culture");
        assertThat(rows.get(0).select("a[href=/newsroom/?section=world-news]")).hasSize(1);
        assertThat(page.select("form[action=/newsroom/sections] input[name=_csrf]")).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(value = StaffRole.class, names = {"EDITOR", "ADMIN"})
    void editorsAndAdminsHaveTheSectionsLinkAndLowerRolesDoNot(StaffRole role) {
        var client = Newsroom.signedIn(app, role);
        assertThat(Html.parse(client.get("/newsroom/")).select("nav.nr-nav a[href=/newsroom/sections/]").eachText()).containsExactly("Sections");
        var reporter = Newsroom.signedIn(app, StaffRole.REPORTER);
        assertThat(Html.parse(reporter.get("/newsroom/")).select("nav.nr-nav a[href=/newsroom/sections/]")).isEmpty();
    }

    @Test
    void aNewSectionIsOnThePublicSiteAtOnceEvenFromTheCache() {
        sections("world-news", "World news");
        assertThat(navigation("/")).containsExactly("Home", "World news");
        assertThat(app.get("/sport/").statusCode()).isEqualTo(404);
        TestDatabase.jdbi().useHandle(h -> SectionStore.ensure(h, "culture", "Culture", ""));
        assertThat(navigation("/")).as("the home page comes from the cache").containsExactly("Home", "World news");
        var editor = editor();

        var r = create(editor, "Sport", "", "Football, cricket and the rest.");

        assertThat(r.statusCode()).isEqualTo(303);
        long id = id("sport");
        assertThat(r.headers().firstValue("Location")).contains("/newsroom/sections/?notice=created#section-" + id);
        assertThat(editor.get("/newsroom/sections/?notice=created").body()).contains("Section created.");
        assertThat(navigation("/")).containsExactly("Home", "World news", "Culture", "Sport");
        assertThat(navigation("/world-news/")).containsExactly("Home", "World news", "Culture", "Sport");
        var sectionPage = app.get("/sport/");
        assertThat(sectionPage.statusCode()).isEqualTo(200);
        Document sport = Html.parse(sectionPage);
        assertThat(sport.select("h1").eachText()).containsExactly("Sport");
        assertThat(sport.select(".listing-about").text()).isEqualTo("Football, cricket and the rest.");
        assertThat(sport.select("main").text()).contains("No stories here yet.");
        assertThat(apiSections()).containsExactly("world-news World news", "culture Culture", "sport Sport");
        assertThat(count("""
                SELECT count(*) FROM audit_log WHERE action = 'section created' AND subject = 'Sport'
                AND actor = 'Editor Person' AND details->>'slug' = 'sport'""")).isEqualTo(1);
    }

    @Test
    void aTypedSlugIsKept() {
        var r = create(editor(), "Arts & Culture", "culture", "");

        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(new SectionStore(TestDatabase.jdbi()).all()).extracting(Section::slug, Section::name)
                .containsExactly(tuple("culture", "Arts & Culture"));
        assertThat(app.get("/culture/").statusCode()).isEqualTo(200);
    }

    @Test
    void badInputIsShownBesideTheFieldsAndNothingIsStored() {
        sections("sport", "Sport");
        var editor = editor();
        var counts = TestDatabase.rowCounts();

        var malformed = create(editor, "World news", "World News!", "d".repeat(501));
        var reserved = create(editor, "Newsroom", "", "");
        var taken = create(editor, "Sports", "sport", "");
        var sameName = create(editor, "SPORT", "sports", "");
        var noName = create(editor, "  ", "", "");
        var control = create(editor, "Culture\u0000", "", "");

        assertThat(List.of(malformed, reserved, taken, sameName, noName, control)).extracting(HttpResponse::statusCode).containsOnly(400);
        Document form = Html.parse(malformed);
        assertThat(form.select("h1").eachText()).containsExactly("Sections");
        assertThat(form.select(".nr-error[role=alert]").text()).contains("not created");
        assertThat(form.select("#slug-error").text()).contains("\"World News!\" is not a slug");
        assertThat(form.select("#slug").attr("aria-invalid")).isEqualTo("true");
        assertThat(form.select("#slug").attr("aria-describedby")).isEqualTo("slug-hint slug-error");
        assertThat(form.select("#description-error").text()).contains("at most 500 characters");
        assertThat(form.select("#name").val()).isEqualTo("World news");
        assertThat(form.select("#slug").val()).isEqualTo("World News!");
        assertThat(form.select("#description").text()).hasSize(501);
        Document reservedForm = Html.parse(reserved);
        assertThat(reservedForm.select("#slug-error").text()).contains("an address the site uses itself (/newsroom/)");
        assertThat(reservedForm.select("#slug").val()).as("the slug made from the name is shown, to be changed").isEqualTo("newsroom");
        assertThat(Html.parse(taken).select("#slug-error").text()).contains("taken by another section");
        assertThat(Html.parse(sameName).select("#name-error").text()).isEqualTo("There is already a section called \"SPORT\".");
        assertThat(Html.parse(noName).select("#name-error").text()).isEqualTo("A section needs a name.");
        assertThat(Html.parse(control).select("#name-error").text()).contains("without control characters");
        assertThat(TestDatabase.rowCounts()).isEqualTo(counts);
        assertThat(navigation("/")).containsExactly("Home", "Sport");
    }

    @Test
    void renamingShowsOnThePublicSiteAtOnceAndTheSlugStays() {
        stories(story("Cup final tonight").section("sport").build());
        long id = id("sport");
        var editor = editor();
        assertThat(navigation("/")).containsExactly("Home", "Sport");

        Document form = Html.parse(editor.get("/newsroom/sections/" + id));
        assertThat(form.select("h1").eachText()).containsExactly("Section: Sport");
        assertThat(form.select("#slug").hasAttr("readonly")).isTrue();
        assertThat(form.select("#slug").hasAttr("name")).as("the slug is not sent").isFalse();
        assertThat(form.select("label[for=slug]").text()).contains("cannot be changed", "address of every article");
        assertThat(form.select(".nr-facts").text()).contains("/sport/", "1 published, 1 in all");

        var r = editor.submit("/newsroom/sections/" + id, "/newsroom/sections/" + id,
                Map.of("name", "Sport and games", "description", "Every match.", "slug", "games"));

        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).contains("/newsroom/sections/" + id + "?notice=saved");
        assertThat(editor.get("/newsroom/sections/" + id + "?notice=saved").body()).contains("Saved.");
        assertThat(new SectionStore(TestDatabase.jdbi()).byId(id).orElseThrow())
                .isEqualTo(new Section(id, "sport", "Sport and games", "Every match.", 1));
        assertThat(navigation("/")).containsExactly("Home", "Sport and games");
        assertThat(Html.parse(app.get("/sport/")).select("h1").text()).isEqualTo("Sport and games");
        assertThat(app.get("/games/").statusCode()).isEqualTo(404);
        assertThat(apiSections()).containsExactly("sport Sport and games");
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'section changed' AND details->>'from' = 'Sport'")).isEqualTo(1);
    }

    @Test
    void aBadRenameIsShownOnTheFormAndChangesNothing() {
        sections("sport", "Sport", "politics", "Politics");
        long id = id("sport");
        var editor = editor();
        var counts = TestDatabase.rowCounts();

        var empty = editor.submit("/newsroom/sections/" + id, "/newsroom/sections/" + id, Map.of("name", "", "description", "New words"));
        var taken = editor.submit("/newsroom/sections/" + id, "/newsroom/sections/" + id, Map.of("name", "politics", "description", ""));

        assertThat(empty.statusCode()).isEqualTo(400);
        Document form = Html.parse(empty);
        assertThat(form.select("#name-error").text()).isEqualTo("A section needs a name.");
        assertThat(form.select("#description").text()).isEqualTo("New words");
        assertThat(form.select("#slug").val()).isEqualTo("sport");
        assertThat(taken.statusCode()).isEqualTo(400);
        assertThat(Html.parse(taken).select("#name-error").text()).contains("already a section called");
        assertThat(TestDatabase.rowCounts()).isEqualTo(counts);
        assertThat(navigation("/")).containsExactly("Home", "Sport", "Politics");
    }

    @Test
    void movingChangesTheOrderOfThePublicNavigationAtOnce() {
        sections("world-news", "World news", "politics", "Politics", "sport", "Sport");
        var editor = editor();
        assertThat(navigation("/")).containsExactly("Home", "World news", "Politics", "Sport");

        var up = editor.submit("/newsroom/sections/", "/newsroom/sections/" + id("sport") + "/move", Map.of("direction", "up"));
        var down = editor.submit("/newsroom/sections/", "/newsroom/sections/" + id("world-news") + "/move", Map.of("direction", "down"));
        var sideways = editor.submit("/newsroom/sections/", "/newsroom/sections/" + id("politics") + "/move", Map.of("direction", "left"));

        assertThat(up.statusCode()).isEqualTo(303);
        assertThat(up.headers().firstValue("Location")).contains("/newsroom/sections/?notice=moved#section-" + id("sport"));
        assertThat(down.statusCode()).isEqualTo(303);
        assertThat(sideways.statusCode()).isEqualTo(400);
        assertThat(navigation("/")).containsExactly("Home", "Sport", "World news", "Politics");
        assertThat(Html.parse(editor.get("/newsroom/sections/")).select("tbody th").eachText())
                .containsExactly("Sport", "World news", "Politics");
        assertThat(apiSections()).containsExactly("sport Sport", "world-news World news", "politics Politics");
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'section moved'")).isEqualTo(2);
    }

    @Test
    void aSectionInUseIsNotDeletedAndTheEditorIsToldWhy() {
        stories(story("Cup final tonight").section("sport").build());
        TestDatabase.jdbi().useHandle(h -> h.execute("UPDATE articles SET status = 'draft'"));
        long id = id("sport");
        var editor = editor();
        Document form = Html.parse(editor.get("/newsroom/sections/" + id));
        assertThat(form.select("form[action=/newsroom/sections/" + id + "/delete]")).as("no delete form for a section in use").isEmpty();
        assertThat(form.select("section[aria-labelledby=delete-heading]").text()).contains("1 article uses this section", "Move it to another section first");
        var counts = TestDatabase.rowCounts();

        var r = editor.post("/newsroom/sections/" + id + "/delete", Map.of("_csrf", Newsroom.csrf(form.outerHtml()), "confirm", "yes"));

        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(Html.parse(r).select("#delete-error").text())
                .isEqualTo("1 article uses this section (counting drafts and unpublished ones). Move it to another section first; then the section can be deleted.");
        assertThat(TestDatabase.rowCounts()).isEqualTo(counts);
        assertThat(app.get("/sport/").statusCode()).isEqualTo(200);
    }

    @Test
    void anUnusedSectionIsDeletedOnlyWhenConfirmedAndItsAddressThenAnswersNotFound() {
        sections("world-news", "World news", "sport", "Sport");
        long id = id("sport");
        var editor = editor();
        assertThat(app.get("/sport/").statusCode()).isEqualTo(200);
        assertThat(navigation("/")).containsExactly("Home", "World news", "Sport");
        Document form = Html.parse(editor.get("/newsroom/sections/" + id));
        assertThat(form.select("#confirm[required]")).hasSize(1);
        var counts = TestDatabase.rowCounts();

        var unconfirmed = editor.submit("/newsroom/sections/" + id, "/newsroom/sections/" + id + "/delete", Map.of());
        assertThat(unconfirmed.statusCode()).isEqualTo(400);
        assertThat(Html.parse(unconfirmed).select("#delete-error").text()).isEqualTo("Tick the box to confirm that Sport should be deleted.");
        assertThat(TestDatabase.rowCounts()).isEqualTo(counts);

        var deleted = editor.submit("/newsroom/sections/" + id, "/newsroom/sections/" + id + "/delete", Map.of("confirm", "yes"));

        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(deleted.headers().firstValue("Location")).contains("/newsroom/sections/?notice=deleted");
        assertThat(editor.get("/newsroom/sections/?notice=deleted").body()).contains("Section deleted.");
        assertThat(app.get("/sport/").statusCode()).isEqualTo(404);
        assertThat(navigation("/")).containsExactly("Home", "World news");
        assertThat(apiSections()).containsExactly("world-news World news");
        assertThat(editor.get("/newsroom/sections/" + id).statusCode()).isEqualTo(404);
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'section deleted' AND subject = 'Sport'")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(value = StaffRole.class, names = {"CONTRIBUTOR", "REPORTER"})
    void lowerRolesAreRefusedEverythingAndChangeNothing(StaffRole role) {
        sections("sport", "Sport");
        long id = id("sport");
        var client = Newsroom.signedIn(app, role);
        String csrf = Newsroom.csrf(client.get("/newsroom/").body());
        var counts = TestDatabase.rowCounts();

        for (String page : List.of("/newsroom/sections/", "/newsroom/sections/" + id)) {
            assertThat(client.get(page).statusCode()).as(page).isEqualTo(403);
        }
        Map<String, Map<String, String>> posts = new LinkedHashMap<>();
        posts.put("/newsroom/sections", Map.of("_csrf", csrf, "name", "Culture", "slug", "culture", "description", ""));
        posts.put("/newsroom/sections/" + id, Map.of("_csrf", csrf, "name", "Games", "description", ""));
        posts.put("/newsroom/sections/" + id + "/move", Map.of("_csrf", csrf, "direction", "up"));
        posts.put("/newsroom/sections/" + id + "/delete", Map.of("_csrf", csrf, "confirm", "yes"));
        posts.forEach((path, form) -> {
            var r = client.post(path, form);
            assertThat(r.statusCode()).as(path).isEqualTo(403);
            assertThat(r.body()).as(path).contains("This needs the editor role");
        });
        assertThat(TestDatabase.rowCounts()).isEqualTo(counts);
        assertThat(new SectionStore(TestDatabase.jdbi()).byId(id).orElseThrow().name()).isEqualTo("Sport");
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() {
        var r = app.get("/newsroom/sections/");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).contains("/newsroom/login?next=%2Fnewsroom%2Fsections%2F");
        var post = Newsroom.anonymous(app).post("/newsroom/sections", Map.of("name", "Culture"));
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(count("SELECT count(*) FROM sections")).isZero();
    }

    @Test
    void aFormWithoutTheRightTokenIsRefusedAndNothingIsSaved() {
        sections("sport", "Sport");
        long id = id("sport");
        var editor = editor();
        var counts = TestDatabase.rowCounts();

        var missing = editor.post("/newsroom/sections", Map.of("name", "Culture", "slug", "", "description", ""));
        var wrong = editor.post("/newsroom/sections/" + id, Map.of("_csrf", "not-the-token", "name", "Games", "description", ""));
        var delete = editor.post("/newsroom/sections/" + id + "/delete", Map.of("confirm", "yes"));

        assertThat(List.of(missing, wrong, delete)).extracting(HttpResponse::statusCode).containsOnly(403);
        assertThat(missing.body()).contains("nothing was saved");
        assertThat(TestDatabase.rowCounts()).isEqualTo(counts);
        assertThat(navigation("/")).containsExactly("Home", "Sport");
    }

    @ParameterizedTest
    @ValueSource(strings = {"999", "abc", "-1", "99999999999999999999999", "1.5"})
    void anUnknownOrMalformedSectionIsNotFound(String id) {
        sections("sport", "Sport");
        var editor = editor();
        String csrf = Newsroom.csrf(editor.get("/newsroom/sections/").body());
        var counts = TestDatabase.rowCounts();

        var page = editor.get("/newsroom/sections/" + id);
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Page not found");
        for (String path : List.of("", "/move", "/delete")) {
            var r = editor.post("/newsroom/sections/" + id + path, Map.of("_csrf", csrf, "name", "Games", "description", "",
                    "direction", "up", "confirm", "yes"));
            assertThat(r.statusCode()).as(path).isEqualTo(404);
        }
        assertThat(TestDatabase.rowCounts()).isEqualTo(counts);
    }

    @Test
    void theListAddressWithoutTheSlashLeadsToTheList() {
        var r = editor().get("/newsroom/sections");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).contains("/newsroom/sections/");
    }

    @Test
    void withNoSectionsTheEditorSaysToCreateOneFirst() {
        var editor = editor();
        var reporter = Newsroom.signedIn(app, StaffRole.REPORTER);

        Document forEditor = Html.parse(editor.get("/newsroom/articles/new"));
        Document forReporter = Html.parse(reporter.get("/newsroom/articles/new"));

        assertThat(forEditor.select("#no-sections").text()).contains("there are none yet", "Create a section first");
        assertThat(forEditor.select("#no-sections a[href=/newsroom/sections/]").text()).isEqualTo("Create a section first");
        assertThat(forEditor.select("select#section")).isEmpty();
        assertThat(forReporter.select("#no-sections").text()).contains("Ask an editor to create one");
        assertThat(forReporter.select("a[href=/newsroom/sections/]")).isEmpty();

        var saved = editor.submit("/newsroom/articles/new", "/newsroom/articles", Map.of("headline", "Harbour talks resume", "body", "Text."));
        assertThat(saved.statusCode()).isEqualTo(400);
        assertThat(Html.parse(saved).select("#no-sections a").text()).isEqualTo("Create a section first");
        assertThat(count("SELECT count(*) FROM articles")).isZero();

        sections("sport", "Sport");
        Document withOne = Html.parse(editor.get("/newsroom/articles/new"));
        assertThat(withOne.select("#no-sections")).isEmpty();
        assertThat(withOne.select("select#section option").eachText()).containsExactly("Sport");
    }
}
