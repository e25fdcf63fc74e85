package broadsheet.e2e;

import static broadsheet.testing.Fixtures.story;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.content.AccessLevel;
import broadsheet.e2e.newsroom.SignInPage;
import broadsheet.shared.StaffRole;
import broadsheet.testing.Browser;
import broadsheet.testing.Newsroom;
import broadsheet.testing.Readers;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The reader side end to end in a real browser: a reader signs up and confirms from the mail, reads on the meter until
 * the paywall stops them, is given access by an admin on the newsroom's reader page in the same browser and reads the
 * whole text, gives the article with a gift link,
 * which opens the whole article in a browser without their cookies; withdrawn, the same link shows the opening and
 * says so.
 */
@ExtendWith(TestDatabase.class)
class ReaderJourneyE2E {
    private static final int SMTP = Readers.freePort();
    private static final String BODY = """
            The opening paragraph anyone may read.

            The second paragraph, still free.

            The third paragraph, the last of the preview.

            The fourth paragraph, with the SECRET-DETAIL.
            """;
    /** The browser first: without chromium the class is skipped before a server is started for it. */
    @RegisterExtension
    @Order(1)
    static final Browser browser = new Browser();
    @RegisterExtension
    @Order(2)
    static final GreenMailExtension mail = Readers.mailServer(SMTP);
    @RegisterExtension
    @Order(3)
    static final TestApp app = Readers.appSendingTo(SMTP);

    @Test
    void signUpMeterPaywallAccessGiftAndWithdrawal() {
        app.fixtures().store(TestApp.NOW,
                story("Premium one").slug("premium-1").access(AccessLevel.PREMIUM).body(BODY).build(),
                story("Premium two").slug("premium-2").access(AccessLevel.PREMIUM).body(BODY).build(),
                story("Premium three").slug("premium-3").access(AccessLevel.PREMIUM).body(BODY).build());
        var driver = browser.driver();

        driver.get(app.url("/account/signup"));
        new ReaderPages.SignUp(browser).signUp("tess@example.com", "Tess Reader", "a long password for tess");
        driver.get(app.url(Readers.link(Readers.awaitOne(mail, "tess@example.com"))));
        new ReaderPages.LinkLanding(browser).press();
        signIn();

        // the meter: two subscriber articles whole, then the paywall
        driver.get(app.url("/world-news/2025/12/07/premium-1/"));
        assertThat(article().meterNote()).isEqualTo("1 of 2 free articles left this month.");
        assertThat(article().body()).contains("SECRET-DETAIL");
        driver.get(app.url("/world-news/2025/12/07/premium-2/"));
        assertThat(article().meterNote()).isEqualTo("0 of 2 free articles left this month.");
        driver.get(app.url("/world-news/2025/12/07/premium-3/"));
        Reading paywalled = article();
        assertThat(paywalled.offer().findElement(By.cssSelector("a[href='/subscribe']")).getText()).isEqualTo("Subscribe");
        assertThat(paywalled.body()).doesNotContain("SECRET-DETAIL");

        // an admin, in the same browser, grants complimentary access on the reader's newsroom page (a month, as suggested)
        long tess = TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT id FROM readers WHERE email = 'tess@example.com'")
                .mapTo(Long.class).one());
        Newsroom.staff(StaffRole.ADMIN, "ada@example.com", "Ada Admin");
        SignInPage.open(browser, app.url("/newsroom/login?next=/newsroom/readers/" + tess)).signInAs("ada@example.com", Newsroom.PASSWORD);
        WebElement grant = driver.findElement(By.cssSelector("form[action$='/complimentary'] button[type=submit]"));
        driver.findElement(By.id("reason")).sendKeys("Press pass");
        grant.click();
        browser.waiting().until(Browser.gone(grant));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Complimentary");

        driver.get(app.url("/world-news/2025/12/07/premium-3/"));
        Reading whole = article();
        assertThat(whole.body()).contains("SECRET-DETAIL");

        // a gift: the button leads to My gifts with the link to copy
        WebElement give = driver.findElement(By.cssSelector("form[action='/gifts'] button[type=submit]"));
        give.click();
        browser.waiting().until(d -> !d.findElements(By.id("gift-link")).isEmpty());
        String link = driver.findElement(By.id("gift-link")).getDomProperty("value");
        assertThat(link).startsWith(TestApp.BASE_URL + "/gift/");
        String giftPath = link.substring(TestApp.BASE_URL.length());

        // a browser without Tess's cookies reads the whole article through the link
        forgetCookies();
        driver.get(app.url(giftPath));
        Reading gifted = article();
        assertThat(gifted.body()).contains("SECRET-DETAIL");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("A gift from Tess");

        // Tess withdraws it
        driver.get(app.url("/account/signin?next=/account/gifts"));
        new ReaderPages.SignIn(browser).signIn("tess@example.com", "a long password for tess");
        WebElement withdraw = browser.waiting().until(d -> d.findElement(By.cssSelector("form[action$='/revoke'] button[type=submit]")));
        withdraw.click();
        browser.waiting().until(Browser.gone(withdraw));

        // and the same link now shows the opening, and says why
        forgetCookies();
        driver.get(app.url(giftPath));
        WebElement note = browser.waiting().until(d -> d.findElement(By.cssSelector(".gift-note")));
        assertThat(note.getText()).startsWith("This gift link has been withdrawn.");
        assertThat(article().body()).doesNotContain("SECRET-DETAIL");
    }

    private static void signIn() {
        browser.driver().get(app.url("/account/signin"));
        new ReaderPages.SignIn(browser).signIn("tess@example.com", "a long password for tess").awaitAccountLink("Tess Reader");
    }

    /** As a fresh browser profile would be: no cookie of any site, nothing cached. */
    private static void forgetCookies() {
        ChromeDriver chrome = (ChromeDriver) browser.driver();
        chrome.get("about:blank");
        chrome.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        chrome.executeCdpCommand("Network.clearBrowserCache", Map.of());
    }

    private static Reading article() {
        return new Reading(browser);
    }

    /** An article as the reader sees it: its body, the meter's note, the paywall's offer. */
    private static final class Reading extends SitePage {
        Reading(Browser browser) {
            super(browser);
            browser.waiting().until(d -> !d.findElements(By.cssSelector("article .article-body")).isEmpty());
        }

        String body() {
            return driver.findElement(By.cssSelector("article .article-body")).getText();
        }

        String meterNote() {
            return driver.findElement(By.cssSelector(".meter-note")).getText();
        }

        WebElement offer() {
            return driver.findElement(By.cssSelector(".paywall-offer"));
        }
    }
}
