package broadsheet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.shared.AuditLog;
import broadsheet.shared.StaffRole;
import broadsheet.content.AccessLevel;
import broadsheet.content.CommentPolicy;
import broadsheet.e2e.newsroom.ArticleListPage;
import broadsheet.e2e.newsroom.ConflictPage;
import broadsheet.e2e.newsroom.EditorPage;
import broadsheet.e2e.newsroom.SignInPage;
import broadsheet.media.MediaLibrary;
import broadsheet.media.Uploads;
import broadsheet.editing.ArticleEditing;
import broadsheet.article.ArticleContent;
import broadsheet.editing.Editor;
import broadsheet.section.SectionStore;
import broadsheet.storage.LocalBlobStore;
import broadsheet.testing.Browser;
import broadsheet.testing.Fixtures;
import broadsheet.testing.Newsroom;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.awt.Color;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;

/**
 * The newsroom in a real browser, as its people use it: a reporter writes a draft with a lead picture and
 * submits it; an editor finds it among the submitted articles and publishes it, and it is on the home page
 * and at its address; the editor adds a significant update and a correction, each with a note, and the
 * public page shows the new "Updated" time and what changed. Then two editors in two browsers save the
 * same article: the second gets the conflict screen with both versions, keeps their text and saves it over.
 * The server's clock stands at {@link TestApp#NOW} and is moved on when time has to pass.
 */
class NewsroomE2E {
    private static final String HEADLINE = "Harbour pilots vote to strike over night shifts";
    private static final String PATH = "/business/2025/12/07/harbour-pilots-vote-to-strike-over-night-shifts/";

    /** The browsers first: without chromium the class is skipped before a server is started for it. */
    @RegisterExtension
    @Order(1)
    static final Browser browser = new Browser();
    @RegisterExtension
    @Order(2)
    static final Browser secondBrowser = new Browser();
    @RegisterExtension
    @Order(3)
    static final TestApp app = new TestApp();
    private static long pictureId;

    @BeforeAll
    static void newsroom() {
        TestDatabase.clean();
        TestDatabase.jdbi().useHandle(h -> {
            SectionStore.ensure(h, "world-news", "World news", "");
            SectionStore.ensure(h, "business", "Business", "");
        });
        Newsroom.staff(StaffRole.REPORTER, "rita@test.example", "Rita Reporter");
        Newsroom.staff(StaffRole.EDITOR, "edna@test.example", "Edna Editor");
        Newsroom.staff(StaffRole.EDITOR, "eric@test.example", "Eric Editor");
        var uploads = new Uploads(TestDatabase.jdbi(), new MediaLibrary(new LocalBlobStore(app.dataDir().resolve("media"))), 20L << 20);
        pictureId = uploads.add(Fixtures.jpeg(800, 450, new Color(20, 40, 90), new Color(230, 140, 40)),
                new MediaLibrary.Words("Cranes on the east quay at dusk", "Mara Lind/Harbour Photo Service", "Container cranes against an evening sky"),
                AuditLog.Actor.system("test"), "cranes.jpg", TestApp.NOW);
        app.app().contentChanged();
    }

    @AfterAll
    static void clean() {
        if (app.app() != null) TestDatabase.clean();
    }

    @BeforeEach
    void signedOut() {
        browser.driver().manage().deleteAllCookies();
        secondBrowser.driver().manage().deleteAllCookies();
    }

    @Test
    void aReportersDraftIsReviewedPublishedUpdatedAndCorrected() {
        // (a) the reporter signs in through the form and writes a draft with a lead picture
        SignInPage signIn = SignInPage.open(browser, app.url("/newsroom/articles/new"));
        signIn.signIn("rita@test.example", Newsroom.PASSWORD);
        EditorPage draft = EditorPage.current(browser);
        assertThat(draft.path()).as("back to the page first asked for").isEqualTo("/newsroom/articles/new");
        assertThat(draft.signedInAs()).isEqualTo("Rita Reporter");

        draft = draft.headline(HEADLINE)
                .standfirst("Night-shift rota changes at the east quay prompt the first walkout in a decade")
                .section("Business")
                .topics("Northmere harbour dispute", "Harbour pilots")
                .leadPicture(pictureId)
                .body("Harbour pilots at Northmere voted on Sunday to strike over new night-shift rotas.\n\n"
                        + "![Cranes at the east quay](image:" + pictureId + " \"The east quay, where most night arrivals berth | Mara Lind\")\n\n"
                        + "The union said talks would continue on Monday.")
                .save();
        assertThat(draft.notice()).isEqualTo("Draft created.");
        assertThat(draft.status()).isEqualTo("draft");
        assertThat(draft.buttons()).contains("Submit for review").doesNotContain("Publish now");
        assertThat(draft.value("leadImageId")).isEqualTo(String.valueOf(pictureId));

        EditorPage submitted = draft.submitForReview();
        assertThat(submitted.notice()).isEqualTo("Saved and submitted for review.");
        assertThat(submitted.status()).isEqualTo("submitted");
        long id = submitted.id();
        submitted.signOut();

        // (b) an editor finds it among the submitted articles and publishes it
        ArticleListPage list = SignInPage.open(browser, app.url("/newsroom/login")).signInToList("edna@test.example", Newsroom.PASSWORD);
        assertThat(list.signedInAs()).isEqualTo("Edna Editor");
        list = list.filterByStatus("submitted");
        assertThat(list.currentTab()).startsWith("Submitted");
        assertThat(list.headlines()).containsExactly(HEADLINE);
        EditorPage review = list.open(HEADLINE);
        assertThat(review.value("topics")).isEqualTo("Northmere harbour dispute\nHarbour pilots");

        EditorPage published = review.publish();
        assertThat(published.notice()).isEqualTo("Saved and published.");
        assertThat(published.status()).isEqualTo("published");
        assertThat(published.publicPath()).isEqualTo(PATH);

        FrontPage home = FrontPage.open(browser, app.url("/"));
        WebElement lead = home.headlineLink(home.leadStory());
        assertThat(lead.getText()).isEqualTo(HEADLINE);
        ArticlePage page = home.openStory(lead);
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(app.url(PATH));
        assertThat(page.headline().getText()).isEqualTo(HEADLINE);
        assertThat(page.byline().getText()).isEqualTo("By Rita Reporter");
        assertThat(page.dateline().getText()).isEqualTo("7 December 2025 3:00pm GMT");
        assertThat(page.topicLinks()).extracting(WebElement::getText).containsExactly("Northmere harbour dispute", "Harbour pilots");
        assertThat(page.pictureLoaded(page.leadPicture())).isTrue();
        assertThat(page.caption().getText()).startsWith("Cranes on the east quay at dusk");
        assertThat(page.credit().getText()).isEqualToIgnoringCase("Mara Lind/Harbour Photo Service");
        assertThat(page.inlineCaption().getText()).startsWith("The east quay, where most night arrivals berth");
        assertThat(page.changes()).isEmpty();

        // (c) two hours later, a significant update with a note; a quarter of an hour after that, a correction
        app.clock().advance(Duration.ofHours(2));
        EditorPage editor = EditorPage.open(browser, app.url("/newsroom/articles/" + id));
        editor = editor.body(editor.value("body") + "\n\nThe harbour authority said it would ask for mediation.")
                .change("update").note("Adds the harbour authority's response.")
                .save();
        assertThat(editor.notice()).isEqualTo("Saved.");

        page = reload(PATH);
        assertThat(page.dateline().getText()).isEqualTo("Updated 7 December 2025 5:00pm GMT");
        assertThat(page.changes()).extracting(NewsroomE2E::text)
                .containsExactly("7 December 2025 5:00pm GMT Update. Adds the harbour authority's response.");

        app.clock().advance(Duration.ofMinutes(15));
        editor = EditorPage.open(browser, app.url("/newsroom/articles/" + id));
        editor = editor.standfirst("Night-shift rota changes at the east quay prompt the first walkout in twelve years")
                .change("correction").note("An earlier version said this was the first walkout in a decade; it is the first in twelve years.")
                .save();
        assertThat(editor.notice()).isEqualTo("Saved.");

        page = reload(PATH);
        assertThat(page.dateline().getText()).as("a correction does not move Updated").isEqualTo("Updated 7 December 2025 5:00pm GMT");
        assertThat(page.standfirst().getText()).endsWith("in twelve years");
        List<WebElement> changes = page.changes();
        assertThat(changes).extracting(NewsroomE2E::text).containsExactly(
                "7 December 2025 5:00pm GMT Update. Adds the harbour authority's response.",
                "7 December 2025 5:15pm GMT Correction. An earlier version said this was the first walkout in a decade; it is the first in twelve years.");
        assertThat(changes.get(1).getDomAttribute("class")).isEqualTo("change-correction");
        assertThat(page.firstPublished().getText()).isEqualTo("First published 7 December 2025 3:00pm GMT");
    }

    /** The element's text as one line. */
    private static String text(WebElement e) {
        return e.getText().replaceAll("\\s+", " ").strip();
    }

    /**
     * Opens the public page as a reader who reloads it: the page may be kept by the browser for a minute
     * (its Cache-Control says so), and a reload asks the server again.
     */
    private static ArticlePage reload(String path) {
        browser.driver().get(app.url(path));
        browser.driver().navigate().refresh();
        return ArticlePage.current(browser);
    }

    @Test
    void theSecondOfTwoEditorsToSaveSeesBothVersionsAndCanSaveTheirsOver() {
        var edna = new Editor(StaffRole.EDITOR, null, null, null, AuditLog.Actor.system("test"));
        var created = (ArticleEditing.Result.Saved) new ArticleEditing(TestDatabase.jdbi(), Fixtures.LONDON).create(edna,
                ArticleContent.builder().headline("Ferry timetable cut for winter").standfirst("Fewer crossings from January")
                        .section("world-news").bylines(List.of("Our Foreign Staff")).topics(List.of("Ferries"))
                        .body("The ferry company will run four crossings a day.").access(AccessLevel.FREE).comments(CommentPolicy.OPEN).build(),
                app.clock().instant());
        String address = app.url("/newsroom/articles/" + created.id());
        SignInPage.open(browser, address).signIn("edna@test.example", Newsroom.PASSWORD);
        EditorPage first = EditorPage.current(browser);
        SignInPage.open(secondBrowser, address).signIn("eric@test.example", Newsroom.PASSWORD);
        EditorPage second = EditorPage.current(secondBrowser);
        assertThat(first.value("headline")).isEqualTo(second.value("headline")).isEqualTo("Ferry timetable cut for winter");

        second = second.headline("Ferry timetable cut to four crossings").body("The ferry company will run four crossings a day from January.")
                .save();
        assertThat(second.notice()).isEqualTo("Saved.");

        ConflictPage conflict = first.headline("Islanders protest ferry timetable cut")
                .body("Islanders say four crossings a day is not enough.").saveExpectingConflict();

        assertThat(conflict.heading()).isEqualTo("Someone else saved this article first");
        assertThat(conflict.differences()).containsOnlyKeys("Headline", "Body");
        assertThat(conflict.differences().get("Headline").get(0)).contains("four crossings");
        assertThat(conflict.differences().get("Headline").get(1)).contains("Islanders protest");
        assertThat(conflict.yours("headline")).isEqualTo("Islanders protest ferry timetable cut");
        assertThat(conflict.yours("body")).isEqualTo("Islanders say four crossings a day is not enough.");

        EditorPage saved = conflict.saveMineOverTheirs();
        assertThat(saved.notice()).isEqualTo("Saved.");
        assertThat(saved.value("headline")).isEqualTo("Islanders protest ferry timetable cut");
        assertThat(saved.value("body")).isEqualTo("Islanders say four crossings a day is not enough.");
        assertThat(saved.value("topics")).as("the fields not shown on the conflict screen are kept").isEqualTo("Ferries");
        assertThat(EditorPage.open(secondBrowser, address).value("headline")).isEqualTo("Islanders protest ferry timetable cut");
    }
}
