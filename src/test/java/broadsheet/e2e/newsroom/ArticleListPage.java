package broadsheet.e2e.newsroom;

import broadsheet.testing.Browser;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The newsroom's article list at {@code /newsroom/}: the status tabs, the filters and the table of articles. */
public final class ArticleListPage extends NewsroomPage {
    private ArticleListPage(Browser browser) {
        super(browser);
    }

    public static ArticleListPage open(Browser browser, String url) {
        browser.driver().get(url);
        return new ArticleListPage(browser);
    }

    public static ArticleListPage current(Browser browser) {
        return new ArticleListPage(browser);
    }

    /** Shows only articles with this status ("submitted"), as the status tabs do. */
    public ArticleListPage filterByStatus(String status) {
        submit(statusTabs().findElement(By.cssSelector("a[href='/newsroom/?status=" + status + "']")));
        return new ArticleListPage(browser);
    }

    /** The tab marked as the current one ("Submitted 1"). */
    public String currentTab() {
        return statusTabs().findElement(By.cssSelector("a[aria-current='page']")).getText();
    }

    public List<String> headlines() {
        return headlineLinks().stream().map(WebElement::getText).toList();
    }

    /** The status shown in the row of the article with this headline. */
    public String statusOf(String headline) {
        return row(headline).findElement(By.cssSelector(".nr-status")).getText();
    }

    public EditorPage open(String headline) {
        submit(headlineLinks().stream().filter(a -> a.getText().equals(headline)).findFirst()
                .orElseThrow(() -> new AssertionError("no article \"" + headline + "\" in the list: " + headlines())));
        return EditorPage.current(browser);
    }

    public EditorPage newArticle() {
        submit(driver.findElement(By.cssSelector("main .nr-title-row a.nr-button")));
        return EditorPage.current(browser);
    }

    private WebElement statusTabs() {
        return driver.findElement(By.cssSelector("nav[aria-label='Status']"));
    }

    private List<WebElement> headlineLinks() {
        return driver.findElements(By.cssSelector("table.nr-table tbody tr td:first-child > a:first-child"));
    }

    private WebElement row(String headline) {
        return driver.findElements(By.cssSelector("table.nr-table tbody tr")).stream()
                .filter(r -> r.findElement(By.cssSelector("td:first-child > a")).getText().equals(headline)).findFirst()
                .orElseThrow(() -> new AssertionError("no article \"" + headline + "\" in the list"));
    }
}
