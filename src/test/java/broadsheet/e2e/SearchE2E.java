package broadsheet.e2e;

import static broadsheet.testing.Fixtures.story;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.Browser;
import broadsheet.testing.Browser.Viewport;
import broadsheet.testing.Fixtures;
import broadsheet.testing.Html;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Searching in a real browser: a reader types in the header's search box on the home page, submits with Enter, sees
 * the results, and narrows them to a section with the filters form; on a 360 px phone too, where nothing may overflow.
 */
class SearchE2E {
    @RegisterExtension
    @Order(1)
    static final Browser browser = new Browser();
    @RegisterExtension
    @Order(2)
    static final TestApp app = new TestApp();

    @BeforeAll
    static void storeAndIndex() {
        new Fixtures(app.dataDir()).store(TestApp.NOW,
                story("Ferry crews vote to return to work").section("world-news").body("The ferry strike ended.\n\nCrews voted.").build(),
                story("Ferry fares to rise in spring").section("business").body("Ferry fares go up.\n\nOperators blame fuel.").build(),
                story("Harbour town wins the cup").section("sport").body("A famous win.\n\nThe town celebrated.").build());
        // the index takes the stories in a moment after they are stored: wait for both ferry stories to be found
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (Html.json(app.get("/api/v1/search?q=ferry").body()).path("total").asLong() < 2) {
            assertThat(System.nanoTime()).as("the index taking in the stories").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    @AfterAll
    static void clean() {
        if (app.app() != null) TestDatabase.clean();
    }

    @ParameterizedTest
    @EnumSource(value = Viewport.class, names = {"DESKTOP", "SMALL_PHONE"})
    void aReaderSearchesFromTheHeaderAndNarrowsToASection(Viewport viewport) {
        browser.resize(viewport);
        FrontPage home = FrontPage.open(browser, app.url("/"));
        WebElement box = browser.driver().findElement(By.cssSelector("header form[role=search] input[name=q]"));
        assertThat(box.isDisplayed()).isTrue();
        assertThat(home.horizontalOverflow()).as("overflowing: %s", home.overflowingElements()).isZero();

        box.sendKeys("ferry");
        WebElement html = browser.driver().findElement(By.tagName("html"));
        box.sendKeys(Keys.ENTER);
        browser.waiting().until(Browser.gone(html));
        SearchPage results = SearchPage.current(browser);

        assertThat(browser.driver().getCurrentUrl()).isEqualTo(app.url("/search?q=ferry"));
        assertThat(results.count()).isEqualTo("2 results for “ferry”");
        assertThat(results.headlines()).containsExactlyInAnyOrder("Ferry crews vote to return to work", "Ferry fares to rise in spring");
        assertThat(results.horizontalOverflow()).as("overflowing: %s", results.overflowingElements()).isZero();

        SearchPage business = results.narrowToSection("Business");

        assertThat(business.headlines()).containsExactly("Ferry fares to rise in spring");
        assertThat(business.count()).isEqualTo("1 result for “ferry”");
        assertThat(business.filtersInUse()).singleElement().satisfies(t -> assertThat(t).startsWith("Section: Business"));
    }
}
