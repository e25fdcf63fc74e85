package broadsheet.e2e.newsroom;

import broadsheet.testing.Browser;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The newsroom's sections at {@code /newsroom/sections/}: the table of sections in navigation order, each
 * row's Edit and Move buttons, and the form for a new section below it.
 */
public final class SectionsPage extends NewsroomPage {
    private SectionsPage(Browser browser) {
        super(browser);
    }

    public static SectionsPage open(Browser browser, String url) {
        browser.driver().get(url);
        return new SectionsPage(browser);
    }

    public static SectionsPage current(Browser browser) {
        return new SectionsPage(browser);
    }

    /** The section names in the order of the site's navigation. */
    public List<String> names() {
        return driver.findElements(By.cssSelector("table.nr-table tbody th")).stream().map(WebElement::getText).toList();
    }

    /** The line shown instead of the table when there are no sections, or an empty string. */
    public String empty() {
        List<WebElement> lines = driver.findElements(By.cssSelector("main .nr-empty"));
        return lines.isEmpty() ? "" : lines.get(0).getText();
    }

    /** Fills in the new-section form (an empty slug is made from the name) and sends it. */
    public SectionsPage create(String name, String slug, String description) {
        type(driver.findElement(By.id("name")), name);
        type(driver.findElement(By.id("slug")), slug);
        type(driver.findElement(By.id("description")), description);
        submit(driver.findElement(By.xpath("//main//button[normalize-space()='Create the section']")));
        return new SectionsPage(browser);
    }

    /** Presses a row's "Move up" or "Move down" button. */
    public SectionsPage move(String name, String direction) {
        submit(row(name).findElement(By.xpath(".//button[starts-with(normalize-space(), 'Move " + direction + "')]")));
        return new SectionsPage(browser);
    }

    /** The public address shown for a section ("/business/"). */
    public String address(String name) {
        return row(name).findElement(By.cssSelector("td a")).getText();
    }

    /** Goes to write an article, from the newsroom's navigation. */
    public EditorPage newArticle() {
        submit(driver.findElement(By.cssSelector("nav.nr-nav a[href='/newsroom/articles/new']")));
        return EditorPage.current(browser);
    }

    private WebElement row(String name) {
        return driver.findElements(By.cssSelector("table.nr-table tbody tr")).stream()
                .filter(r -> r.findElement(By.tagName("th")).getText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no section \"" + name + "\" in the list: " + names()));
    }
}
