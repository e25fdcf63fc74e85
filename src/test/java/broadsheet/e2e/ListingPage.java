package broadsheet.e2e;

import broadsheet.testing.Browser;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A listing of stories: a section, topic or contributor page. Its heading names what is listed; its
 * story cards link to the articles. Asserts nothing itself.
 */
final class ListingPage extends SitePage {
    private ListingPage(Browser browser) {
        super(browser);
    }

    /** The page the browser is on now, reached by following a link. */
    static ListingPage current(Browser browser) {
        return new ListingPage(browser);
    }

    public WebElement heading() {
        return main().findElement(By.cssSelector(".listing-header h1"));
    }

    public List<WebElement> headlineLinks() {
        return main().findElements(By.cssSelector(".listing-page .card-headline a"));
    }

    public List<String> headlines() {
        return headlineLinks().stream().map(WebElement::getText).toList();
    }

    public ArticlePage openStory(WebElement headlineLink) {
        follow(headlineLink);
        return ArticlePage.current(browser);
    }
}
