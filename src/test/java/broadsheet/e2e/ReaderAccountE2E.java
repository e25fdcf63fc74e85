package broadsheet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.Browser;
import broadsheet.testing.Readers;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A reader in a real browser: signs up, reads the confirmation mail from the SMTP server, confirms the address,
 * signs in (the masthead shows their name), signs out (it says "Sign in" again).
 */
@ExtendWith(TestDatabase.class)
class ReaderAccountE2E {
    private static final int SMTP = Readers.freePort();
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
    void aReaderSignsUpConfirmsSignsInAndOut() {
        var driver = browser.driver();
        driver.get(app.url("/"));
        var front = new ReaderPages.AnyPage(browser);
        assertThat(front.accountLink().getText()).isEqualTo("Sign in");
        front.accountLink().click();
        new ReaderPages.SignIn(browser);
        driver.get(app.url("/account/signup"));
        new ReaderPages.SignUp(browser).signUp("tess@example.com", "Tess Reader", "a long password for tess");

        String link = Readers.link(Readers.awaitOne(mail, "tess@example.com"));
        driver.get(app.url(link));
        new ReaderPages.LinkLanding(browser).press();
        assertThat(driver.findElement(org.openqa.selenium.By.tagName("h1")).getText()).isEqualTo("Address confirmed");

        driver.get(app.url("/account/signin"));
        new ReaderPages.SignIn(browser).signIn("tess@example.com", "a long password for tess").awaitAccountLink("Tess Reader");

        driver.get(app.url("/account"));
        new ReaderPages.Account(browser).signOut().awaitAccountLink("Sign in");
        driver.get(app.url("/"));
        new ReaderPages.AnyPage(browser).awaitAccountLink("Sign in");
    }
}
