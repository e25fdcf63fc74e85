package broadsheet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.shared.AuditLog;
import broadsheet.shared.StaffRole;
import broadsheet.content.AccessLevel;
import broadsheet.content.CommentPolicy;
import broadsheet.article.ArticleContent;
import broadsheet.editing.ArticleEditing;
import broadsheet.editing.Editor;
import broadsheet.section.SectionStore;
import broadsheet.e2e.newsroom.EditorPage;
import broadsheet.e2e.newsroom.SignInPage;
import broadsheet.testing.Browser;
import broadsheet.testing.Fixtures;
import broadsheet.testing.Newsroom;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import broadsheet.topic.TopicStore;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The editor's script in a real browser: the Markdown toolbar and its shortcuts, the live preview, type-ahead
 * for topics, the picture picker, autosave with the text offered back after a reload, and the warning before
 * leaving with unsaved changes. Each test signs in through the login form and opens an article saved an hour
 * before the server's fixed "now", so an autosave is newer than the last save.
 */
@ExtendWith(TestDatabase.class)
class EditorScriptE2E {
    /** The browser first: without chromium the class is skipped before a server is started for it. */
    @RegisterExtension
    @Order(1)
    static final Browser browser = new Browser();
    @RegisterExtension
    @Order(2)
    static final TestApp app = new TestApp();
    private static final String BODY = "The harbour opened on Monday.";

    private WebDriver driver;
    private long articleId;

    @BeforeEach
    void signInAndOpenAnArticle() {
        driver = browser.driver();
        TestDatabase.jdbi().useHandle(h -> {
            SectionStore.ensure(h, "news", "News", "");
            TopicStore.ensure(h, "Harbour strategy", "");
        });
        long staffId = Newsroom.staff(StaffRole.EDITOR, "edna@test.example", "Edna Editor");
        var who = new Editor(StaffRole.EDITOR, staffId, null, null, new AuditLog.Actor(staffId, "Edna Editor", ""));
        var draft = ArticleContent.builder().headline("Harbour reopens").standfirst("What happened.").section("news")
                .bylines(List.of("Edna Editor")).body(BODY).access(AccessLevel.FREE).comments(CommentPolicy.OPEN).build();
        var saved = (ArticleEditing.Result.Saved) new ArticleEditing(TestDatabase.jdbi(), Fixtures.LONDON)
                .create(who, draft, TestApp.NOW.minusSeconds(3600));
        articleId = saved.id();

        SignInPage.open(browser, app.url("/newsroom/login")).signInAs("edna@test.example", Newsroom.PASSWORD);
        openEditor("");
    }

    private void openEditor(String query) {
        driver.get(app.url("/newsroom/articles/" + articleId + query));
        awaitScript();
    }

    /** Waits for the editor's script to have run on the page now shown: it is what draws the toolbar. */
    private void awaitScript() {
        browser.waiting().until(d -> d.findElements(By.cssSelector(".nr-toolbar")).stream().anyMatch(WebElement::isDisplayed));
    }

    private WebElement body() {
        return driver.findElement(By.id("body"));
    }

    private WebElement toolbarButton(String name) {
        return driver.findElement(By.xpath("//div[@role='toolbar']/button[normalize-space()='" + name + "']"));
    }

    private void select(WebElement area, int start, int end) {
        browser.js("arguments[0].focus(); arguments[0].setSelectionRange(arguments[1], arguments[2]);", area, start, end);
    }

    @Test
    void theBoldButtonAndTheShortcutsWrapTheSelectionAndCanBeUndone() {
        WebElement toolbar = driver.findElement(By.cssSelector(".nr-toolbar"));
        assertThat(toolbar.getAttribute("role")).isEqualTo("toolbar");
        assertThat(toolbar.getAttribute("aria-label")).isEqualTo("Formatting");

        select(body(), 12, 18);
        toolbarButton("Bold").click();
        assertThat(body().getDomProperty("value")).isEqualTo("The harbour **opened** on Monday.");

        body().sendKeys(Keys.chord(Keys.CONTROL, "z"));
        assertThat(body().getDomProperty("value")).isEqualTo(BODY);

        select(body(), 22, 28);
        body().sendKeys(Keys.chord(Keys.CONTROL, "i"));
        assertThat(body().getDomProperty("value")).isEqualTo("The harbour opened on *Monday*.");
        select(body(), 4, 11);
        body().sendKeys(Keys.chord(Keys.CONTROL, "b"));
        assertThat(body().getDomProperty("value")).isEqualTo("The **harbour** opened on *Monday*.");
    }

    @Test
    void theLinePrefixButtonsMakeSubheadsAndPullQuotes() {
        select(body(), 0, 0);
        toolbarButton("Subhead").click();
        assertThat(body().getDomProperty("value")).isEqualTo("## " + BODY);
        toolbarButton("Pull quote").click();
        assertThat(body().getDomProperty("value")).isEqualTo("> [!pullquote]\n> " + BODY);
    }

    @Test
    void thePreviewShowsTheBodyRenderedAndCanBeHidden() {
        body().sendKeys(Keys.END, "\n\n## Harbour works\n\nMore *words* here.");
        WebElement preview = driver.findElement(By.id("body-preview"));
        var framed = EditorPage.current(browser).preview();
        browser.waiting().until(d -> "Harbour works".equals(framed.text(".article-body h2")));
        assertThat(preview.isDisplayed()).isTrue();
        assertThat(framed.text(".article-body em")).isEqualTo("words");

        WebElement toggle = toolbarButton("Preview");
        assertThat(toggle.getAttribute("aria-pressed")).isEqualTo("true");
        toggle.click();
        assertThat(preview.isDisplayed()).isFalse();
        assertThat(toggle.getAttribute("aria-pressed")).isEqualTo("false");
    }

    @Test
    void typeAheadSuggestsAnExistingTopicChosenWithTheKeyboard() {
        WebElement topics = driver.findElement(By.id("topics"));
        topics.sendKeys("harb");
        WebElement option = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#topics-suggestions [role=option]")));
        assertThat(option.getText()).isEqualTo("Harbour strategy");
        browser.waiting().until(d -> String.valueOf(browser.js(
                "return document.querySelector('body > [aria-live]').textContent;")).contains("1 suggestion"));

        topics.sendKeys(Keys.ARROW_DOWN);
        assertThat(topics.getAttribute("aria-activedescendant")).isEqualTo(option.getAttribute("id"));
        assertThat(option.getAttribute("aria-selected")).isEqualTo("true");
        topics.sendKeys(Keys.ENTER);
        assertThat(topics.getDomProperty("value")).isEqualTo("Harbour strategy");
        assertThat(driver.findElement(By.id("topics-suggestions")).isDisplayed()).isFalse();

        topics.sendKeys(Keys.ENTER, "Brand new topic");
        assertThat(topics.getDomProperty("value")).isEqualTo("Harbour strategy\nBrand new topic");
    }

    @Test
    void typedTextIsKeptAndOfferedBackAfterAReload() {
        body().sendKeys(Keys.END, " Words typed but not saved.");
        WebElement status = driver.findElement(By.id("autosave-status"));
        assertThat(status.getAttribute("aria-live")).isEqualTo("polite");
        browser.waiting().until(d -> status.getText().startsWith("Draft kept "));

        driver.navigate().refresh();
        acceptLeaveWarning();
        WebElement bringBack = browser.waiting().until(ExpectedConditions.elementToBeClickable(By.linkText("Bring it back")));
        assertThat(body().getDomProperty("value")).isEqualTo(BODY);
        bringBack.click();
        WebElement notice = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("main p.nr-notice[role='status']")));
        assertThat(notice.getText()).contains("is back in the form");
        assertThat(driver.getCurrentUrl()).contains("restore=autosave");
        awaitScript();
        assertThat(body().getDomProperty("value")).isEqualTo(BODY + " Words typed but not saved.");
    }

    /**
     * Chromedriver accepts "leave this page?" prompts itself, unseen, so the test cannot answer one: it asks the
     * page instead whether leaving now would be held up, by sending it the event the browser sends before leaving.
     */
    @Test
    void leavingWithUnsavedChangesAsksFirstAndSavingDoesNot() {
        assertThat(leavingIsHeldUp()).isFalse();
        driver.findElement(By.id("headline")).sendKeys(" today");
        assertThat(leavingIsHeldUp()).isTrue();

        driver.findElement(By.cssSelector("button[formaction$='/save']")).click();
        WebElement saved = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("main p.nr-notice[role='status']")));
        assertThat(saved.getText()).isEqualTo("Saved.");
        awaitScript();
        assertThat(driver.findElement(By.id("headline")).getDomProperty("value")).isEqualTo("Harbour reopens today");
        assertThat(leavingIsHeldUp()).isFalse();
    }

    private boolean leavingIsHeldUp() {
        return (Boolean) browser.js("""
                const leaving = new Event('beforeunload', {cancelable: true});
                window.dispatchEvent(leaving);
                return leaving.defaultPrevented;""");
    }

    /**
     * The element, scrolled to the middle of the window: the Save/Publish bar stays at the window's foot, where a
     * click after the driver's own scrolling could land on the bar instead.
     */
    private WebElement inView(WebElement element) {
        browser.js("arguments[0].scrollIntoView({block: 'center'});", element);
        return element;
    }

    /** Should a browser show the warning after all, it is accepted: the test leaves on purpose. */
    private void acceptLeaveWarning() {
        try {
            driver.switchTo().alert().accept();
        } catch (NoAlertPresentException e) {
            // the usual case: chromedriver has already accepted it
        }
    }

    @Test
    void thePickerFillsTheLeadPictureAndInsertsPicturesInTheBody() {
        stubLibrary(404);
        inView(driver.findElement(By.xpath("//button[normalize-space()='Choose from the library']"))).click();
        WebElement dialog = driver.findElement(By.cssSelector("dialog.nr-picker"));
        browser.waiting().until(d -> dialog.findElement(By.cssSelector(".nr-picker-status")).getText().contains("cannot be searched"));
        dialog.findElement(By.cssSelector("[data-close]")).click();
        assertThat(dialog.isDisplayed()).isFalse();

        stubLibrary(200);
        inView(driver.findElement(By.xpath("//button[normalize-space()='Choose from the library']"))).click();
        WebElement item = browser.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector(".nr-picker-item")));
        assertThat(item.getText()).isEqualTo("No. 7 · Cranes at dusk");
        item.click();
        assertThat(driver.findElement(By.id("leadImageId")).getDomProperty("value")).isEqualTo("7");
        assertThat(driver.findElement(By.cssSelector("fieldset .nr-thumb")).getAttribute("src")).endsWith("/assets/favicon.svg");

        select(body(), BODY.length(), BODY.length());
        toolbarButton("Picture").click();
        browser.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector(".nr-picker-item"))).click();
        assertThat(body().getDomProperty("value"))
                .isEqualTo(BODY + "\n\n![Cranes on the quay](image:7 \"Cranes at dusk | Ann \\\"Photo\\\" Grapher\")");
    }

    /** Stands in for the media library's search in this page only, answering with one picture or an error. */
    private void stubLibrary(int status) {
        browser.js("""
                const status = arguments[0];
                const real = window.__realFetch || window.fetch;
                window.__realFetch = real;
                window.fetch = (url, options) => String(url).includes('/newsroom/media/search.json')
                    ? Promise.resolve(new Response(status === 200 ? JSON.stringify({items: [{id: 7, src: '/assets/favicon.svg',
                        width: 160, height: 90, caption: 'Cranes at dusk', credit: 'Ann "Photo" Grapher', alt: 'Cranes on the quay'}],
                        page: 1, lastPage: 1}) : 'Not found', {status, headers: {'Content-Type': 'application/json'}}))
                    : real(url, options);
                """, status);
    }
}
