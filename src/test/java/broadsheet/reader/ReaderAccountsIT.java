package broadsheet.reader;

import static broadsheet.testing.Readers.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.Html;
import broadsheet.testing.Newsroom;
import broadsheet.testing.Readers;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every reader-account flow against the real server, with its mails read from a real SMTP server (GreenMail). */
@ExtendWith(TestDatabase.class)
class ReaderAccountsIT {
    private static final int SMTP = Readers.freePort();
    @RegisterExtension
    @Order(1)
    static final GreenMailExtension mail = Readers.mailServer(SMTP);
    @RegisterExtension
    @Order(2)
    static final TestApp app = Readers.appSendingTo(SMTP);

    private static int count(String sql, Object... args) {
        return TestDatabase.jdbi().withHandle(h -> h.select(sql, args).mapTo(Integer.class).one());
    }

    private static HttpResponse<String> useLink(Newsroom.Client c, String link, String action) {
        var page = c.get(link);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        var form = Html.parse(page).selectFirst("form[action=" + action + "]");
        assertThat(form).as("the link's page has a button that uses it").isNotNull();
        return c.post(action, Map.of("_csrf", Newsroom.csrf(page.body()), "token", Readers.token(link),
                "next", form.selectFirst("input[name=next]").val()));
    }

    /** Posts a link's token straight to its action, as a second click on an old page would. */
    private static HttpResponse<String> reuse(Newsroom.Client c, String link, String action) {
        return c.submit("/account/signin", action, Map.of("token", Readers.token(link)));
    }

    @Test
    void aReaderSignsUpConfirmsTheAddressAndSignsIn() {
        var c = Newsroom.anonymous(app);
        var signUp = c.submit("/account/signup", "/account/signup", Map.of("email", "ann@example.com", "name", "Ann Reader",
                "password", "twelve chars or more", "next", "/world/"));
        assertThat(signUp.statusCode()).isEqualTo(200);
        assertThat(signUp.body()).contains("Check your email");
        assertThat(count("SELECT count(*) FROM readers WHERE email = 'ann@example.com' AND email_verified_at IS NULL")).isEqualTo(1);

        var verification = Readers.awaitOne(mail, "ann@example.com");
        assertThat(Readers.subject(verification)).startsWith("Confirm your email address");
        String link = Readers.link(verification);
        assertThat(link).startsWith("/account/verify?token=").contains("next=%2Fworld%2F");

        var before = c.submit("/account/signin", "/account/signin", Map.of("email", "ann@example.com", "password", "twelve chars or more"));
        assertThat(before.statusCode()).as("not before the address is confirmed").isEqualTo(403);
        assertThat(before.body()).contains("Confirm your email address first");

        // opening the link (as a mail scanner would) uses nothing up
        assertThat(c.get(link).statusCode()).isEqualTo(200);
        var confirmed = useLink(c, link, "/account/verify");
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Address confirmed", "/account/signin?next=%2Fworld%2F");
        assertThat(count("SELECT count(*) FROM readers WHERE email = 'ann@example.com' AND email_verified_at IS NOT NULL")).isEqualTo(1);
        assertThat(c.get(link).statusCode()).as("used once").isEqualTo(410);
        assertThat(reuse(c, link, "/account/verify").statusCode()).isEqualTo(410);

        var in = c.submit("/account/signin?next=/world/", "/account/signin", Map.of("email", "ANN@example.com", "password",
                "twelve chars or more", "next", "/world/"));
        assertThat(in.statusCode()).isEqualTo(303);
        assertThat(in.headers().firstValue("Location")).contains("/world/");
        assertThat(in.headers().firstValue("Clear-Site-Data")).contains("\"cache\"");
        var account = c.get("/account");
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(Html.parse(account).selectFirst("a.account-link").text()).isEqualTo("Ann Reader");
    }

    @Test
    void signingUpWithAKnownAddressMailsItsOwnerAndAnswersTheSame() {
        Readers.reader("bob@example.com", "Bob", true);
        var c = Newsroom.anonymous(app);
        var again = c.submit("/account/signup", "/account/signup", Map.of("email", "Bob@Example.com", "password", "another long password"));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("Check your email");
        assertThat(Readers.subject(Readers.awaitOne(mail, "Bob@Example.com"))).startsWith("You already have an account");
        assertThat(count("SELECT count(*) FROM readers")).isEqualTo(1);
        assertThat(Readers.signIn(app, "bob@example.com", PASSWORD).cookie("bs_reader")).as("the old password still works").isNotNull();
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheSameRefusal() {
        Readers.reader("cat@example.com", "Cat", true);
        var c = Newsroom.anonymous(app);
        var wrong = c.submit("/account/signin", "/account/signin", Map.of("email", "cat@example.com", "password", "not the password"));
        var unknown = c.submit("/account/signin", "/account/signin", Map.of("email", "nobody@example.com", "password", "not the password"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains(ReaderAccounts.REFUSED);
        assertThat(unknown.body()).contains(ReaderAccounts.REFUSED);
        assertThat(c.cookie("bs_reader")).isNull();
    }

    @Test
    void aMailedLinkSignsInOnceAndOnlyUntilItExpires() {
        Readers.reader("dan@example.com", "Dan", false);
        var c = Newsroom.anonymous(app);
        var asked = c.submit("/account/signin", "/account/signin/link", Map.of("email", "dan@example.com", "next", "/sport/"));
        var unknown = c.submit("/account/signin", "/account/signin/link", Map.of("email", "nobody@example.com", "next", "/sport/"));
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(unknown.body()).as("the same answer for an address without an account").isEqualTo(asked.body());
        String link = Readers.link(Readers.awaitOne(mail, "dan@example.com"));
        var in = useLink(c, link, "/account/link");
        assertThat(in.statusCode()).isEqualTo(303);
        assertThat(in.headers().firstValue("Location")).contains("/sport/");
        assertThat(c.get("/account").statusCode()).isEqualTo(200);
        assertThat(count("SELECT count(*) FROM readers WHERE email_verified_at IS NOT NULL")).as("a used link confirms the address").isEqualTo(1);
        assertThat(reuse(Newsroom.anonymous(app), link, "/account/link").statusCode()).as("used once").isEqualTo(410);

        Newsroom.anonymous(app).submit("/account/signin", "/account/signin/link", Map.of("email", "dan@example.com"));
        String second = Readers.link(Readers.await(mail, "dan@example.com", 2).get(1));
        app.clock().advance(Duration.ofMinutes(21));
        try {
            var late = Newsroom.anonymous(app).get(second);
            assertThat(late.statusCode()).isEqualTo(410);
            assertThat(late.body()).contains("This link cannot be used");
        } finally {
            app.clock().set(TestApp.NOW);
        }
        assertThat(Readers.to(mail, "nobody@example.com")).isEmpty();
    }

    @Test
    void aForgottenPasswordIsResetByMailAndOtherSessionsEnd() {
        Readers.reader("eve@example.com", "Eve", true);
        var elsewhere = Readers.signIn(app, "eve@example.com", PASSWORD);
        var c = Newsroom.anonymous(app);
        var asked = c.submit("/account/forgot", "/account/forgot", Map.of("email", "eve@example.com"));
        assertThat(asked.body()).contains("Check your email");
        String link = Readers.link(Readers.awaitOne(mail, "eve@example.com"));
        var form = c.get(link);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        var tooShort = c.post("/account/reset", Map.of("_csrf", Newsroom.csrf(form.body()), "token", Readers.token(link), "password", "short"));
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(tooShort.body()).contains("at least 12 characters");
        var reset = c.post("/account/reset", Map.of("_csrf", Newsroom.csrf(form.body()), "token", Readers.token(link),
                "password", "a brand new password"));
        assertThat(reset.statusCode()).isEqualTo(303);
        assertThat(c.get("/account").statusCode()).isEqualTo(200);
        assertThat(elsewhere.get("/account").statusCode()).as("signed out elsewhere").isEqualTo(303);
        assertThat(c.post("/account/reset", Map.of("_csrf", Newsroom.csrf(form.body()), "token", Readers.token(link),
                "password", "yet another password")).statusCode()).as("used once").isEqualTo(410);
        Readers.signIn(app, "eve@example.com", "a brand new password");
    }

    @Test
    void theEmailMovesOnlyWhenTheNewAddressConfirmsItAndTheOldOneIsTold() {
        var c = Readers.signedIn(app, "fay@example.com", "Fay");
        var wrong = c.submit("/account", "/account/email", Map.of("email", "fay@new.example", "password", "not my password"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("That is not your current password.");
        var asked = c.submit("/account", "/account/email", Map.of("email", "fay@new.example", "password", PASSWORD));
        assertThat(asked.statusCode()).isEqualTo(303);
        assertThat(Readers.text(Readers.awaitOne(mail, "fay@example.com"))).contains("fay@new.example");
        String link = Readers.link(Readers.awaitOne(mail, "fay@new.example"));
        assertThat(count("SELECT count(*) FROM readers WHERE email = 'fay@example.com'")).as("not yet").isEqualTo(1);
        var done = useLink(c, link, "/account/email/confirm");
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(count("SELECT count(*) FROM readers WHERE email = 'fay@new.example'")).isEqualTo(1);
        Readers.signIn(app, "fay@new.example", PASSWORD);
    }

    @Test
    void changingThePasswordSignsOutEveryOtherBrowser() {
        var c = Readers.signedIn(app, "gus@example.com", "Gus");
        var other = Readers.signIn(app, "gus@example.com", PASSWORD);
        var wrong = c.submit("/account", "/account/password", Map.of("current", "not my password", "password", "a new long password"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(other.get("/account").statusCode()).isEqualTo(200);
        var changed = c.submit("/account", "/account/password", Map.of("current", PASSWORD, "password", "a new long password"));
        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(c.get("/account").statusCode()).isEqualTo(200);
        assertThat(other.get("/account").statusCode()).isEqualTo(303);
        Readers.signIn(app, "gus@example.com", "a new long password");
    }

    @Test
    void aReaderDownloadsTheirDataAsJson() {
        var c = Readers.signedIn(app, "hal@example.com", "Hal");
        var data = c.get("/account/data.json");
        assertThat(data.statusCode()).isEqualTo(200);
        assertThat(data.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(data.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains("attachment"));
        assertThat(data.headers().firstValue("Cache-Control")).contains("private, no-store");
        var json = Html.json(data.body());
        assertThat(json.path("account").path("email").asText()).isEqualTo("hal@example.com");
        assertThat(json.path("account").path("name").asText()).isEqualTo("Hal");
        assertThat(json.path("sessions")).hasSize(1);
        assertThat(json.path("sessions").get(0).path("thisBrowser").asBoolean()).isTrue();
        assertThat(data.body()).doesNotContain("argon2");
    }

    @Test
    void deletingTheAccountNeedsThePasswordAndLeavesNothingBehind() {
        var c = Readers.signedIn(app, "ida@example.com", "Ida");
        c.submit("/account", "/account/signout", Map.of());
        c = Readers.signIn(app, "ida@example.com", PASSWORD);
        var wrong = c.submit("/account", "/account/delete", Map.of("password", "not my password"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(count("SELECT count(*) FROM readers")).isEqualTo(1);
        var deleted = c.submit("/account", "/account/delete", Map.of("password", PASSWORD));
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(deleted.body()).contains("Account deleted");
        assertThat(Html.parse(deleted).selectFirst("a.account-link").text()).isEqualTo("Sign in");
        assertThat(count("SELECT count(*) FROM readers")).isZero();
        assertThat(count("SELECT count(*) FROM reader_sessions")).isZero();
        assertThat(count("SELECT count(*) FROM reader_tokens")).isZero();
        assertThat(c.get("/account").statusCode()).isEqualTo(303);
        assertThat(app.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void confirmationAndResetLinksExpire() {
        var c = Newsroom.anonymous(app);
        c.submit("/account/signup", "/account/signup", Map.of("email", "kit@example.com", "password", "a long enough password"));
        String verify = Readers.link(Readers.awaitOne(mail, "kit@example.com"));
        c.submit("/account/forgot", "/account/forgot", Map.of("email", "kit@example.com"));
        String reset = Readers.link(Readers.await(mail, "kit@example.com", 2).get(1));
        app.clock().advance(Duration.ofMinutes(61));
        try {
            assertThat(c.get(reset).statusCode()).as("a reset link lasts an hour").isEqualTo(410);
            assertThat(c.submit("/account/forgot", "/account/reset", Map.of("token", Readers.token(reset), "password", "a new long password"))
                    .statusCode()).isEqualTo(410);
            assertThat(c.get(verify).statusCode()).as("a confirmation link lasts two days").isEqualTo(200);
            app.clock().advance(Duration.ofDays(2));
            assertThat(c.get(verify).statusCode()).isEqualTo(410);
            assertThat(reuse(c, verify, "/account/verify").statusCode()).isEqualTo(410);
        } finally {
            app.clock().set(TestApp.NOW);
        }
        assertThat(count("SELECT count(*) FROM readers WHERE email_verified_at IS NULL")).isEqualTo(1);
    }

    @Test
    void signingOutEndsTheSession() {
        var c = Readers.signedIn(app, "jo@example.com", "Jo");
        String cookie = c.cookie("bs_reader");
        var out = c.submit("/account", "/account/signout", Map.of());
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(c.cookie("bs_reader")).isNull();
        var stale = Newsroom.anonymous(app);
        stale.setCookie("bs_reader", cookie);
        assertThat(stale.get("/account").statusCode()).isEqualTo(303);
        assertThat(Html.parse(stale.get("/")).selectFirst("a.account-link").text()).isEqualTo("Sign in");
    }
}
