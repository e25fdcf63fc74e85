package broadsheet.e2e.newsroom;

import broadsheet.testing.Browser;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** The comment queues at {@code /newsroom/comments/}, driven as a moderator drives them: by keyboard. */
public final class ModerationQueuePage extends NewsroomPage {
    private ModerationQueuePage(Browser browser) {
        super(browser);
        // the keyboard script is loaded with defer: it is there once the page is complete
    }

    public static ModerationQueuePage current(Browser browser) {
        return new ModerationQueuePage(browser);
    }

    public static ModerationQueuePage open(Browser browser, String url) {
        browser.driver().get(url);
        return new ModerationQueuePage(browser);
    }

    /** The comments listed, as their element ids ("comment-12"). */
    public List<String> comments() {
        return driver.findElements(By.cssSelector("[data-comment]")).stream().map(e -> e.getAttribute("id")).toList();
    }

    /** What a comment shows as the reason it was held, or an empty string. */
    public String heldReason(long id) {
        List<WebElement> held = driver.findElements(By.cssSelector("#comment-" + id + " .nr-held"));
        return held.isEmpty() ? "" : held.get(0).getText();
    }

    public String flags(long id) {
        return driver.findElement(By.cssSelector("#comment-" + id + " .nr-comment-head .nr-small")).getText();
    }

    /** The comment the keyboard is on, or null. */
    public String current() {
        List<WebElement> current = driver.findElements(By.cssSelector("[data-comment].nr-current"));
        return current.isEmpty() ? null : current.get(0).getAttribute("id");
    }

    /** Presses a key on the page, outside any field, as a person would. */
    public ModerationQueuePage press(CharSequence key) {
        new Actions(driver).sendKeys(key).perform();
        return this;
    }

    /** Presses a key that submits a form, and waits for the page it leads to. */
    public ModerationQueuePage pressAndWait(CharSequence key) {
        WebElement html = driver.findElement(By.tagName("html"));
        press(key);
        browser.waiting().until(Browser.gone(html));
        return new ModerationQueuePage(browser);
    }

    /** Types into the focused field, then Enter, and waits for the page the form leads to. */
    public ModerationQueuePage typeAndSubmit(String text) {
        WebElement html = driver.findElement(By.tagName("html"));
        new Actions(driver).sendKeys(text).sendKeys(Keys.ENTER).perform();
        browser.waiting().until(Browser.gone(html));
        return new ModerationQueuePage(browser);
    }

    /** The id of the element that has the focus. */
    public String focused() {
        return driver.switchTo().activeElement().getAttribute("id");
    }

    public ModerationQueuePage queue(String label) {
        submit(driver.findElement(By.cssSelector(".nr-tabs a[href$='queue=" + label + "']")));
        return new ModerationQueuePage(browser);
    }

    public boolean ticked(long id) {
        return driver.findElement(By.id("tick-" + id)).isSelected();
    }
}
