package broadsheet.e2e.newsroom;

import broadsheet.testing.Browser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The screen shown when someone else saved an article first: the fields that differ, theirs beside
 * yours, and your version kept in a form to save over theirs or throw away.
 */
public final class ConflictPage extends NewsroomPage {
    private ConflictPage(Browser browser) {
        super(browser);
    }

    public static ConflictPage current(Browser browser) {
        return new ConflictPage(browser);
    }

    /** Each differing field's label, with the saved text and yours. */
    public Map<String, List<String>> differences() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (WebElement row : driver.findElements(By.cssSelector("table.nr-diff tbody tr"))) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            out.put(row.findElement(By.tagName("th")).getText(), List.of(cells.get(0).getText(), cells.get(1).getText()));
        }
        return out;
    }

    /** The text of a field of your version in the form ("headline", "standfirst", "body"). */
    public String yours(String field) {
        return driver.findElement(By.cssSelector("form.nr-conflict-form #" + field)).getDomProperty("value");
    }

    public EditorPage saveMineOverTheirs() {
        submit(driver.findElement(By.cssSelector("form.nr-conflict-form button[type='submit']")));
        return EditorPage.current(browser);
    }

    public EditorPage discardMine() {
        submit(driver.findElement(By.linkText("Discard mine and open the saved version")));
        return EditorPage.current(browser);
    }
}
