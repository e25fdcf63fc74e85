package broadsheet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.shared.StaffRole;
import broadsheet.e2e.newsroom.EditorPage;
import broadsheet.e2e.newsroom.SectionsPage;
import broadsheet.e2e.newsroom.SignInPage;
import broadsheet.testing.Browser;
import broadsheet.testing.Newsroom;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;

/**
 * A fresh install run from the browser alone: the database has an admin and nothing else, not even a
 * section. The admin is told to create a section before writing, creates one, writes and publishes an
 * article in it, and the article leads the public home page, under the new section in the navigation.
 */
class FreshInstallE2E {
    private static final String HEADLINE = "Harbour pilots vote to strike over night shifts";

    /** The browser first: without chromium the class is skipped before a server is started for it. */
    @RegisterExtension
    @Order(1)
    static final Browser browser = new Browser();
    @RegisterExtension
    @Order(2)
    static final TestApp app = new TestApp();

    @BeforeAll
    static void freshInstall() {
        TestDatabase.clean();
        Newsroom.staff(StaffRole.ADMIN, "ada@test.example", "Ada Admin");
        app.app().contentChanged();
    }

    @AfterAll
    static void clean() {
        if (app.app() != null) TestDatabase.clean();
    }

    /**
     * The home page as a reader who reloads it sees it: the browser may keep the page for a minute (its
     * Cache-Control says so), and a reload asks the server again.
     */
    private static FrontPage home() {
        browser.driver().get(app.url("/"));
        browser.driver().navigate().refresh();
        return FrontPage.open(browser, app.url("/"));
    }

    @Test
    void anAdminCreatesTheFirstSectionThenPublishesAnArticleInIt() {
        FrontPage before = FrontPage.open(browser, app.url("/"));
        assertThat(before.sectionLinks()).extracting(WebElement::getText).containsExactly("Home");

        SignInPage.open(browser, app.url("/newsroom/articles/new")).signIn("ada@test.example", Newsroom.PASSWORD);
        EditorPage blank = EditorPage.current(browser);
        assertThat(blank.noSections()).contains("there are none yet", "Create a section first");

        SectionsPage sections = blank.createASectionFirst();
        assertThat(sections.path()).isEqualTo("/newsroom/sections/");
        assertThat(sections.heading()).isEqualTo("Sections");
        assertThat(sections.empty()).startsWith("There are no sections yet.");

        sections = sections.create("Business", "", "Companies, markets and the economy.");
        assertThat(sections.notice()).startsWith("Section created.");
        assertThat(sections.names()).containsExactly("Business");
        assertThat(sections.address("Business")).isEqualTo("/business/");
        assertThat(home().sectionLinks()).extracting(WebElement::getText)
                .as("the new section is in the public navigation at once").containsExactly("Home", "Business");

        EditorPage draft = SectionsPage.open(browser, app.url("/newsroom/sections/")).newArticle();
        assertThat(draft.noSections()).isEmpty();
        draft = draft.headline(HEADLINE)
                .standfirst("Night-shift rota changes at the east quay prompt the first walkout in a decade")
                .section("Business")
                .body("Harbour pilots at Northmere voted on Sunday to strike over new night-shift rotas.")
                .save();
        assertThat(draft.notice()).isEqualTo("Draft created.");

        EditorPage published = draft.publish();
        assertThat(published.notice()).isEqualTo("Saved and published.");
        assertThat(published.publicPath()).isEqualTo("/business/2025/12/07/harbour-pilots-vote-to-strike-over-night-shifts/");

        FrontPage home = home();
        assertThat(home.headlineLink(home.leadStory()).getText()).isEqualTo(HEADLINE);
        ArticlePage article = home.openStory(home.headlineLink(home.leadStory()));
        assertThat(article.headline().getText()).isEqualTo(HEADLINE);
        assertThat(article.sectionLinks()).extracting(WebElement::getText).containsExactly("Home", "Business");
    }
}
