package broadsheet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.content.CommentPolicy;
import broadsheet.testing.Browser;
import broadsheet.testing.Readers;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import broadsheet.testing.ThreadsFixtures;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/**
 * Comments in a real browser with the page's script: a subscriber posts a comment and another reader replies to it and
 * recommends it, each in place, without the page reloading; what they did is there after a reload.
 */
@ExtendWith(TestDatabase.class)
class CommentsE2E {
    /** The browser first: without chromium the class is skipped before a server is started for it. */
    @RegisterExtension
    @Order(1)
    static final Browser browser = new Browser();
    @RegisterExtension
    @Order(2)
    static final TestApp app = new TestApp();

    /** The thread on an article page. */
    static final class Thread extends SitePage {
        Thread(Browser browser) {
            super(browser);
        }

        WebElement section() {
            return driver.findElement(By.id("comments"));
        }

        /** Marks the page, so a test can tell it was not loaded again. */
        void mark() {
            browser.js("window.stillThisPage = true;");
        }

        boolean stillMarked() {
            return Boolean.TRUE.equals(browser.js("return window.stillThisPage === true;"));
        }

        void post(String text) {
            WebElement form = section().findElement(By.cssSelector("#comment-form form"));
            form.findElement(By.tagName("textarea")).sendKeys(text);
            form.findElement(By.cssSelector("button[type=submit]")).click();
        }

        WebElement awaitComment(String css, String text) {
            browser.waiting().ignoring(StaleElementReferenceException.class).until(d -> d.findElements(By.cssSelector(css)).stream().anyMatch(e -> e.getText().contains(text)));
            return driver.findElements(By.cssSelector(css)).stream().filter(e -> e.getText().contains(text)).findFirst().orElseThrow();
        }
    }

    private void signIn(String email, String path) {
        browser.driver().manage().deleteAllCookies();
        browser.driver().get(app.url("/account/signin?next=" + URLEncoder.encode(path + "#comments", StandardCharsets.UTF_8)));
        new ReaderPages.SignIn(browser).signIn(email, Readers.PASSWORD);
    }

    @Test
    void aSubscriberCommentsAndAnotherReaderRepliesInPlace() {
        long article = ThreadsFixtures.article(app, "talk", CommentPolicy.OPEN);
        String path = ThreadsFixtures.path(article);
        ThreadsFixtures.trustedSubscriber(Readers.reader("sue@example.com", "Sue Subscriber", true));
        ThreadsFixtures.trustedSubscriber(Readers.reader("rob@example.com", "Rob Replier", true));

        signIn("sue@example.com", path);
        browser.driver().get(app.url(path));
        Thread page = new Thread(browser);
        page.mark();
        page.post("The harbour plan will not survive the winter.");
        WebElement mine = page.awaitComment("#comments ol.comment-list > li.comment", "The harbour plan will not survive the winter.");
        assertThat(page.stillMarked()).as("posted in place").isTrue();
        assertThat(mine.findElement(By.cssSelector(".comment-author")).getText()).isEqualTo("Sue Subscriber");
        String sueComment = mine.getAttribute("id");
        assertThat(browser.driver().findElement(By.cssSelector("#comment-form textarea")).getAttribute("value")).isEmpty();

        signIn("rob@example.com", path);
        browser.driver().get(app.url(path));
        page = new Thread(browser);
        page.mark();
        WebElement hers = browser.driver().findElement(By.id(sueComment));
        hers.findElement(By.cssSelector("a.comment-reply")).click();
        WebElement replyForm = browser.waiting().until(d -> d.findElement(By.cssSelector("#" + sueComment + " > form.comment-reply-form")));
        assertThat(browser.driver().switchTo().activeElement().getTagName()).isEqualTo("textarea");
        replyForm.findElement(By.tagName("textarea")).sendKeys("It will, with the new sea wall.");
        replyForm.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement reply = page.awaitComment("#" + sueComment + " > ol.comment-replies > li.comment", "It will, with the new sea wall.");
        assertThat(reply.getAttribute("class")).contains("comment-depth-1");
        assertThat(page.stillMarked()).as("replied in place").isTrue();
        assertThat(browser.driver().findElements(By.cssSelector("form.comment-reply-form"))).isEmpty();

        hers.findElement(By.cssSelector("form.comment-recommend button")).click();
        // the button is replaced by the server's: a look at the old one as it goes is no answer yet
        browser.waiting().ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector("#" + sueComment + " form.comment-recommend button")).getText().startsWith("Recommended"));
        assertThat(page.stillMarked()).as("recommended in place").isTrue();

        browser.driver().navigate().refresh();
        page = new Thread(browser);
        assertThat(browser.driver().findElement(By.cssSelector("#" + sueComment + " .comment-replies")).getText())
                .contains("Rob Replier", "It will, with the new sea wall.");
        assertThat(browser.driver().findElement(By.cssSelector("#" + sueComment + " form.comment-recommend button")).getText())
                .isEqualTo("Recommended (1)");
        assertThat(browser.driver().findElement(By.cssSelector(".comment-count a")).getText()).isEqualTo("2 comments");
    }

    @Test
    void showMoreAddsTheNextPageInPlace() {
        long article = ThreadsFixtures.article(app, "long-talk", CommentPolicy.OPEN);
        long ann = Readers.reader("ann@example.com", "Ann", true);
        ThreadsFixtures.bulk(article, ann, 45, 0, TestApp.NOW.minusSeconds(60));
        browser.driver().manage().deleteAllCookies();
        browser.driver().get(app.url(ThreadsFixtures.path(article)));
        Thread page = new Thread(browser);
        page.mark();
        assertThat(browser.driver().findElements(By.cssSelector("#comments ol.comment-list > li.comment"))).hasSize(20);
        browser.driver().findElement(By.cssSelector("#comments a[data-more]")).click();
        browser.waiting().until(d -> d.findElements(By.cssSelector("#comments ol.comment-list > li.comment")).size() == 40);
        browser.driver().findElement(By.cssSelector("#comments a[data-more]")).click();
        browser.waiting().until(d -> d.findElements(By.cssSelector("#comments ol.comment-list > li.comment")).size() == 45);
        assertThat(browser.driver().findElements(By.cssSelector("#comments a[data-more]"))).isEmpty();
        assertThat(page.stillMarked()).as("shown in place").isTrue();
        assertThat(browser.driver().findElements(By.cssSelector("#comments ol.comment-list"))).hasSize(1);
    }
}
