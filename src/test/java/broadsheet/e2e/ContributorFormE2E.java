package broadsheet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.shared.AuditLog;
import broadsheet.shared.StaffRole;
import broadsheet.contributor.ContributorStore;
import broadsheet.media.MediaLibrary;
import broadsheet.media.Uploads;
import broadsheet.storage.LocalBlobStore;
import broadsheet.e2e.newsroom.SignInPage;
import broadsheet.testing.Browser;
import broadsheet.testing.Fixtures;
import broadsheet.testing.Newsroom;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.awt.Color;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The contributor form's picture in a real browser: the media library's picker (the editor's, shared) fills
 * the picture number and shows the thumbnail, "No picture" empties it, and saving keeps either.
 */
@ExtendWith(TestDatabase.class)
class ContributorFormE2E {
    /** The browser first: without chromium the class is skipped before a server is started for it. */
    @RegisterExtension
    @Order(1)
    static final Browser browser = new Browser();
    @RegisterExtension
    @Order(2)
    static final TestApp app = new TestApp();

    @Test
    void thePickerChoosesTheirPictureAndNoPictureTakesItAway() {
        WebDriver driver = browser.driver();
        Newsroom.staff(StaffRole.EDITOR, "edna@test.example", "Edna Editor");
        var uploads = new Uploads(TestDatabase.jdbi(), new MediaLibrary(new LocalBlobStore(app.dataDir().resolve("media"))), 10 << 20);
        long picture = uploads.add(Fixtures.jpeg(600, 600, Color.BLUE, Color.ORANGE), new MediaLibrary.Words("Jane at her desk", "", ""),
                AuditLog.Actor.system("test"), "jane.jpg", TestApp.NOW);
        long jane = TestDatabase.jdbi().withHandle(h -> ContributorStore.create(h, "Jane Smith", false, "", ""));
        SignInPage.open(browser, app.url("/newsroom/login")).signInAs("edna@test.example", Newsroom.PASSWORD);

        driver.get(app.url("/newsroom/contributors/" + jane));
        driver.findElement(By.xpath("//button[normalize-space()='Choose from the library']")).click();
        WebElement item = browser.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector(".nr-picker-item")));
        assertThat(item.getText()).isEqualTo("No. " + picture + " · Jane at her desk");
        item.click();

        assertThat(driver.findElement(By.id("picture")).getDomProperty("value")).isEqualTo(String.valueOf(picture));
        assertThat(driver.findElement(By.cssSelector(".nr-contributor-picture .nr-thumb")).getAttribute("src")).contains("/media/");
        save(driver);
        assertThat(pictureOf(jane)).isEqualTo(picture);
        assertThat(driver.findElement(By.cssSelector(".nr-contributor-picture .nr-thumb")).isDisplayed()).isTrue();

        driver.findElement(By.xpath("//button[normalize-space()='No picture']")).click();
        assertThat(driver.findElement(By.id("picture")).getDomProperty("value")).isEmpty();
        assertThat(driver.findElement(By.cssSelector(".nr-contributor-picture .nr-thumb")).isDisplayed()).isFalse();
        save(driver);
        assertThat(pictureOf(jane)).isNull();
        assertThat(driver.findElements(By.cssSelector(".nr-contributor-picture .nr-thumb"))).isEmpty();
    }

    /** Saves the form and waits for the page that answers it: a new page with the "saved" notice. */
    private static void save(WebDriver driver) {
        WebElement before = driver.findElement(By.tagName("html"));
        driver.findElement(By.xpath("//button[normalize-space()='Save']")).click();
        browser.waiting().until(Browser.gone(before));
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main p.nr-notice[role='status']")));
        browser.awaitLoaded();
    }

    private static Long pictureOf(long id) {
        return new ContributorStore(TestDatabase.jdbi()).byId(id).orElseThrow().pictureId();
    }
}
