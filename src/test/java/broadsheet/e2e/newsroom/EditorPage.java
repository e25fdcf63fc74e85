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

    private WebElement field(String id) {
        return driver.findElement(By.id(id));
    }

    private WebElement button(String... labels) {
        List<String> wanted = List.of(labels);
        return driver.findElements(By.cssSelector("form#editor button[type='submit']")).stream()
                .filter(b -> wanted.contains(b.getText().strip())).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + wanted + " among " + buttons()));
    }
}
