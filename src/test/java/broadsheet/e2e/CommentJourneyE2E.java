package broadsheet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.content.CommentPolicy;
import broadsheet.e2e.newsroom.ModerationQueuePage;
import broadsheet.e2e.newsroom.SignInPage;
import broadsheet.shared.StaffRole;
import broadsheet.testing.Browser;
import broadsheet.testing.ModerationFixtures;
import broadsheet.testing.Newsroom;
import broadsheet.testing.Readers;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import broadsheet.testing.ThreadsFixtures;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/**
 * Comments from the first post to the editor's pick, in one real browser with every part real (the moderation
 * pipeline, the mail server): a subscriber comments, another replies and the first is mailed about it; a third
 * reader's comment with a suspect word is held and waits in the moderators' queue with its reason; the moderator
 * approves and features it and it shows on the article as an editor's pick, first in the picks order; a banned
 * reader's form says why they cannot post.
 */
@ExtendWith(TestDatabase.class)
class CommentJourneyE2E {
    private static final int SMTP = Readers.freePort();
    /** The browser first: without chromium the class is skipped before a server is started for it. */
    @RegisterExtension
    @Order(1)
    static final Browser browser = new Browser();
    @RegisterExtension
    @Order(2)
    static final GreenMailExtension mail = Readers.mailServer(SMTP);
    @RegisterExtension
    @Order(3)
    static final TestApp app = Readers.appSendingTo(SMTP);

    @Test
    void aThreadFromFirstCommentToEditorsPick() {
        long article = ThreadsFixtures.article(app, "sea-wall", CommentPolicy.OPEN);
        String path = ThreadsFixtures.path(article);
        // subscribers with a record of approved comments, so only what they write decides whether it waits
        ThreadsFixtures.trustedSubscriber(Readers.reader("sue@example.com", "Sue Subscriber", true));
        ThreadsFixtures.trustedSubscriber(Readers.reader("rob@example.com", "Rob Replier", true));
        ThreadsFixtures.trustedSubscriber(Readers.reader("cal@example.com", "Cal Critic", true));
        long dan = ThreadsFixtures.trustedSubscriber(Readers.reader("dan@example.com", "Dan Banned", true));
        ThreadsFixtures.ban(dan, "Repeated abuse of other readers");
        ModerationFixtures.words(List.of(), List.of("liar"));
        Newsroom.staff(StaffRole.MODERATOR, "mo@test.example", "Mo Moderator");

        // Sue comments in place
        signIn("sue@example.com", path);
        post("The sea wall will not survive the winter storms.");
        WebElement sues = awaitComment("#comments ol.comment-list > li.comment", "The sea wall will not survive the winter storms.");
        String sueComment = sues.getAttribute("id");

        // Rob replies to her in place
        signIn("rob@example.com", path);
        browser.driver().findElement(By.cssSelector("#" + sueComment + " a.comment-reply")).click();
        WebElement replyForm = browser.waiting().until(d -> d.findElement(By.cssSelector("#" + sueComment + " > form.comment-reply-form")));
        replyForm.findElement(By.tagName("textarea")).sendKeys("It will, with the new pumps in place.");
        replyForm.findElement(By.cssSelector("button[type=submit]")).click();
        awaitComment("#" + sueComment + " > ol.comment-replies > li.comment", "It will, with the new pumps in place.");

        // Sue is mailed, with a link to the reply
        MimeMessage mailed = Readers.awaitOne(mail, "sue@example.com");
        assertThat(Readers.subject(mailed)).contains("Rob Replier replied to your comment");
        assertThat(Readers.text(mailed)).contains("It will, with the new pumps in place.", path + "#comment-");

        // Cal's comment has a suspect word: it waits, and only Cal sees it, marked
        signIn("cal@example.com", path);
        post("Whoever signed off the pumps is a liar.");
        WebElement cals = awaitComment("#comments li.comment-pending", "Whoever signed off the pumps is a liar.");
        long calComment = Long.parseLong(cals.getAttribute("id").replace("comment-", ""));
        assertThat(cals.getText()).contains("Awaiting moderation");
        // (asked outside the browser, and at an address not asked again: a public page is kept a while by caches)
        assertThat(app.get("/comments/" + article + "?sort=oldest").body()).contains("The sea wall").doesNotContain("is a liar");

        // the moderator finds it in the pending queue with its reason, approves it, then features it
        SignInPage.open(browser, app.url("/newsroom/login")).signInAs("mo@test.example", Newsroom.PASSWORD);
        var queue = ModerationQueuePage.current(browser);
        assertThat(queue.comments()).containsExactly("comment-" + calComment);
        assertThat(queue.heldReason(calComment)).isEqualTo("Held: suspect word: \u201cliar\u201d");
        click("#comment-" + calComment + " button[data-key=approve]");
        queue = ModerationQueuePage.current(browser);
        assertThat(queue.notice()).isEqualTo("Approved: the comment shows in its thread.");
        queue = queue.queue("recent");
        click("#comment-" + calComment + " button[data-key=feature]");
        queue = ModerationQueuePage.current(browser);
        assertThat(queue.flags(calComment)).contains("Editor's pick");

        // the article shows it as an editor's pick, first in the picks order, and Cal is told
        browser.driver().manage().deleteAllCookies();
        browser.driver().get(app.url("/comments/" + article + "?sort=picks"));
        WebElement first = browser.driver().findElement(By.cssSelector("ol.comment-list > li.comment"));
        assertThat(first.getAttribute("id")).isEqualTo("comment-" + calComment);
        assertThat(first.findElement(By.cssSelector(".comment-pick-badge")).getText()).isEqualToIgnoringCase("Editor's pick");
        assertThat(Readers.subject(Readers.awaitOne(mail, "cal@example.com"))).contains("picked your comment");
        browser.driver().get(app.url(path));
        assertThat(browser.driver().findElement(By.cssSelector(".comment-count a")).getText()).isEqualTo("3 comments");

        // Dan is banned: the form's place says so, and why
        signIn("dan@example.com", path);
        WebElement barred = browser.driver().findElement(By.cssSelector("#comments .comment-barred"));
        assertThat(barred.getText()).contains("You may no longer comment on this site.", "Repeated abuse of other readers");
        assertThat(browser.driver().findElements(By.cssSelector("#comment-form textarea"))).isEmpty();
    }

    /** Signs in as the reader and comes back to the article's thread. */
    private void signIn(String email, String path) {
        browser.driver().manage().deleteAllCookies();
        browser.driver().get(app.url("/account/signin?next=" + URLEncoder.encode(path + "#comments", StandardCharsets.UTF_8)));
        new ReaderPages.SignIn(browser).signIn(email, Readers.PASSWORD);
        browser.waiting().until(d -> d.findElements(By.id("comments")).size() == 1);
    }

    private void post(String text) {
        WebElement form = browser.driver().findElement(By.cssSelector("#comment-form form"));
        form.findElement(By.tagName("textarea")).sendKeys(text);
        form.findElement(By.cssSelector("button[type=submit]")).click();
    }

    /** Clicks a button that submits a form and waits for the next page to replace this one. */
    private void click(String css) {
        WebElement button = browser.driver().findElement(By.cssSelector(css));
        button.click();
        browser.waiting().until(d -> {
            try {
                button.isDisplayed();
                return false;
            } catch (StaleElementReferenceException gone) {
                return true;
            }
        });
    }

    private WebElement awaitComment(String css, String text) {
        browser.waiting().ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector(css)).stream().anyMatch(e -> e.getText().contains(text)));
        return browser.driver().findElements(By.cssSelector(css)).stream().filter(e -> e.getText().contains(text)).findFirst().orElseThrow();
    }
}
