package broadsheet.e2e;

import broadsheet.testing.Browser;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * What every page of the reader site has around its content: the skip link, the section navigation
 * and the {@code main} landmark. Subclasses find what their page adds;
 * layout measurements (positions, overflow, computed styles) live here so every page measures the same way.
 */
abstract class SitePage {
    protected final Browser browser;
    protected final WebDriver driver;

    protected SitePage(Browser browser) {
        this.browser = browser;
        this.driver = browser.driver();
        browser.waiting().until(d -> "complete".equals(browser.js("return document.readyState;"))
                && !d.findElements(By.tagName("main")).isEmpty());
    }

    public WebElement skipLink() {
        return driver.findElement(By.cssSelector("body > a.skip-link"));
    }

    public WebElement main() {
        return driver.findElement(By.tagName("main"));
    }

    public WebElement sectionsNav() {
        return driver.findElement(By.cssSelector("nav[aria-label='Sections']"));
    }

    public List<WebElement> sectionLinks() {
        return sectionsNav().findElements(By.tagName("a"));
    }

    public List<WebElement> h1s() {
        return driver.findElements(By.tagName("h1"));
    }

    /** The element the keyboard is on. */
    public WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** How far the page reaches past the right edge of the viewport, in CSS pixels; 0 when nothing overflows. */
    public int horizontalOverflow() {
        Number over = (Number) browser.js("return document.documentElement.scrollWidth - window.innerWidth;");
        return Math.max(0, over.intValue());
    }

    /** The widest elements that stick out past the viewport's right edge, for a failure message. */
    @SuppressWarnings("unchecked")
    public List<String> overflowingElements() {
        return (List<String>) browser.js("""
                const w = window.innerWidth;
                return [...document.querySelectorAll('body *')]
                  .filter(e => e.getBoundingClientRect().right > w + 0.5)
                  .slice(0, 8)
                  .map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).replace(/ +/g, '.') : '')
                            + ' right=' + Math.round(e.getBoundingClientRect().right));""");
    }

    /** The computed style properties that set how text looks. */
    @SuppressWarnings("unchecked")
    public Map<String, String> textStyle(WebElement element) {
        return (Map<String, String>) browser.js("""
                const s = getComputedStyle(arguments[0]);
                return {fontFamily: s.fontFamily, fontSize: s.fontSize, fontWeight: s.fontWeight, fontStyle: s.fontStyle,
                        textTransform: s.textTransform, letterSpacing: s.letterSpacing, color: s.color};""", element);
    }

    public double fontSizePx(WebElement element) {
        return ((Number) browser.js("return parseFloat(getComputedStyle(arguments[0]).fontSize);", element)).doubleValue();
    }

    /** Whether the element is drawn with a focus outline, as {@code :focus-visible} should give it. */
    public boolean showsFocus(WebElement element) {
        return (Boolean) browser.js("""
                const s = getComputedStyle(arguments[0]);
                return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;""", element);
    }

    /** Whether the element lies wholly inside the viewport as the page is scrolled now. */
    public boolean inViewport(WebElement element) {
        return (Boolean) browser.js("""
                const r = arguments[0].getBoundingClientRect();
                return r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0
                    && r.bottom <= window.innerHeight && r.right <= window.innerWidth;""", element);
    }

    /** Presses a key as a keyboard user would, on whatever has the focus. */
    public void press(CharSequence key) {
        new Actions(driver).sendKeys(key).perform();
    }

    /** Whether at least part of the element is inside the viewport as the page is scrolled now. */
    public boolean partlyInViewport(WebElement element) {
        return (Boolean) browser.js("""
                const r = arguments[0].getBoundingClientRect();
                return r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0
                    && r.top < window.innerHeight && r.left < window.innerWidth;""", element);
    }

    /** Clicks a link and waits until the browser has left this page. */
    protected void follow(WebElement link) {
        leave(link::click);
    }

    /** Presses a key on the focused link and waits until the browser has left this page. */
    protected void followWithKey(CharSequence key) {
        leave(() -> press(key));
    }

    private void leave(Runnable action) {
        WebElement html = driver.findElement(By.tagName("html"));
        action.run();
        browser.waiting().until(Browser.gone(html));
    }
}
