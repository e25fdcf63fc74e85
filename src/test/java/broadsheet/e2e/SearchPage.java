package broadsheet.e2e;

import broadsheet.testing.Browser;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The search page: its count, its results' headlines, and the filters form. Asserts nothing itself. */
final class SearchPage extends SitePage {
    private SearchPage(Browser browser) {
        super(browser);
    }

    /** The page the browser is on now, reached by submitting a search form. */
    static SearchPage current(Browser browser) {
        return new SearchPage(browser);
    }

    public String count() {
        return main().findElement(By.cssSelector(".search-count")).getText();
    }

    public List<String> headlines() {
        return main().findElements(By.cssSelector(".search-headline a")).stream().map(WebElement::getText).toList();
    }

    public List<String> filtersInUse() {
        return main().findElements(By.cssSelector(".search-chips li")).stream().map(WebElement::getText).toList();
    }

    /** Chooses a section in the filters and applies them; the page that answers. */
    public SearchPage narrowToSection(String name) {
        new Select(main().findElement(By.id("section"))).selectByVisibleText(name);
        WebElement apply = main().findElement(By.cssSelector(".search-filters-form button[type=submit]"));
        follow(apply);
        return current(browser);
    }
}
