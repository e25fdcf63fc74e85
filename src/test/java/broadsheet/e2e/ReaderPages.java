package broadsheet.e2e;

import broadsheet.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The readers' account pages in the browser: sign up, sign in, a mailed link's page, the account page. */
final class ReaderPages {
    private ReaderPages() {}

    /** Any public page, seen for its masthead's account link ("Sign in", or the reader's name). */
    static final class AnyPage extends SitePage {
        AnyPage(Browser browser) {
            super(browser);
        }

        WebElement accountLink() {
            return driver.findElement(By.cssSelector("header a.account-link"));
        }

        /** Waits until the masthead's account link says this. */
        AnyPage awaitAccountLink(String text) {
            browser.waiting().until(d -> text.equals(d.findElement(By.cssSelector("header a.account-link")).getText()));
            return this;
        }
    }

    static final class SignUp extends SitePage {
        SignUp(Browser browser) {
            super(browser);
            browser.waiting().until(d -> !d.findElements(By.cssSelector("form[action='/account/signup']")).isEmpty());
        }

        AnyPage signUp(String email, String name, String password) {
            driver.findElement(By.id("email")).sendKeys(email);
            driver.findElement(By.id("name")).sendKeys(name);
            driver.findElement(By.id("password")).sendKeys(password);
            driver.findElement(By.cssSelector("form[action='/account/signup'] button[type=submit]")).click();
            browser.waiting().until(d -> d.findElement(By.tagName("h1")).getText().equals("Check your email"));
            return new AnyPage(browser);
        }
    }

    static final class SignIn extends SitePage {
        SignIn(Browser browser) {
            super(browser);
            browser.waiting().until(d -> !d.findElements(By.cssSelector("form[action='/account/signin']")).isEmpty());
        }

        AnyPage signIn(String email, String password) {
            WebElement form = driver.findElement(By.cssSelector("form[action='/account/signin']"));
            form.findElement(By.id("email")).sendKeys(email);
            form.findElement(By.id("password")).sendKeys(password);
            form.findElement(By.cssSelector("button[type=submit]")).click();
            browser.waiting().until(d -> d.findElements(By.cssSelector("form[action='/account/signin']")).isEmpty());
            return new AnyPage(browser);
        }
    }

    /** The page a mailed link opens: one button that uses it. */
    static final class LinkLanding extends SitePage {
        LinkLanding(Browser browser) {
            super(browser);
            browser.waiting().until(d -> !d.findElements(By.cssSelector("main form button[type=submit]")).isEmpty());
        }

        AnyPage press() {
            WebElement button = driver.findElement(By.cssSelector("main form button[type=submit]"));
            button.click();
            browser.waiting().until(Browser.gone(button));
            return new AnyPage(browser);
        }
    }

    static final class Account extends SitePage {
        Account(Browser browser) {
            super(browser);
            browser.waiting().until(d -> d.findElement(By.tagName("h1")).getText().equals("Your account"));
        }

        AnyPage signOut() {
            WebElement button = driver.findElement(By.cssSelector("form[action='/account/signout'] button"));
            button.click();
            browser.waiting().until(Browser.gone(button));
            return new AnyPage(browser);
        }
    }
}
