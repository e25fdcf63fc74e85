package broadsheet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.article.ArticleContent;
import broadsheet.content.AccessLevel;
import broadsheet.content.CommentPolicy;
import broadsheet.e2e.newsroom.EditorPage;
import broadsheet.e2e.newsroom.SignInPage;
import broadsheet.editing.ArticleEditing;
import broadsheet.editing.Editor;
import broadsheet.section.SectionStore;
import broadsheet.shared.AuditLog;
import broadsheet.shared.StaffRole;
import broadsheet.testing.Browser;
import broadsheet.testing.Fixtures;
import broadsheet.testing.Newsroom;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The editor as a journalist sees it on a laptop and a phone: the Save/Publish bar stays on screen, the headline
 * field shows every line of a long headline and stays one line, the newsroom menu folds behind a button on a phone,
 * and the preview is the public article page (its stylesheet and markup) following what is typed.
 */
@ExtendWith(TestDatabase.class)
class EditorLayoutE2E {
    @RegisterExtension
    @Order(1)
    static final Browser browser = new Browser();
    @RegisterExtension
    @Order(2)
    static final TestApp app = new TestApp();
    private static final String LONG_HEADLINE = "New study suggests seagrass meadows are recovering faster than expected off the coast,"
            + " and fishermen who once doubted it say the catch is back";

    private long articleId;

    @BeforeEach
    void signInWithALongArticle() {
        TestDatabase.jdbi().useHandle(h -> SectionStore.ensure(h, "news", "News", ""));
        long staffId = Newsroom.staff(StaffRole.EDITOR, "edna@test.example", "Edna Editor");
        var who = new Editor(StaffRole.EDITOR, staffId, null, null, new AuditLog.Actor(staffId, "Edna Editor", ""));
        String body = IntStream.rangeClosed(1, 40).mapToObj(i -> "Paragraph " + i + " of the harbour story, with enough words to wrap.")
                .collect(Collectors.joining("\n\n"));
        var draft = ArticleContent.builder().headline("Harbour reopens").standfirst("What happened.").section("news")
                .bylines(List.of("Edna Editor")).body(body).access(AccessLevel.FREE).comments(CommentPolicy.OPEN).build();
        articleId = ((ArticleEditing.Result.Saved) new ArticleEditing(TestDatabase.jdbi(), Fixtures.LONDON)
                .create(who, draft, TestApp.NOW.minusSeconds(3600))).id();
        SignInPage.open(browser, app.url("/newsroom/login")).signInAs("edna@test.example", Newsroom.PASSWORD);
    }

    private EditorPage editor() {
        EditorPage page = EditorPage.open(browser, app.url("/newsroom/articles/" + articleId));
        browser.waiting().until(d -> d.findElement(By.cssSelector(".nr-toolbar")).isDisplayed());
        return page;
    }

    @Test
    void theSaveBarStaysInViewAtTheEndOfALongBody() {
        for (Browser.Viewport size : List.of(Browser.Viewport.DESKTOP, Browser.Viewport.SMALL_PHONE)) {
            browser.resize(size);
            EditorPage page = editor();
            assertThat(page.saveBarInView()).as("at the top, %s", size).isTrue();
            page.scrollToTheEndOfTheBody();
            assertThat(page.saveBarInView()).as("at the end of the body, %s", size).isTrue();
            browser.js("window.scrollTo(0, document.documentElement.scrollHeight);");
            assertThat(page.saveBarInView()).as("at the foot of the page, %s", size).isTrue();
        }
    }

    @Test
    void aFieldReachedWithTheKeyboardIsNotHiddenUnderTheSaveBar() {
        browser.resize(Browser.Viewport.SMALL_PHONE);
        editor();
        browser.js("window.scrollTo(0, 0); document.getElementById('section').focus({preventScroll: true});");
        browser.driver().switchTo().activeElement().sendKeys(Keys.TAB); // from the section, off screen, to the slug
        assertThat(browser.driver().switchTo().activeElement().getDomAttribute("id")).isEqualTo("slug");
        boolean clear = (Boolean) browser.js("""
                const f = document.activeElement.getBoundingClientRect();
                const bar = document.querySelector('form#editor > .nr-actions').getBoundingClientRect();
                return f.bottom <= bar.top && f.top >= 0;""");
        assertThat(clear).isTrue();
    }

    @Test
    void theHeadlineFieldShowsEveryLineAndStaysOneLine() {
        browser.resize(Browser.Viewport.SMALL_PHONE);
        EditorPage page = editor();
        page.headline(LONG_HEADLINE);

        List<Long> h = page.headlineHeights(); // client height, scroll height, line height
        assertThat(h.get(1)).isGreaterThanOrEqualTo(4 * h.get(2)); // the headline wraps to four lines or more at 360 px
        assertThat(h.get(0)).isGreaterThanOrEqualTo(h.get(1));

        page.typeInHeadline(Keys.END, Keys.ENTER, "today");
        assertThat(page.value("headline")).isEqualTo(LONG_HEADLINE + "today");
        browser.js("const h = document.getElementById('headline'); h.focus(); h.setSelectionRange(h.value.length, h.value.length);"
                + " document.execCommand('insertText', false, '\\nand\\r\\ntomorrow');");
        assertThat(page.value("headline")).isEqualTo(LONG_HEADLINE + "today and tomorrow");
    }

    @Test
    void onAPhoneTheMenuIsOneButtonThatOpensWithTheKeyboard() {
        browser.resize(Browser.Viewport.SMALL_PHONE);
        EditorPage page = editor();
        assertThat(page.visibleMenuLinks()).isEmpty();
        assertThat(page.menuButton().getText()).isEqualTo("Menu");
        assertThat(page.headerHeight()).isLessThan(110);

        page.menuButton().sendKeys(Keys.ENTER);
        assertThat((Boolean) browser.js("return document.querySelector('nav.nr-nav details').open;")).isTrue();
        assertThat(page.visibleMenuLinks()).contains("Articles", "New article", "Media", "Sections", "Topics");

        page.followMenuLink("Media");
        assertThat(page.path()).isEqualTo("/newsroom/media/");
    }

    @Test
    void onALaptopTheMenuIsOpenWithoutAButton() {
        EditorPage page = editor();
        assertThat(page.menuButton().isDisplayed()).isFalse();
        assertThat(page.visibleMenuLinks()).contains("Articles", "New article", "Media", "Sections", "Topics");
    }

    @Test
    void thePreviewIsThePublicPageAndFollowsTheForm() {
        EditorPage page = editor();
        var preview = page.preview();
        assertThat(preview.stylesheets()).anyMatch(href -> href.startsWith("/assets/site.css?v="));
        assertThat(preview.stylesheets()).noneMatch(href -> href.contains("newsroom.css"));
        assertThat(preview.text(".preview-banner")).startsWith("Preview");
        assertThat(preview.count(".preview-banner ~ * .article, .preview-banner ~ .article")).isPositive();
        assertThat(preview.text("article.article h1.headline")).isEqualTo("Harbour reopens");
        assertThat(preview.count("form[method=post], textarea")).as("no gift or comment form").isZero();

        page.headline("Harbour reopens after the strike");
        browser.waiting().until(d -> "Harbour reopens after the strike".equals(preview.text("article.article h1.headline")));
        browser.driver().findElement(By.id("body")).sendKeys(Keys.chord(Keys.CONTROL, Keys.END), "\n\n## Harbour works\n\nMore *words*.");
        browser.waiting().until(d -> "Harbour works".equals(preview.text(".article-body h2:last-of-type")));
        assertThat(preview.text(".article-body em")).isEqualTo("words");
    }
}
