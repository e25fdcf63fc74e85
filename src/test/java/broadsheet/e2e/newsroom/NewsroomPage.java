package broadsheet.e2e.newsroom;

import broadsheet.testing.Browser;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * What every newsroom page has around its content: the header with the signed-in person and the sign-out
 * button, the one heading, and the notice or error line. Subclasses find what their page adds; none of
 * them asserts anything.
 */
public abstract class NewsroomPage {
    protected final Browser browser;
    protected final WebDriver driver;

    protected NewsroomPage(Browser browser) {
        this.browser = browser;
        this.driver = browser.driver();
        browser.waiting().until(d -> "complete".equals(browser.js("return document.readyState;"))
                && !d.findElements(By.tagName("main")).isEmpty());
    }

    public String heading() {
        return driver.findElement(By.cssSelector("main h1")).getText();
    }

    /** The name in the header, or null when nobody is signed in. */
    public String signedInAs() {
        List<WebElement> who = driver.findElements(By.cssSelector(".nr-who > a"));
        return who.isEmpty() ? null : who.get(0).getText();
    }

    /** The line saying what just happened ("Saved."), or an empty string. */
    public String notice() {
        List<WebElement> notices = driver.findElements(By.cssSelector("main p.nr-notice[role='status']"));
        return notices.isEmpty() ? "" : notices.get(0).getText();
    }

    public SignInPage signOut() {
        submit(driver.findElement(By.cssSelector(".nr-who form button[type='submit']")));
        return SignInPage.current(browser);
    }

    /** The "Menu" button that shows the newsroom's menu on a small screen. */
    public WebElement menuButton() {
        return driver.findElement(By.cssSelector("nav.nr-nav summary"));
    }

    /** The menu's links a person can see now. */
    public List<String> visibleMenuLinks() {
        return driver.findElements(By.cssSelector("nav.nr-nav a")).stream().filter(WebElement::isDisplayed).map(WebElement::getText).toList();
    }

    /** The height of the header with the brand, menu and signed-in person, in CSS pixels. */
    public long headerHeight() {
        return Math.round(((Number) browser.js("return document.querySelector('.nr-header').getBoundingClientRect().height;")).doubleValue());
    }

    /** Follows a menu link by its text, and waits for its page. */
    public void followMenuLink(String text) {
        submit(driver.findElement(By.cssSelector("nav.nr-nav")).findElement(By.linkText(text)));
    }

    /** The address the browser is on, without the server part. */
    public String path() {
        String url = driver.getCurrentUrl();
        return url.substring(url.indexOf('/', url.indexOf("//") + 2));
    }

    /** Clicks a button or link that loads another page, and waits until this one is gone. */
    protected void submit(WebElement button) {
        WebElement html = driver.findElement(By.tagName("html"));
        button.click();
        browser.waiting().until(Browser.gone(html));
    }

    /** Replaces what a text field holds, typing as a person would. */
    protected static void type(WebElement field, String text) {
        field.clear();
        field.sendKeys(text);
    }
}
