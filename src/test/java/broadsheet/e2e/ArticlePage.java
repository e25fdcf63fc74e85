package broadsheet.e2e;

import broadsheet.testing.Browser;
import java.util.Arrays;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The article page as a reader meets it: the header (kicker, headline, standfirst, byline, dateline,
 * topics), the lead picture with its caption and credit, and the body's parts. Finds elements by the
 * template's landmarks and class names; asserts nothing itself.
 */
final class ArticlePage extends SitePage {
    private ArticlePage(Browser browser) {
        super(browser);
    }

    static ArticlePage open(Browser browser, String url) {
        browser.driver().get(url);
        return new ArticlePage(browser);
    }

    /** The page the browser is on now, reached by following a link. */
    static ArticlePage current(Browser browser) {
        return new ArticlePage(browser);
    }

    private WebElement header() {
        return main().findElement(By.cssSelector("article > header"));
    }

    /** The byline block: byline, dateline and comment count between two rules. */
    public WebElement meta() {
        return header().findElement(By.cssSelector(".article-meta"));
    }

    public WebElement kicker() {
        return header().findElement(By.cssSelector(".kicker"));
    }

    public WebElement headline() {
        return header().findElement(By.tagName("h1"));
    }

    public WebElement standfirst() {
        return header().findElement(By.cssSelector(".standfirst"));
    }

    public WebElement byline() {
        return header().findElement(By.cssSelector(".byline"));
    }

    public List<WebElement> bylineLinks() {
        return byline().findElements(By.cssSelector("a[rel='author']"));
    }

    public WebElement dateline() {
        return header().findElement(By.cssSelector(".dateline time"));
    }

    public WebElement topicsNav() {
        return main().findElement(By.cssSelector(".article-end nav[aria-label='Related topics']"));
    }

    public List<WebElement> topicLinks() {
        return topicsNav().findElements(By.tagName("a"));
    }

    public WebElement leadFigure() {
        return main().findElement(By.cssSelector("figure.lead-picture"));
    }

    public WebElement leadPicture() {
        return leadFigure().findElement(By.tagName("img"));
    }

    public WebElement caption() {
        return leadFigure().findElement(By.tagName("figcaption"));
    }

    public WebElement credit() {
        return caption().findElement(By.cssSelector(".credit"));
    }

    /** The "What changed" list at the foot: updates, corrections and clarifications, oldest first. */
    public List<WebElement> changes() {
        return main().findElements(By.cssSelector("section.article-changes li"));
    }

    /** "First published ..." at the foot of an updated article. */
    public WebElement firstPublished() {
        return main().findElement(By.cssSelector(".published-note"));
    }

    public WebElement body() {
        return main().findElement(By.cssSelector(".article-body"));
    }

    public List<WebElement> bodyParagraphs() {
        return body().findElements(By.xpath("./p"));
    }

    public List<WebElement> subheads() {
        return body().findElements(By.tagName("h2"));
    }

    public WebElement quote() {
        return body().findElement(By.cssSelector("figure.quote > blockquote"));
    }

    public WebElement quoteAttribution() {
        return body().findElement(By.cssSelector("figure.quote > figcaption"));
    }

    public WebElement pullQuote() {
        return body().findElement(By.cssSelector("aside.pull-quote"));
    }

    public List<WebElement> listItems() {
        return body().findElements(By.cssSelector("ul > li"));
    }

    public WebElement inlinePicture() {
        return body().findElement(By.cssSelector("figure.picture img"));
    }

    public WebElement inlineCaption() {
        return body().findElement(By.cssSelector("figure.picture > figcaption"));
    }

    /** Scrolls a picture into view and waits until it has loaded, since body pictures load lazily. */
    public WebElement loaded(WebElement picture) {
        browser.js("arguments[0].scrollIntoView({block: 'center'});", picture);
        browser.waiting().until(d -> pictureLoaded(picture));
        return picture;
    }

    public boolean pictureLoaded(WebElement picture) {
        return (Boolean) browser.js("return arguments[0].complete && arguments[0].naturalWidth > 0;", picture);
    }

    /** The address of the file the browser chose to show. */
    public String currentSrc(WebElement picture) {
        return (String) browser.js("return arguments[0].currentSrc;", picture);
    }

    /** Every candidate in the picture's {@code srcset}s (WebP source and JPEG img), as "url width" pairs. */
    public List<String> srcsetCandidates(WebElement picture) {
        String all = (String) browser.js("""
                const img = arguments[0];
                const sources = img.parentElement.tagName === 'PICTURE'
                    ? [...img.parentElement.querySelectorAll('source')].map(s => s.srcset) : [];
                return [...sources, img.srcset].join(', ');""", picture);
        return Arrays.stream(all.split(",\\s*")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public ListingPage followTopic(WebElement topic) {
        follow(topic);
        return ListingPage.current(browser);
    }

    public ListingPage followByline(WebElement byline) {
        follow(byline);
        return ListingPage.current(browser);
    }
}
