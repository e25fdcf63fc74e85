package broadsheet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.article.ArticleContent;
import broadsheet.content.AccessLevel;
import broadsheet.content.CommentPolicy;
import broadsheet.importing.ArticleSource;
import broadsheet.importing.ImageSource;
import broadsheet.testing.Browser;
import broadsheet.testing.Browser.Viewport;
import broadsheet.testing.Fixtures;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.awt.Color;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The home page in a real browser: the newest story leads, the skip link and the section navigation work
 * from the keyboard, headlines open their articles, and a 360 px phone scrolls only downwards. A small
 * newsroom (six sections, some stories with pictures) is imported once for the class: the tests only read.
 */
class FrontPageE2E {
    private static final String LEAD = "Ferry crews vote to return to work as harbour talks resume";
    private static final String POLITICS = "Budget vote delayed after late-night committee row";
    private static final List<String> NAVIGATION = List.of("Home", "World news", "Politics", "Business", "Sport", "Opinion", "Culture");

    /** The browser first: without chromium the class is skipped before a server is started for it. */
    @RegisterExtension
    @Order(1)
    static final Browser browser = new Browser();
    @RegisterExtension
    @Order(2)
    static final TestApp app = new TestApp();

    @BeforeAll
    static void importNewsroom() {
        var fixtures = new Fixtures(app.dataDir());
        fixtures.store(TestApp.NOW,
                story(LEAD, "world-news", 1, Fixtures.picture("Crews on the quay", new Color(0x1d3557), new Color(0xe9c46a))),
                story("Coastal towns count the cost of the winter storms", "world-news", 2, null),
                story(POLITICS, "politics", 3, Fixtures.picture("The committee room", new Color(0x6d597a), new Color(0xeaac8b))),
                story("Ministers promise a decision on rail fares by spring", "politics", 9, null),
                story("Shipping insurers raise premiums for the strait", "business", 4, null),
                story("Harbour town keeps its cup hopes alive in the rain", "sport", 5, null),
                story("The strait needs one dredging fund, not two", "opinion", 6, null),
                story("A winter of concerts in the old customs house", "culture", 7,
                        Fixtures.picture("The customs house", new Color(0x2a9d8f), new Color(0xf4a261))));
        fixtures.many(6, "business", TestApp.NOW.minus(Duration.ofHours(10)));
    }

    @AfterAll
    static void clean() {
        if (app.app() != null) TestDatabase.clean();
    }

    private static ArticleSource story(String headline, String section, int hoursAgo, ImageSource picture) {
        ArticleContent content = ArticleContent.builder().headline(headline)
                .standfirst("What happened, in a sentence: " + headline.toLowerCase() + ".").section(section)
                .bylines(List.of("Jane Reporter")).topics(List.of("Test topic")).body("First paragraph of the story.\n\nSecond paragraph.")
                .access(AccessLevel.FREE).comments(CommentPolicy.OPEN).build();
        return new ArticleSource("test:" + headline, content, TestApp.NOW.minus(Duration.ofHours(hoursAgo)), null, picture, Map.of());
    }

    private static FrontPage open(Viewport viewport) {
        browser.resize(viewport);
        return FrontPage.open(browser, app.url("/"));
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void theNewestStoryLeadsThePage(Viewport viewport) {
        FrontPage page = open(viewport);
        WebElement lead = page.leadStory();

        assertThat(page.stories().get(0)).as("the lead is the first story on the page").isEqualTo(lead);
        assertThat(page.headlineLink(lead).getText()).isEqualTo(LEAD);
        int leadTop = lead.getRect().getY();
        // (a phone shows fewer of each section's headlines: the others are not displayed, so they have no place)
        assertThat(page.stories()).filteredOn(WebElement::isDisplayed)
                .allSatisfy(s -> assertThat(s.getRect().getY()).isGreaterThanOrEqualTo(leadTop));
        WebElement picture = page.picture(lead);
        assertThat((Boolean) browser.js("return arguments[0].complete && arguments[0].naturalWidth > 0;", picture))
                .as("lead picture loaded").isTrue();
        assertThat(picture.getRect().getWidth()).isLessThanOrEqualTo(viewport.width);
        assertThat(page.h1s()).hasSize(1);
    }

    /**
     * Until the serif arrives, text is set in a local serif scaled to its widths (site.css), roman and italic alike, so
     * that nothing moves when the font swaps in: a line of each is as wide in the fallback as in the font, within 2%.
     */
    @ParameterizedTest
    @ValueSource(strings = {"normal", "italic"})
    void theLocalFallbackSetsALineAsWideAsTheSiteSerif(String style) {
        open(Viewport.PHONE);
        String text = "Independent journalism for the harbour towns, every morning since the first tide table";
        String shorthand = style + " 400 20px \"Broadsheet Serif\"";
        browser.js("document.fonts.load(arguments[0], arguments[1]);", shorthand, text);
        browser.waiting().until(d -> Boolean.TRUE.equals(browser.js(
                "return document.fonts.check(arguments[0], arguments[1]) && [...document.fonts].some(f => f.status === 'loaded'"
                        + " && f.style === arguments[2]);", shorthand, text, style)));

        List<?> widths = (List<?>) browser.js("""
                const [style, text] = arguments;
                const serif = getComputedStyle(document.documentElement).getPropertyValue('--serif');
                const span = document.createElement('span');
                span.textContent = text;
                span.style.cssText = 'position: absolute; white-space: nowrap; font-size: 20px; font-weight: 400; font-style: ' + style;
                document.body.append(span);
                span.style.fontFamily = '"Broadsheet Serif"';
                const font = span.getBoundingClientRect().width;
                span.style.fontFamily = serif.substring(serif.indexOf(',') + 1);
                const local = span.getBoundingClientRect().width;
                span.remove();
                return [font, local];
                """, style, text);
        double font = ((Number) widths.get(0)).doubleValue();
        double local = ((Number) widths.get(1)).doubleValue();

        assertThat(local / font).as("%s: %s px in the fallback, %s px in the font", style, local, font).isBetween(0.98, 1.02);
    }

    @Test
    void theSkipLinkIsTheFirstTabStopAndMovesTheFocusToTheMainContent() {
        FrontPage page = open(Viewport.DESKTOP);
        WebElement skip = page.skipLink();
        assertThat(page.inViewport(skip)).as("skip link hidden until focused").isFalse();

        page.press(Keys.TAB);
        assertThat(page.focused()).isEqualTo(skip);
        assertThat(skip.getText()).isEqualTo("Skip to content");
        assertThat(page.inViewport(skip)).as("skip link shown when focused").isTrue();
        assertThat(page.showsFocus(skip)).as("skip link has a focus outline").isTrue();

        page.press(Keys.ENTER);
        browser.waiting().until(d -> page.focused().equals(page.main()));
        page.press(Keys.TAB);
        assertThat(page.focused()).as("the next stop is the lead story, past the navigation")
                .isEqualTo(page.headlineLink(page.leadStory()));
    }

    @ParameterizedTest
    @EnumSource(value = Viewport.class, names = {"DESKTOP", "SMALL_PHONE"})
    void everySectionCanBeReachedFromTheKeyboard(Viewport viewport) {
        FrontPage page = open(viewport);
        List<WebElement> links = page.sectionLinks();
        assertThat(links).extracting(WebElement::getText).containsExactlyInAnyOrderElementsOf(NAVIGATION);

        // past the skip link, the search box and its button, the account link and the paper's name
        for (int i = 0; i < 7 && !links.contains(page.focused()); i++) page.press(Keys.TAB);
        assertThat(page.focused()).as("Tab reaches the section navigation").isEqualTo(links.get(0));
        for (WebElement link : links.subList(1, links.size())) {
            page.press(Keys.TAB);
            assertThat(page.focused()).isEqualTo(link);
            // WCAG 2.2 2.4.11 (AA): the focused link is not entirely hidden. On a narrow screen the last one may
            // stay partly outside the scrolling navigation: browsers deliberately do not scroll a partly
            // visible element sideways when it takes the focus.
            assertThat(page.partlyInViewport(link)).as("%s is brought into view when focused", link.getText()).isTrue();
            assertThat(page.showsFocus(link)).as("%s shows the focus", link.getText()).isTrue();
        }
        String last = page.focused().getText();

        ListingPage section = page.openFocusedSection();

        assertThat(section.heading().getText()).isEqualTo(last);
        assertThat(section.headlines()).isNotEmpty();
        assertThat(section.horizontalOverflow()).as("overflowing: %s", section.overflowingElements()).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = Viewport.class, names = {"DESKTOP", "SMALL_PHONE"})
    void clickingTheLeadHeadlineOpensTheArticle(Viewport viewport) {
        FrontPage page = open(viewport);

        ArticlePage article = page.openStory(page.headlineLink(page.leadStory()));

        assertThat(browser.driver().getCurrentUrl()).startsWith(app.url("/world-news/2025/12/07/"));
        assertThat(article.headline().getText()).isEqualTo(LEAD);
        assertThat(article.pictureLoaded(article.leadPicture())).isTrue();
    }

    @Test
    void clickingAHeadlineInASectionBlockOpensTheArticle() {
        FrontPage page = open(Viewport.DESKTOP);
        WebElement business = page.sectionBlock("Business");
        WebElement link = page.headlineLink(business);
        String headline = link.getText();

        ArticlePage article = page.openStory(link);

        assertThat(browser.driver().getCurrentUrl()).contains("/business/2025/12/");
        assertThat(article.headline().getText()).isEqualTo(headline);
    }

    @ParameterizedTest
    @EnumSource(value = Viewport.class, names = {"PHONE", "SMALL_PHONE"})
    void onAPhoneNothingOverflowsSideways(Viewport viewport) {
        FrontPage page = open(viewport);

        assertThat(page.horizontalOverflow()).as("overflowing: %s", page.overflowingElements()).isZero();
        for (WebElement story : page.stories()) {
            assertThat(story.getRect().getX() + story.getRect().getWidth()).isLessThanOrEqualTo(viewport.width);
        }
    }
}
