package broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.shared.StaffRole;
import broadsheet.account.TwoFactor;
import broadsheet.testing.Html;
import broadsheet.testing.Newsroom;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(TestDatabase.class)
class AccountPagesIT {
    @RegisterExtension
    static final TestApp app = new TestApp();
    private static final TwoFactor TOTP = new TwoFactor();
    private static final String NEW_PASSWORD = "a brand new passphrase";

    @Test
    void everyRoleHasAnAccountPageAndAnonymousVisitorsAreSentToSignIn() {
        var contributor = Newsroom.signedIn(app, StaffRole.CONTRIBUTOR);
        var page = Html.parse(contributor.get("/newsroom/account"));

        assertThat(page.select("h1").text()).isEqualTo("Your account");
        assertThat(page.select(".nr-facts").text()).contains("Contributor Person", "contributor@test.example", "Contributor");
        assertThat(page.select("a[href=/newsroom/account]").attr("aria-current")).isEqualTo("page");
        assertThat(page.select("#two-factor-heading + p").text()).startsWith("Off.");
        assertThat(app.get("/newsroom/account").headers().firstValue("Location").orElse("")).startsWith("/newsroom/login?next=");
    }

    @Test
    void changingThePasswordKeepsThisBrowserSignedInAndEndsEveryOtherSession() {
        var here = Newsroom.signedIn(app, StaffRole.REPORTER);
        var elsewhere = Newsroom.signIn(app, "reporter@test.example", Newsroom.PASSWORD);
        String before = here.cookie("bs_session");

        var r = changePassword(here, Newsroom.PASSWORD, NEW_PASSWORD, NEW_PASSWORD);

        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/newsroom/account?notice=password");
        String after = here.cookie("bs_session");
        assertThat(after).isNotNull().isNotEqualTo(before);
        assertThat(r.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("bs_session=" + after) && c.contains("HttpOnly"));
        assertThat(here.get("/newsroom/account?notice=password").body()).contains("Your password is changed.");
        assertThat(elsewhere.get("/newsroom/").statusCode()).isEqualTo(303);
        assertThat(attempt("reporter@test.example", Newsroom.PASSWORD).statusCode()).isEqualTo(401);
        assertThat(Newsroom.signIn(app, "reporter@test.example", NEW_PASSWORD).get("/newsroom/").statusCode()).isEqualTo(200);
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'password changed' AND actor = 'Reporter Person'")).isEqualTo(1);
    }

    @Test
    void aPasswordChangeNeedsTheCurrentPasswordAndTheNewOneTwice() {
        var me = Newsroom.signedIn(app, StaffRole.CONTRIBUTOR);

        var wrongCurrent = changePassword(me, "not my password", NEW_PASSWORD, NEW_PASSWORD);
        var differ = changePassword(me, Newsroom.PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "!");
        var weak = changePassword(me, Newsroom.PASSWORD, "aaaaaaaaaaaaaaa", "aaaaaaaaaaaaaaa");
        var same = changePassword(me, Newsroom.PASSWORD, Newsroom.PASSWORD, Newsroom.PASSWORD);

        assertThat(wrongCurrent.statusCode()).isEqualTo(400);
        assertField(wrongCurrent, "pw-current", "That is not your current password.");
        assertField(differ, "pw-again", "The two new passwords are not the same.");
        assertField(weak, "pw-password", "That password is too easy to guess.");
        assertField(same, "pw-password", "That is your current password; choose a new one.");
        assertThat(me.get("/newsroom/").statusCode()).isEqualTo(200);
        assertThat(Newsroom.signIn(app, "contributor@test.example", Newsroom.PASSWORD).get("/newsroom/").statusCode()).isEqualTo(200);
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'password refused'")).isEqualTo(1);
    }

    @Test
    void twoFactorSignInFromEnrolmentToSigningInWithACode() {
        var me = Newsroom.signedIn(app, StaffRole.EDITOR);
        var start = me.submit("/newsroom/account", "/newsroom/account/two-factor", Map.of());
        assertThat(start.statusCode()).isEqualTo(303);
        assertThat(start.headers().firstValue("Location")).hasValue("/newsroom/account/two-factor");

        var enrol = Html.parse(me.get("/newsroom/account/two-factor"));
        String secret = enrol.select("#secret").text().replace(" ", "");
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(enrol.select("img.nr-qr").attr("src")).startsWith("data:image/svg+xml;base64,");
        assertThat(enrol.select("img.nr-qr").attr("alt")).isNotBlank();
        assertThat(pendingSecret("editor@test.example")).isEqualTo(secret);

        var wrong = me.submit("/newsroom/account/two-factor", "/newsroom/account/two-factor/confirm", Map.of("code", "000000"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(Html.parse(wrong).select("#code").attr("aria-invalid")).isEqualTo("true");
        assertThat(Html.parse(wrong).select("#code-error").text()).startsWith("That code is not right.");
        assertThat(Html.parse(wrong).select("#secret").text().replace(" ", "")).isEqualTo(secret);

        String enrolCode = code(secret, TestApp.NOW);
        var on = me.submit("/newsroom/account/two-factor", "/newsroom/account/two-factor/confirm", Map.of("code", enrolCode));
        assertThat(on.statusCode()).isEqualTo(303);
        assertThat(on.headers().firstValue("Location")).hasValue("/newsroom/account?notice=two-factor-on");
        assertThat(Html.parse(me.get("/newsroom/account")).select("#two-factor-heading + p").text()).startsWith("On.");
        assertThat(pendingSecret("editor@test.example")).isNull();
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'two-factor turned on'")).isEqualTo(1);
        me.submit("/newsroom/", "/newsroom/logout", Map.of());

        // the password alone now leads to the code step, with a session that opens nothing yet
        var browser = Newsroom.anonymous(app);
        var password = passwordStep(browser, "editor@test.example", Newsroom.PASSWORD);
        assertThat(password.statusCode()).isEqualTo(303);
        assertThat(password.headers().firstValue("Location").orElse("")).startsWith("/newsroom/login/code");
        String pending = browser.cookie("bs_session");
        assertThat(browser.get("/newsroom/").statusCode()).isEqualTo(303);

        // the code that confirmed enrolment has been used
        assertThat(codeStep(browser, enrolCode).statusCode()).isEqualTo(401);
        var signedIn = codeStep(browser, code(secret, TestApp.NOW.plusSeconds(30)));
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(browser.cookie("bs_session")).isNotEqualTo(pending);
        assertThat(browser.get("/newsroom/").statusCode()).isEqualTo(200);
        browser.submit("/newsroom/", "/newsroom/logout", Map.of());

        // a code cannot be used twice, nor an older one after it
        var again = Newsroom.anonymous(app);
        passwordStep(again, "editor@test.example", Newsroom.PASSWORD);
        var reused = codeStep(again, code(secret, TestApp.NOW.plusSeconds(30)));
        assertThat(reused.statusCode()).isEqualTo(401);
        assertThat(reused.body()).contains("That code is not right.");
        assertThat(codeStep(again, code(secret, TestApp.NOW.minusSeconds(30))).statusCode()).isEqualTo(401);
        assertThat(again.get("/newsroom/").statusCode()).isEqualTo(303);
    }

    @Test
    void turningTwoFactorOffNeedsThePasswordAndACode() {
        var me = Newsroom.signedIn(app, StaffRole.CONTRIBUTOR);
        me.submit("/newsroom/account", "/newsroom/account/two-factor", Map.of());
        String secret = Html.parse(me.get("/newsroom/account/two-factor")).select("#secret").text().replace(" ", "");
        me.submit("/newsroom/account/two-factor", "/newsroom/account/two-factor/confirm",
                Map.of("code", code(secret, TestApp.NOW.minusSeconds(30))));
        String now = code(secret, TestApp.NOW);

        var badPassword = me.submit("/newsroom/account", "/newsroom/account/two-factor/off", Map.of("password", "wrong", "code", now));
        var badCode = me.submit("/newsroom/account", "/newsroom/account/two-factor/off",
                Map.of("password", Newsroom.PASSWORD, "code", code(secret, TestApp.NOW.minusSeconds(30))));
        assertField(badPassword, "off-password", "That is not your current password.");
        assertField(badCode, "off-code", "That code is not right. Codes change every 30 seconds; use the newest one.");
        assertThat(twoFactorOn("contributor@test.example")).isTrue();

        var off = me.submit("/newsroom/account", "/newsroom/account/two-factor/off", Map.of("password", Newsroom.PASSWORD, "code", now));
        assertThat(off.statusCode()).isEqualTo(303);
        assertThat(twoFactorOn("contributor@test.example")).isFalse();
        assertThat(Newsroom.signIn(app, "contributor@test.example", Newsroom.PASSWORD).get("/newsroom/").statusCode()).isEqualTo(200);
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'two-factor turned off'")).isEqualTo(1);
    }

    @Test
    void theEnrolmentPageNeedsAStartedEnrolmentAndTheFormsTheirToken() {
        var me = Newsroom.signedIn(app, StaffRole.CONTRIBUTOR);
        assertThat(me.get("/newsroom/account/two-factor").headers().firstValue("Location")).hasValue("/newsroom/account");
        assertThat(me.post("/newsroom/account/two-factor", Map.of()).statusCode()).isEqualTo(403);
        assertThat(me.post("/newsroom/account/password",
                Map.of("current", Newsroom.PASSWORD, "password", NEW_PASSWORD, "again", NEW_PASSWORD)).statusCode()).isEqualTo(403);
        assertThat(pendingSecret("contributor@test.example")).isNull();
        assertThat(Newsroom.signIn(app, "contributor@test.example", Newsroom.PASSWORD).get("/newsroom/").statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> changePassword(Newsroom.Client c, String current, String password, String again) {
        return c.submit("/newsroom/account", "/newsroom/account/password", Map.of("current", current, "password", password, "again", again));
    }

    private static void assertField(HttpResponse<String> r, String id, String message) {
        assertThat(r.statusCode()).isEqualTo(400);
        var page = Html.parse(r);
        assertThat(page.select("#" + id).attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#" + id).attr("aria-describedby")).contains(id + "-error");
        assertThat(page.select("#" + id + "-error").text()).isEqualTo(message);
    }

    private static HttpResponse<String> passwordStep(Newsroom.Client c, String email, String password) {
        String form = c.get("/newsroom/login").body();
        return c.post("/newsroom/login", Map.of("_csrf", Newsroom.csrf(form), "email", email, "password", password, "next", "/newsroom/"));
    }

    private static HttpResponse<String> codeStep(Newsroom.Client c, String code) {
        String form = c.get("/newsroom/login/code").body();
        return c.post("/newsroom/login/code", Map.of("_csrf", Newsroom.csrf(form), "code", code, "next", "/newsroom/"));
    }

    private static HttpResponse<String> attempt(String email, String password) {
        return passwordStep(Newsroom.anonymous(app), email, password);
    }

    private static String code(String secret, Instant at) {
        return TOTP.code(secret, at);
    }

    private static String pendingSecret(String email) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT pending_totp_secret FROM staff WHERE email = :e")
                .bind("e", email).mapTo(String.class).one());
    }

    private static boolean twoFactorOn(String email) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT totp_secret IS NOT NULL FROM staff WHERE email = :e")
                .bind("e", email).mapTo(Boolean.class).one());
    }

    private static long count(String sql) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
