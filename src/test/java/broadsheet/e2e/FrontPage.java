package broadsheet.e2e;

import broadsheet.testing.Browser;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The home page: the lead story, the other top stories beside it, then a block of the latest stories for
 * each section. Finds elements by the template's landmarks and class names; asserts nothing itself.
 */
final class FrontPage extends SitePage {
    private FrontPage(Browser browser) {
        super(browser);
    }

    static FrontPage open(Browser browser, String url) {
        browser.driver().get(url);
        return new FrontPage(browser);
    }

    /** Every story card on the page, in document order. */
    public List<WebElement> stories() {
        return main().findElements(By.cssSelector("article.card"));
    }

    public WebElement leadStory() {
        return main().findElement(By.cssSelector(".front-top article.card-lead"));
    }

    /** The headline link of a story card, or of the first story in a block of them. */
    public WebElement headlineLink(WebElement storyOrBlock) {
        return storyOrBlock.findElement(By.cssSelector(".card-headline a"));
    }

    public WebElement picture(WebElement story) {
        return story.findElement(By.cssSelector(".card-picture img"));
    }

    /** The block of latest stories for one section, found by its heading. */
    public WebElement sectionBlock(String sectionName) {
        return main().findElements(By.cssSelector("section.front-section")).stream()
                .filter(s -> s.findElement(By.cssSelector("h2.section-heading")).getText().equalsIgnoreCase(sectionName))
                .findFirst().orElseThrow(() -> new AssertionError("no block for section " + sectionName));
    }

    public ArticlePage openStory(WebElement headlineLink) {
        follow(headlineLink);
        return ArticlePage.current(browser);
    }

    /** Presses Enter on the focused section link, as a keyboard user opens it. */
    public ListingPage openFocusedSection() {
        followWithKey(Keys.ENTER);
        return ListingPage.current(browser);
    }
}
