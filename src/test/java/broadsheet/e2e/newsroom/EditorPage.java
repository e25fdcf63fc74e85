package broadsheet.e2e.newsroom;

import broadsheet.testing.Browser;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The article editor, new or existing: the fields as a journalist fills them, the kind of change and the
 * note for a published article, and the workflow buttons. Each button saves the form and loads the next page.
 */
public final class EditorPage extends NewsroomPage {
    private EditorPage(Browser browser) {
        super(browser);
    }

    public static EditorPage open(Browser browser, String url) {
        browser.driver().get(url);
        return new EditorPage(browser);
    }

    public static EditorPage current(Browser browser) {
        return new EditorPage(browser);
    }

    public EditorPage headline(String text) {
        type(field("headline"), text);
        return this;
    }

    public EditorPage standfirst(String text) {
        type(field("standfirst"), text);
        return this;
    }

    public EditorPage body(String markdown) {
        type(field("body"), markdown);
        return this;
    }

    /** The section, by the name shown in the list. */
    public EditorPage section(String name) {
        new Select(field("section")).selectByVisibleText(name);
        return this;
    }

    /** Topics in order, one per line as the field asks. */
    public EditorPage topics(String... names) {
        type(field("topics"), String.join("\n", names));
        return this;
    }

    /** The lead picture by its number in the media library. */
    public EditorPage leadPicture(long id) {
        type(field("leadImageId"), String.valueOf(id));
        return this;
    }

    /** For a published article: what kind of change this is ("minor", "update", "correction", "clarification"). */
    public EditorPage change(String kind) {
        field("change-" + kind).click();
        return this;
    }

    public EditorPage note(String text) {
        type(field("note"), text);
        return this;
    }

    /** "Save draft" on a new article, "Save" on an existing one. */
    public EditorPage save() {
        submit(button("Save draft", "Save"));
        return new EditorPage(browser);
    }

    /** Saves when someone else saved first: the conflict screen. */
    public ConflictPage saveExpectingConflict() {
        submit(button("Save"));
        return ConflictPage.current(browser);
    }

    public EditorPage submitForReview() {
        submit(button("Submit for review"));
        return new EditorPage(browser);
    }

    public EditorPage publish() {
        submit(button("Publish now"));
        return new EditorPage(browser);
    }

    /** The labels of the buttons this person may use here. */
    public List<String> buttons() {
        return driver.findElements(By.cssSelector(".nr-actions button")).stream().map(WebElement::getText).toList();
    }

    /** The article's status word ("draft", "submitted", "published"). */
    public String status() {
        return driver.findElement(By.cssSelector(".nr-article-links .nr-status")).getText();
    }

    /** The public address of a published article, from its "View on the site" link. */
    public String publicPath() {
        return driver.findElement(By.linkText("View on the site")).getDomAttribute("href");
    }

    /** What the field now holds. */
    public String value(String id) {
        return field(id).getDomProperty("value");
    }

    /** The article's number, from the address. */
    public long id() {
        return Long.parseLong(path().replaceAll("^/newsroom/articles/(\\d+).*$", "$1"));
    }

    /** The warning shown while there are no sections, or an empty string. */
    public String noSections() {
        List<WebElement> warning = driver.findElements(By.id("no-sections"));
        return warning.isEmpty() ? "" : warning.get(0).getText();
    }

    /** Follows the warning's "Create a section first" link. */
    public SectionsPage createASectionFirst() {
        submit(driver.findElement(By.id("no-sections")).findElement(By.linkText("Create a section first")));
        return SectionsPage.current(browser);
    }

    public List<String> problems() {
        return driver.findElements(By.cssSelector("main .nr-error, main .nr-field-error")).stream().map(WebElement::getText).toList();
    }

    /** The headline field's height, and the height its lines need: equal when every line shows. */
    public List<Long> headlineHeights() {
        @SuppressWarnings("unchecked")
        List<Long> heights = (List<Long>) browser.js("const h = document.getElementById('headline');"
                + " return [h.clientHeight, h.scrollHeight, Math.round(parseFloat(getComputedStyle(h).lineHeight))];");
        return heights;
    }

    /** Presses keys in the headline field, as a person typing. */
    public EditorPage typeInHeadline(CharSequence... keys) {
        field("headline").sendKeys(keys);
        return this;
    }

    /** Scrolls the window until the foot of the body field is at the foot of the window, as when writing its end. */
    public EditorPage scrollToTheEndOfTheBody() {
        browser.js("document.getElementById('body').scrollIntoView({block: 'end'});");
        return this;
    }

    /**
     * Whether the Save/Publish bar is on screen and nothing covers its first button: the button is what the browser
     * finds at that button's middle, and the bar lies within the window.
     */
    public boolean saveBarInView() {
        return (Boolean) browser.js("""
                const bar = document.querySelector('form#editor > .nr-actions');
                const r = bar.getBoundingClientRect();
                const b = bar.querySelector('button').getBoundingClientRect();
                const hit = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
                return r.top >= 0 && r.bottom <= window.innerHeight + 0.5 && hit === bar.querySelector('button');""");
    }

    /** The page shown in the preview frame: its document, for as long as the driver looks into the frame. */
    public PreviewFrame preview() {
        WebElement frame = driver.findElement(By.cssSelector("#body-preview iframe"));
        browser.waiting().until(d -> Boolean.TRUE.equals(browser.js(
                "const d = arguments[0].contentDocument; return !!(d && d.readyState === 'complete' && d.querySelector('.article'));", frame)));
        return new PreviewFrame(browser, frame);
    }

    /** The preview frame's page, read through the frame element (same origin) without switching the driver into it. */
    public record PreviewFrame(Browser browser, WebElement frame) {
        /** The stylesheets the framed page links. */
        @SuppressWarnings("unchecked")
        public List<String> stylesheets() {
            return (List<String>) browser.js("return [...arguments[0].contentDocument.querySelectorAll('link[rel=stylesheet]')]"
                    + ".map(l => l.getAttribute('href'));", frame);
        }

        /** The text of the first element the selector finds in the framed page, or null. */
        public String text(String selector) {
            return (String) browser.js("const e = arguments[0].contentDocument.querySelector(arguments[1]);"
                    + " return e ? e.textContent.trim() : null;", frame, selector);
        }

        /** A computed style of the first element the selector finds in the framed page. */
        public String style(String selector, String property) {
            return (String) browser.js("return getComputedStyle(arguments[0].contentDocument.querySelector(arguments[1]))"
                    + ".getPropertyValue(arguments[2]);", frame, selector, property);
        }

        public int count(String selector) {
            return ((Number) browser.js("return arguments[0].contentDocument.querySelectorAll(arguments[1]).length;", frame, selector)).intValue();
        }
    }

    /**
     * A field, scrolled to the middle of the window: the Save/Publish bar stays at the window's foot, where the
     * driver would otherwise scroll a field it clicks (a person scrolls it up into view).
     */
    private WebElement field(String id) {
        WebElement field = driver.findElement(By.id(id));
        browser.js("arguments[0].scrollIntoView({block: 'center'});", field);
        return field;
    }

    private WebElement button(String... labels) {
        List<String> wanted = List.of(labels);
        return driver.findElements(By.cssSelector("form#editor button[type='submit']")).stream()
                .filter(b -> wanted.contains(b.getText().strip())).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + wanted + " among " + buttons()));
    }
}
