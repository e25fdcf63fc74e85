package broadsheet.e2e.newsroom;

import broadsheet.testing.Browser;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The newsroom's sign-in form at {@code /newsroom/login}. */
public final class SignInPage extends NewsroomPage {
    private SignInPage(Browser browser) {
        super(browser);
    }

    public static SignInPage open(Browser browser, String url) {
        browser.driver().get(url);
        return new SignInPage(browser);
    }

    /** The page the browser is on now (after a redirect to sign in, or after signing out). */
    public static SignInPage current(Browser browser) {
        return new SignInPage(browser);
    }

    /** Signs in; the browser goes on to the page first asked for, or the article list. */
    public void signIn(String email, String password) {
        type(driver.findElement(By.id("email")), email);
        type(driver.findElement(By.id("password")), password);
        submit(driver.findElement(By.cssSelector("main form button[type='submit']")));
    }

    /**
     * Signs in and waits for what proves it worked: the next page's header naming the person signed in.
     * A refused sign-in fails here with the form's message rather than later, on a page that never comes.
     */
    public void signInAs(String email, String password) {
        signIn(email, password);
        browser.waiting().until(d -> !d.findElements(By.cssSelector(".nr-who > a")).isEmpty()
                || !d.findElements(By.cssSelector("main .nr-error")).isEmpty());
        if (signedInAs() == null) throw new AssertionError("signing in as " + email + " was refused: " + error());
    }

    public ArticleListPage signInToList(String email, String password) {
        signIn(email, password);
        return ArticleListPage.current(browser);
    }

    public String error() {
        List<WebElement> errors = driver.findElements(By.cssSelector("main .nr-error"));
        return errors.isEmpty() ? "" : errors.get(0).getText();
    }
}
