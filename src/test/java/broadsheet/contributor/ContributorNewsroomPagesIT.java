package broadsheet.contributor;

import static broadsheet.testing.Fixtures.story;
import static broadsheet.testing.TestApp.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.Config;
import broadsheet.account.StaffStore;
import broadsheet.shared.StaffRole;
import broadsheet.testing.Fixtures;
import broadsheet.testing.Html;
import broadsheet.testing.Multipart;
import broadsheet.testing.Newsroom;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The newsroom's contributor pages over HTTP, with the page cache on as in production: who may use them,
 * adding, changing and deleting (and what refuses), and the public author page, bylines and Content API
 * showing a change as soon as it is saved.
 */
@ExtendWith(TestDatabase.class)
class ContributorNewsroomPagesIT {
    @RegisterExtension
    static final TestApp app = new TestApp().with(Config.PAGE_CACHE_MB.key(), "16");
    private static final String LIST = "/newsroom/contributors/";

    @ParameterizedTest
    @EnumSource(value = StaffRole.class, names = {"CONTRIBUTOR", "REPORTER"})
    void onlyEditorsAndAdminsMayManageContributors(StaffRole role) {
        long jane = contributor("Jane Smith");
        var client = Newsroom.signedIn(app, role);
        String csrf = Newsroom.csrf(client.get("/newsroom/").body());
        var before = TestDatabase.rowCounts();

        for (String page : List.of(LIST, "/newsroom/contributors/" + jane)) {
            assertThat(client.get(page).statusCode()).as(page).isEqualTo(403);
        }
        for (String action : List.of("/newsroom/contributors", "/newsroom/contributors/" + jane, "/newsroom/contributors/" + jane + "/delete")) {
            var r = client.post(action, form("_csrf", csrf, "name", "Changed", "kind", "person", "confirm", "yes"));
            assertThat(r.statusCode()).as(action).isEqualTo(403);
        }
        assertThat(TestDatabase.rowCounts()).isEqualTo(before);
        assertThat(Html.parse(client.get("/newsroom/")).select("nav.nr-nav a").eachText()).doesNotContain("Contributors");
    }

    @Test
    void anonymousVisitorsAreSentToSignInAndTheirFormsRefused() {
        long jane = contributor("Jane Smith");

        var r = app.get(LIST);
        var post = Newsroom.anonymous(app).post("/newsroom/contributors/" + jane, form("name", "Changed", "kind", "person"));

        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).contains("/newsroom/login?next=%2Fnewsroom%2Fcontributors%2F");
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(new ContributorStore(TestDatabase.jdbi()).byId(jane).orElseThrow().name()).isEqualTo("Jane Smith");
    }

    @Test
    void editorsAndAdminsFindTheListInTheNavigation() {
        for (StaffRole role : List.of(StaffRole.EDITOR, StaffRole.ADMIN)) {
            var client = Newsroom.signedIn(app, role);
            Document page = Html.parse(client.get(LIST));
            assertThat(page.select("nav.nr-nav a[aria-current=page]").eachText()).as(role.word()).containsExactly("Contributors");
        }
    }

    @Test
    void theListAddressWithoutTheSlashLeadsToTheList() {
        var r = Newsroom.signedIn(app, StaffRole.EDITOR).get("/newsroom/contributors");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).contains("/newsroom/contributors/");
    }

    @Test
    void theListShowsEveryContributorWithPublishedArticlesAndIsSearched() {
        app.fixtures().store(NOW, story("One").bylines("Jane Reporter").build(),
                story("Two").bylines("Jane Reporter", "Our Foreign Staff").build());
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);

        Document all = Html.parse(editor.get(LIST));
        Document desks = Html.parse(editor.get(LIST + "?kind=desk"));
        Document found = Html.parse(editor.get(LIST + "?q=reporter"));
        Document none = Html.parse(editor.get(LIST + "?q=nobody"));

        assertThat(all.select("h1").eachText()).containsExactly("Contributors");
        assertThat(all.select("tbody tr")).extracting(row -> row.select("td").stream().map(td -> td.text()).toList())
                .containsExactly(List.of("Jane Reporter", "Person", "", "2", "/authors/jane-reporter/"),
                        List.of("Our Foreign Staff", "Desk", "", "1", "/authors/our-foreign-staff/"));
        assertThat(desks.select("tbody td:first-child").eachText()).containsExactly("Our Foreign Staff");
        assertThat(desks.selectFirst("#f-kind option[selected]").attr("value")).isEqualTo("desk");
        assertThat(found.select("tbody td:first-child").eachText()).containsExactly("Jane Reporter");
        assertThat(found.selectFirst("#q").val()).isEqualTo("reporter");
        assertThat(none.select(".nr-empty").text()).isEqualTo("No contributor matches.");
        assertThat(editor.get(LIST + "?q=%00").statusCode()).as("PostgreSQL text cannot hold NUL").isEqualTo(400);
        assertThat(Html.parse(editor.get(LIST + "?q=Jane%01")).select("tbody td:first-child").eachText())
                .as("other control characters are dropped").containsExactly("Jane Reporter");
        assertThat(editor.get(LIST + "?kind=robot").statusCode()).isEqualTo(200);
    }

    @Test
    void theListComesInPages() {
        TestDatabase.jdbi().useHandle(h -> {
            for (int i = 1; i <= 55; i++) ContributorStore.create(h, String.format("Writer %02d", i), false, "", "");
        });
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);

        Document first = Html.parse(editor.get(LIST + "?q=writer"));
        Document second = Html.parse(editor.get(LIST + "?q=writer&page=2"));

        assertThat(first.select("tbody tr")).hasSize(50);
        assertThat(first.selectFirst("a[rel=next]").attr("href")).isEqualTo(LIST + "?q=writer&page=2");
        assertThat(second.select("tbody td:first-child").eachText()).containsExactly("Writer 51", "Writer 52", "Writer 53", "Writer 54", "Writer 55");
        assertThat(editor.get(LIST + "?page=3").statusCode()).isEqualTo(404);
        assertThat(editor.get(LIST + "?page=many").statusCode()).isEqualTo(400);
    }

    @Test
    void anEditorAddsAContributorWhosePageOpensWithTheirFirstPublishedArticle() {
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);
        long picture = upload(editor, "Jane at her desk");
        assertThat(app.get("/authors/").statusCode()).isEqualTo(200);

        var r = editor.submit(LIST, "/newsroom/contributors", form("name", "Jane Smith", "kind", "person",
                "jobTitle", "Defence correspondent", "bio", "Jane covers the armed forces.\r\n\r\nShe joined in 2019.",
                "picture", String.valueOf(picture)));

        assertThat(r.statusCode()).isEqualTo(303);
        long id = new ContributorStore(TestDatabase.jdbi()).bySlug("jane-smith").orElseThrow().id();
        assertThat(r.headers().firstValue("Location")).contains("/newsroom/contributors/" + id + "?notice=created");
        Document edit = Html.parse(editor.get("/newsroom/contributors/" + id + "?notice=created"));
        assertThat(edit.select("h1").eachText()).containsExactly("Jane Smith");
        assertThat(edit.select(".nr-notice").text()).startsWith("Added.");
        assertThat(edit.selectFirst("#jobTitle").val()).isEqualTo("Defence correspondent");
        assertThat(edit.selectFirst("#picture").val()).isEqualTo(String.valueOf(picture));
        assertThat(edit.select(".nr-contributor-picture img.nr-thumb")).hasSize(1);
        assertThat(strings("SELECT action || ' ' || subject || ' ' || actor FROM audit_log WHERE action LIKE 'contributor%'"))
                .containsExactly("contributor created Jane Smith Editor Person");
        assertThat(app.get("/authors/jane-smith/").statusCode()).as("nothing of theirs is published yet").isEqualTo(404);
        assertThat(app.get("/authors/").body()).doesNotContain("Jane Smith");

        app.fixtures().store(NOW, story("Defence review delayed").bylines("Jane Smith").build());
        Document page = eventually("/authors/jane-smith/", d -> d.select("h1").text().equals("Jane Smith"));
        assertThat(page.select(".listing-header .kicker").text()).isEqualTo("Defence correspondent");
        assertThat(page.select(".listing-about").eachText()).containsExactly("Jane covers the armed forces.", "She joined in 2019.");
        assertThat(page.select(".listing-portrait img").attr("src")).startsWith("/media/");
        assertThat(page.select(".listing-portrait img").attr("alt")).isEqualTo("Jane Smith");
        assertThat(eventually("/authors/", d -> d.text().contains("Jane Smith")).text()).contains("Jane Smith", "Defence correspondent");
    }

    @Test
    void thisInstanceShowsEachChangeAtOnceWithoutWaitingForTheChangeFeed() {
        app.fixtures().store(NOW, story("Harbour talks resume").bylines("Jane Reporter").build());
        app.app().contentChanged();
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);
        long jane = new ContributorStore(TestDatabase.jdbi()).bySlug("jane-reporter").orElseThrow().id();

        TestDatabase.cutChangeFeeds();
        assertThat(app.get("/authors/").body()).doesNotContain("Jane Smith");
        assertThat(editor.submit(LIST, "/newsroom/contributors", form("name", "Jane Smith", "kind", "person")).statusCode()).isEqualTo(303);
        assertThat(app.get("/authors/").body()).as("added, and private until an article of theirs is published").doesNotContain("Jane Smith");

        TestDatabase.cutChangeFeeds();
        assertThat(app.get("/authors/jane-reporter/").body()).doesNotContain("Harbour correspondent");
        String page = "/newsroom/contributors/" + jane;
        assertThat(editor.submit(page, page, form("name", "Jane Reporter", "kind", "person", "jobTitle", "Harbour correspondent"))
                .statusCode()).isEqualTo(303);
        assertThat(app.get("/authors/jane-reporter/").body()).as("changed").contains("Harbour correspondent");

        TestDatabase.cutChangeFeeds();
        long smith = new ContributorStore(TestDatabase.jdbi()).bySlug("jane-smith").orElseThrow().id();
        assertThat(editor.submit(LIST, "/newsroom/contributors/" + smith + "/delete", form("confirm", "yes")).statusCode()).isEqualTo(303);
        assertThat(editor.get("/newsroom/contributors/" + smith).statusCode()).as("deleted").isEqualTo(404);
    }

    @Test
    void aRefusedFormKeepsWhatWasTypedAndStoresNothing() {
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);
        var before = TestDatabase.rowCounts();

        var r = editor.submit(LIST, "/newsroom/contributors", form("name", "", "kind", "robot", "jobTitle", "Typed title",
                "bio", "A typed bio.", "picture", "4242"));

        assertThat(r.statusCode()).isEqualTo(400);
        Document page = Html.parse(r);
        assertThat(page.select(".nr-error[role=alert]").text()).startsWith("The contributor was not added");
        assertThat(page.select(".nr-field-error").eachText()).containsExactly("A name is needed.",
                "Choose whether this is a person or a desk.", "There is no picture number 4242 in the media library.");
        assertThat(page.selectFirst("#jobTitle").val()).isEqualTo("Typed title");
        assertThat(page.selectFirst("#bio").text()).isEqualTo("A typed bio.");
        assertThat(page.selectFirst("#name").attr("aria-invalid")).isEqualTo("true");
        assertThat(TestDatabase.rowCounts()).isEqualTo(before);

    }

    @Test
    void formsWithoutTheCsrfTokenAreRefusedAndChangeNothing() {
        long jane = contributor("Jane Smith");
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);
        var before = TestDatabase.rowCounts();

        for (String action : List.of("/newsroom/contributors", "/newsroom/contributors/" + jane, "/newsroom/contributors/" + jane + "/delete")) {
            var r = editor.post(action, form("name", "Changed", "kind", "desk", "confirm", "yes"));
            assertThat(r.statusCode()).as(action).isEqualTo(403);
        }
        assertThat(TestDatabase.rowCounts()).isEqualTo(before);
        assertThat(new ContributorStore(TestDatabase.jdbi()).byId(jane).orElseThrow().name()).isEqualTo("Jane Smith");
    }

    @Test
    void aSavedChangeShowsOnTheAuthorPageBylinesAndContentApiAtOnceThoughTheyWereCached() {
        app.fixtures().store(NOW, story("Harbour talks resume").bylines("Jane Reporter").build());
        app.app().contentChanged();
        String article = TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT path FROM articles").mapTo(String.class).one());
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);
        long picture = upload(editor, "Portrait");
        long id = new ContributorStore(TestDatabase.jdbi()).bySlug("jane-reporter").orElseThrow().id();
        assertThat(Html.parse(app.get("/authors/jane-reporter/")).select(".listing-about")).isEmpty();
        assertThat(app.get(article).body()).contains("Jane Reporter");
        assertThat(app.get("/api/v1/authors").body()).contains("Jane Reporter");
        TestDatabase.jdbi().useHandle(h -> h.execute("UPDATE contributors SET bio = 'Behind the cache''s back' WHERE id = ?", id));
        assertThat(app.get("/authors/jane-reporter/").body()).as("the page comes from the cache").doesNotContain("Behind the cache");

        var r = editor.submit("/newsroom/contributors/" + id, "/newsroom/contributors/" + id, form("name", "Jane Reporter-Smith",
                "kind", "person", "jobTitle", "Harbour correspondent", "bio", "First paragraph.\n\nSecond paragraph.",
                "picture", String.valueOf(picture)));

        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).contains("/newsroom/contributors/" + id + "?notice=saved");
        Document page = eventually("/authors/jane-reporter/", d -> d.select("h1").text().equals("Jane Reporter-Smith"));
        assertThat(page.select("h1").text()).isEqualTo("Jane Reporter-Smith");
        assertThat(page.select(".kicker").text()).isEqualTo("Harbour correspondent");
        assertThat(page.select(".listing-about").eachText()).containsExactly("First paragraph.", "Second paragraph.");
        assertThat(page.select(".listing-portrait img")).hasSize(1);
        assertThat(page.select("meta[property=og:image]").attr("content")).startsWith(TestApp.BASE_URL + "/media/");
        assertThat(page.select(".card-headline").eachText()).containsExactly("Harbour talks resume");
        assertThat(app.get(article).body()).contains("Jane Reporter-Smith");
        JsonNode author = null;
        for (JsonNode item : Html.json(app.get("/api/v1/authors").body()).get("items")) {
            if (item.get("slug").asText().equals("jane-reporter")) author = item;
        }
        assertThat(author).isNotNull();
        assertThat(author.get("name").asText()).isEqualTo("Jane Reporter-Smith");
        assertThat(author.get("slug").asText()).isEqualTo("jane-reporter");
        assertThat(author.get("jobTitle").asText()).isEqualTo("Harbour correspondent");
        assertThat(author.get("bio").asText()).isEqualTo("First paragraph.\n\nSecond paragraph.");
        assertThat(author.get("picture").get("url").asText()).startsWith(TestApp.BASE_URL + "/media/");
        assertThat(strings("SELECT details->>'changed' FROM audit_log WHERE action = 'contributor changed'"))
                .containsExactly("[\"name\", \"jobTitle\", \"bio\", \"picture\"]");

        var again = editor.submit("/newsroom/contributors/" + id, "/newsroom/contributors/" + id, form("name", "Jane Reporter-Smith",
                "kind", "person", "jobTitle", "Harbour correspondent", "bio", "First paragraph.\r\n\r\nSecond paragraph.",
                "picture", String.valueOf(picture)));
        assertThat(again.headers().firstValue("Location")).contains("/newsroom/contributors/" + id + "?notice=unchanged");
    }

    @Test
    void theEditFormShowsTheBylinesAndTheStaffAccountThatWritesUnderIt() {
        long rita = Newsroom.staff(StaffRole.REPORTER, "rita@test.example", "Rita Reporter");
        app.fixtures().store(NOW, story("One").bylines("Rita Reporter").build());
        long id = new ContributorStore(TestDatabase.jdbi()).bySlug("rita-reporter").orElseThrow().id();
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);
        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);
        link(editor, id, rita);

        Document asEditor = Html.parse(editor.get("/newsroom/contributors/" + id));
        Document asAdmin = Html.parse(admin.get("/newsroom/contributors/" + id));

        assertThat(asEditor.select(".nr-facts").text()).contains("/authors/rita-reporter/", "1 article, 1 published",
                "Rita Reporter (reporter)");
        assertThat(asEditor.select(".nr-facts a[href^=/newsroom/staff/]")).as("editors cannot open staff pages").isEmpty();
        assertThat(asAdmin.select(".nr-facts a[href=/newsroom/staff/" + rita + "]").text()).isEqualTo("Rita Reporter");
        assertThat(asEditor.select("form[action$=/delete]")).isEmpty();
        assertThat(asEditor.select("#delete-heading + p").text())
                .isEqualTo("Rita Reporter cannot be deleted while 1 article carries the byline and a staff account writes under it.");
    }

    @Test
    void aRefusedSaveKeepsWhatWasTypedAndChangesNothing() {
        long jane = contributor("Jane Smith");
        contributor("John Smith");
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);
        var before = TestDatabase.rowCounts();

        var r = editor.submit("/newsroom/contributors/" + jane, "/newsroom/contributors/" + jane,
                form("name", "john smith", "kind", "desk", "jobTitle", "x".repeat(121), "bio", "Kept"));

        assertThat(r.statusCode()).isEqualTo(400);
        Document page = Html.parse(r);
        assertThat(page.select("h1").text()).isEqualTo("Jane Smith");
        assertThat(page.select(".nr-field-error").eachText()).containsExactly("There is already a contributor called John Smith.",
                "A job title has at most 120 characters.");
        assertThat(page.selectFirst("#name").val()).isEqualTo("john smith");
        assertThat(page.selectFirst("#kind-desk").hasAttr("checked")).isTrue();
        assertThat(TestDatabase.rowCounts()).isEqualTo(before);
        assertThat(new ContributorStore(TestDatabase.jdbi()).byId(jane).orElseThrow())
                .isEqualTo(new Contributor(jane, "jane-smith", "Jane Smith", false, "", "", null));
    }

    @Test
    void unknownAndMalformedIdsAreTheNewsroomsPageNotFound() {
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);
        String csrf = Newsroom.csrf(editor.get(LIST).body());

        for (String id : List.of("4242", "abc", "99999999999999999999", "-1")) {
            var page = editor.get("/newsroom/contributors/" + id);
            assertThat(page.statusCode()).as(id).isEqualTo(404);
            assertThat(Html.parse(page).select("h1").text()).isEqualTo("Page not found");
            assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
            assertThat(editor.post("/newsroom/contributors/" + id, form("_csrf", csrf, "name", "X", "kind", "person")).statusCode())
                    .as(id).isEqualTo(404);
            assertThat(editor.post("/newsroom/contributors/" + id + "/delete", form("_csrf", csrf, "confirm", "yes")).statusCode())
                    .as(id).isEqualTo(404);
        }
    }

    @Test
    void deletingAsksFirstThenDeletes() {
        long jane = contributor("Jane Smith");
        app.app().contentChanged(); // pages other tests of this class left in the cache
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);
        assertThat(app.get("/authors/jane-smith/").statusCode()).as("no published article carries the byline").isEqualTo(404);
        String path = "/newsroom/contributors/" + jane;

        var ask = editor.submit(path, path + "/delete", Map.of());

        assertThat(ask.statusCode()).isEqualTo(200);
        Document question = Html.parse(ask);
        assertThat(question.select("h1").text()).isEqualTo("Delete Jane Smith?");
        assertThat(question.select("form[action=" + path + "/delete] input[name=confirm]").val()).isEqualTo("yes");
        assertThat(new ContributorStore(TestDatabase.jdbi()).byId(jane)).isPresent();

        var done = editor.submit(path, path + "/delete", Map.of("confirm", "yes"));

        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location")).contains(LIST + "?notice=deleted");
        assertThat(new ContributorStore(TestDatabase.jdbi()).byId(jane)).isEmpty();
        assertThat(strings("SELECT action || ' ' || subject FROM audit_log WHERE action LIKE 'contributor%'"))
                .containsExactly("contributor deleted Jane Smith");
        assertThat(editor.get(path).statusCode()).isEqualTo(404);
        assertThat(Html.parse(editor.get(LIST + "?notice=deleted")).select(".nr-notice").text()).isEqualTo("The contributor was deleted.");
    }

    @Test
    void aBylinedContributorIsNotDeletedAndThePageSaysHowManyArticlesCarryIt() {
        app.fixtures().store(NOW, story("One").bylines("Jane Reporter").build(), story("Two").bylines("Jane Reporter").build());
        long id = new ContributorStore(TestDatabase.jdbi()).bySlug("jane-reporter").orElseThrow().id();
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);
        String path = "/newsroom/contributors/" + id;
        var before = TestDatabase.rowCounts();

        for (Map<String, String> form : List.of(Map.<String, String>of(), Map.of("confirm", "yes"))) {
            var r = editor.submit(path, path + "/delete", form);
            assertThat(r.statusCode()).isEqualTo(409);
            assertThat(Html.parse(r).select(".nr-error").text())
                    .isEqualTo("Jane Reporter cannot be deleted: 2 articles carry the byline (2 published). Nothing was deleted.");
        }
        assertThat(TestDatabase.rowCounts()).isEqualTo(before);
    }

    @Test
    void aContributorAStaffAccountWritesUnderIsNotDeleted() {
        long rita = Newsroom.staff(StaffRole.REPORTER, "rita@test.example", "Rita Reporter");
        long id = contributor("Rita Reporter");
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);
        link(editor, id, rita);
        var before = TestDatabase.rowCounts();

        var r = editor.submit("/newsroom/contributors/" + id, "/newsroom/contributors/" + id + "/delete", Map.of("confirm", "yes"));

        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(Html.parse(r).select(".nr-error").text())
                .isEqualTo("Rita Reporter cannot be deleted: a staff account writes under it. Nothing was deleted.");
        assertThat(TestDatabase.rowCounts()).isEqualTo(before);
    }

    @Test
    void deletingTheirPictureFromTheMediaLibraryLeavesTheAuthorPageWorking() {
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);
        long picture = upload(editor, "Portrait");
        var created = editor.submit(LIST, "/newsroom/contributors", form("name", "Jane Smith", "kind", "person", "picture", String.valueOf(picture)));
        assertThat(created.statusCode()).isEqualTo(303);
        app.fixtures().store(NOW, story("Her first story").bylines("Jane Smith").build());
        assertThat(eventually("/authors/jane-smith/", d -> !d.select(".listing-portrait").isEmpty()).select(".listing-portrait img")).hasSize(1);

        var warning = editor.submit("/newsroom/media/" + picture, "/newsroom/media/" + picture + "/delete", Map.of());
        assertThat(warning.statusCode()).isEqualTo(409);
        assertThat(Html.parse(warning).select(".nr-uses").text()).contains("Jane Smith loses their profile picture");
        var deleted = editor.submit("/newsroom/media/" + picture, "/newsroom/media/" + picture + "/delete", Map.of("confirm", "yes"));
        assertThat(deleted.statusCode()).isEqualTo(303);

        Document page = eventually("/authors/jane-smith/", d -> d.select(".listing-portrait").isEmpty());
        assertThat(page.select("h1").text()).isEqualTo("Jane Smith");
        assertThat(page.select(".listing-portrait")).isEmpty();
        long id = new ContributorStore(TestDatabase.jdbi()).bySlug("jane-smith").orElseThrow().id();
        Document edit = Html.parse(editor.get("/newsroom/contributors/" + id));
        assertThat(edit.selectFirst("#picture").val()).isEmpty();
    }

    @Test
    void anEditorLinksAStaffAccountToABylineAndUnlinksIt() {
        long rita = Newsroom.staff(StaffRole.REPORTER, "rita@test.example", "Rita Reporter");
        long desk = contributor("Harbour Desk");
        long other = contributor("Rita R.");
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);
        String page = "/newsroom/contributors/" + desk;

        assertThat(Html.parse(editor.get(page)).select("#staff option").eachText()).contains("Rita Reporter (rita@test.example, reporter)");
        link(editor, other, rita);
        assertThat(Html.parse(editor.get(page)).select("#staff option").eachText())
                .contains("Rita Reporter (rita@test.example, reporter; writes as Rita R.)");
        link(editor, desk, rita);

        assertThat(new StaffStore(TestDatabase.jdbi()).byId(rita).orElseThrow().contributorId()).isEqualTo(desk);
        assertThat(Html.parse(editor.get(page + "?notice=linked")).select(".nr-facts").text()).contains("Rita Reporter (reporter)");
        assertThat(Html.parse(editor.get("/newsroom/contributors/" + other)).select(".nr-facts").text())
                .contains("No staff account writes under this byline.");

        var refused = editor.submit(page, "/newsroom/contributors/" + other + "/unlink", Map.of("staff", String.valueOf(rita)));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Html.parse(refused).select("#staff-error").text()).isEqualTo("That account does not write under this byline.");
        assertThat(editor.submit(page, page + "/link", Map.of("staff", "999999")).statusCode()).isEqualTo(400);
        assertThat(editor.submit(page, page + "/link", Map.of("staff", "x")).statusCode()).isEqualTo(400);

        var unlinked = editor.submit(page, page + "/unlink", Map.of("staff", String.valueOf(rita)));
        assertThat(unlinked.statusCode()).isEqualTo(303);
        assertThat(new StaffStore(TestDatabase.jdbi()).byId(rita).orElseThrow().contributorId()).isNull();
        assertThat(strings("SELECT action || ' ' || subject FROM audit_log WHERE action LIKE 'byline%' ORDER BY id"))
                .containsExactly("byline linked Rita R.", "byline linked Harbour Desk", "byline unlinked Harbour Desk");
    }

    /** Links the staff account to the contributor through the contributor's page, as an editor. */
    private static void link(Newsroom.Client editor, long contributor, long staff) {
        String page = "/newsroom/contributors/" + contributor;
        var r = editor.submit(page, page + "/link", Map.of("staff", String.valueOf(staff)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).contains(page + "?notice=linked");
    }

    /** A contributor made directly in the database, as a byline would make it. */
    private static long contributor(String name) {
        return TestDatabase.jdbi().withHandle(h -> ContributorStore.create(h, name, false, "", ""));
    }

    private static long upload(Newsroom.Client client, String caption) {
        String token = Newsroom.csrf(client.get("/newsroom/media/").body());
        byte[] jpeg = Fixtures.jpeg(600, 600, Color.DARK_GRAY, new Color(caption.hashCode() & 0xffffff));
        var r = client.postMultipart("/newsroom/media", Multipart.form(Map.of("_csrf", token, "caption", caption))
                .file("file", "portrait.jpg", "image/jpeg", jpeg));
        assertThat(r.statusCode()).isEqualTo(303);
        return Long.parseLong(r.headers().firstValue("Location").orElseThrow().replaceAll("^/newsroom/media/(\\d+).*$", "$1"));
    }

    /**
     * The public page once it shows what is expected. Change notices reach the page cache through PostgreSQL
     * a moment after the commit, on the listener's thread; this waits for that moment, never more than five seconds.
     */
    private static Document eventually(String path, Predicate<Document> shows) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            Document page = Html.parse(app.get(path));
            if (shows.test(page) || System.nanoTime() > deadline) return page;
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) form.put(pairs[i], pairs[i + 1]);
        return form;
    }

    private static List<String> strings(String sql) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
    }
}
