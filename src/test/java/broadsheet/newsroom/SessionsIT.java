package broadsheet.newsroom;

import static broadsheet.testing.Desk.count;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.account.Sessions;
import broadsheet.shared.StaffRole;
import broadsheet.testing.Newsroom;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sign-in and sessions over the real server: the sign-in form's own token, a new session at every
 * sign-in (so a cookie planted before it is worthless), sign-out ending the session in the database,
 * the cookie's attributes, and the {@code next} address never leading off the site.
 */
@ExtendWith(TestDatabase.class)
class SessionsIT {
    @RegisterExtension
    static final TestApp app = new TestApp();
    private static final String EMAIL = "rita@test.example";

    private static Map<String, String> credentials(String token, String next) {
        Map<String, String> f = new LinkedHashMap<>();
        if (token != null) f.put("_csrf", token);
        f.put("email", EMAIL);
        f.put("password", Newsroom.PASSWORD);
        if (next != null) f.put("next", next);
        return f;
    }

    /** The name the newsroom's header shows for the signed-in person. */
    private static String signedInAs(String html) {
        var m = Pattern.compile("<a href=\"/newsroom/account\"[^>]*>([^<]+)</a>").matcher(html);
        return m.find() ? m.group(1) : null;
    }

    private static HttpResponse<String> newsroomWith(String sessionCookie) {
        return app.get("/newsroom/", "Cookie", "bs_session=" + sessionCookie);
    }

    /** A refused form did nothing: no session, and no attempt counted (refused before the password is looked at). */
    private static void assertNobodySignedInOrWasCounted() {
        assertThat(count("SELECT count(*) FROM sessions")).isZero();
        assertThat(count("SELECT count(*) FROM sign_in_attempts")).as("refused before the password is looked at").isZero();
    }

    @Test
    void theSignInFormIsRefusedWithoutItsOwnToken() {
        Newsroom.staff(StaffRole.REPORTER, EMAIL, "Rita Reporter");

        var noToken = Newsroom.anonymous(app);
        noToken.get("/newsroom/login");
        assertThat(noToken.post("/newsroom/login", credentials(null, null)).statusCode()).isEqualTo(403);

        var noCookie = Newsroom.anonymous(app);
        String someonesToken = Newsroom.csrf(Newsroom.anonymous(app).get("/newsroom/login").body());
        assertThat(noCookie.post("/newsroom/login", credentials(someonesToken, null)).statusCode()).isEqualTo(403);

        var otherToken = Newsroom.anonymous(app);
        otherToken.get("/newsroom/login");
        assertThat(otherToken.post("/newsroom/login", credentials(someonesToken, null)).statusCode()).isEqualTo(403);

        var code = Newsroom.anonymous(app);
        assertThat(code.post("/newsroom/login/code", Map.of("code", "123456")).statusCode()).isEqualTo(403);
        assertThat(code.post("/newsroom/setup", Map.of("token", "x", "email", "a@b.example", "name", "A", "password", "p"))
                .statusCode()).isEqualTo(403);

        assertNobodySignedInOrWasCounted();
    }

    @Test
    void aFormCookieTheServerDidNotIssueIsRefusedEvenWithItsValueInTheFormAndReplacedByTheNextForm() {
        Newsroom.staff(StaffRole.REPORTER, EMAIL, "Rita Reporter");
        var planted = Newsroom.anonymous(app);
        String value = Sessions.randomToken();
        planted.setCookie("bs_form", value);
        assertThat(planted.post("/newsroom/login", credentials(value, null)).statusCode()).isEqualTo(403);

        // a cookie the server did issue is no token by itself either: the form's token is another value
        var issued = Newsroom.anonymous(app);
        String form = issued.get("/newsroom/login").body();
        String cookie = issued.cookie("bs_form");
        assertThat(Newsroom.csrf(form)).isNotEqualTo(cookie);
        assertThat(issued.post("/newsroom/login", credentials(cookie, null)).statusCode()).isEqualTo(403);
        assertNobodySignedInOrWasCounted();

        String token = Newsroom.csrf(planted.get("/newsroom/login").body());
        assertThat(planted.cookie("bs_form")).as("the planted cookie, replaced").isNotEqualTo(value);
        assertThat(planted.post("/newsroom/login", credentials(token, null)).statusCode()).isEqualTo(303);
    }

    @Test
    void signingInStartsANewSessionSoACookiePlantedBeforeIsWorthless() {
        Newsroom.staff(StaffRole.REPORTER, EMAIL, "Rita Reporter");
        var browser = Newsroom.anonymous(app);
        String form = browser.get("/newsroom/login").body();
        String formCookie = browser.cookie("bs_form");
        String planted = Sessions.randomToken();
        browser.setCookie("bs_session", planted);

        var r = browser.post("/newsroom/login", credentials(Newsroom.csrf(form), "/newsroom/"));

        assertThat(r.statusCode()).isEqualTo(303);
        String session = browser.cookie("bs_session");
        assertThat(session).isNotNull().isNotIn(planted, formCookie);
        assertThat(newsroomWith(planted).statusCode()).isEqualTo(303);
        assertThat(newsroomWith(formCookie).statusCode()).isEqualTo(303);
        assertThat(newsroomWith(session).statusCode()).isEqualTo(200);
        assertThat(signedInAs(newsroomWith(session).body())).isEqualTo("Rita Reporter");
    }

    @Test
    void signingInOverSomeoneElsesSessionGivesANewOneAndNeverSharesIt() {
        Newsroom.staff(StaffRole.REPORTER, EMAIL, "Rita Reporter");
        var attacker = Newsroom.signedIn(app, StaffRole.CONTRIBUTOR);
        String planted = attacker.cookie("bs_session");
        var browser = Newsroom.anonymous(app);
        String form = browser.get("/newsroom/login").body();
        browser.setCookie("bs_session", planted);

        var r = browser.post("/newsroom/login", credentials(Newsroom.csrf(form), "/newsroom/"));

        assertThat(r.statusCode()).isEqualTo(303);
        String session = browser.cookie("bs_session");
        assertThat(session).isNotEqualTo(planted);
        assertThat(signedInAs(newsroomWith(session).body())).isEqualTo("Rita Reporter");
        // the planted session is ended or stays the attacker's own; it never becomes the person's who signed in
        assertThat(signedInAs(newsroomWith(planted).body())).isNotEqualTo("Rita Reporter");
    }

    @Test
    void theSessionCookieIsHttpOnlyLaxAndSecureOverHttps() {
        Newsroom.staff(StaffRole.REPORTER, EMAIL, "Rita Reporter");
        var plain = Newsroom.anonymous(app);
        var overHttp = plain.post("/newsroom/login", credentials(Newsroom.csrf(plain.get("/newsroom/login").body()), null));
        var proxied = Newsroom.anonymous(app);
        var overHttps = proxied.postWithHeader("/newsroom/login", credentials(Newsroom.csrf(proxied.get("/newsroom/login").body()), null),
                "X-Forwarded-Proto", "https");

        String http = overHttp.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("bs_session=")).findFirst().orElseThrow();
        String https = overHttps.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("bs_session=")).findFirst().orElseThrow();
        assertThat(http).contains("; HttpOnly", "; SameSite=Lax", "; Path=/").doesNotContain("Secure");
        assertThat(https).contains("; HttpOnly", "; SameSite=Lax", "; Secure");
    }

    @Test
    void signingOutEndsTheSessionOnTheServer() {
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);
        String session = editor.cookie("bs_session");
        String token = Newsroom.csrf(editor.get("/newsroom/").body());

        var out = editor.post("/newsroom/logout", Map.of("_csrf", token));

        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Location")).contains("/newsroom/login");
        assertThat(out.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("bs_session=;") && c.contains("Max-Age=0"));
        assertThat(count("SELECT count(*) FROM sessions WHERE token_hash = ?", Sessions.hash(session))).isZero();
        assertThat(newsroomWith(session).statusCode()).as("the old cookie, sent again").isEqualTo(303);
        var replayed = app.request("POST", "/newsroom/logout", "Cookie", "bs_session=" + session, "X-CSRF-Token", token);
        assertThat(replayed.statusCode()).isEqualTo(403);
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'signed out'")).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "https://evil.example", "/\\evil.example", "\\\\evil.example", "http:evil.example",
            "///evil.example", "/\\/evil.example", "javascript:alert(1)", "/newsroom/\r\nLocation: https://evil.example",
            "/newsroom/login?next=//evil.example", "evil.example"})
    void nextNeverLeadsOffTheSite(String next) {
        Newsroom.staff(StaffRole.REPORTER, EMAIL, "Rita Reporter");
        var browser = Newsroom.anonymous(app);
        String form = browser.get("/newsroom/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)).body();
        assertThat(form).contains("name=\"next\" value=\"/newsroom/\"");

        var r = browser.post("/newsroom/login", credentials(Newsroom.csrf(form), next));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).contains("/newsroom/");

        var again = browser.get("/newsroom/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
        assertThat(again.statusCode()).as("already signed in").isEqualTo(303);
        assertThat(again.headers().firstValue("Location")).contains("/newsroom/");
    }

    @Test
    void nextLeadsBackToTheNewsroomPageFirstAskedFor() {
        Newsroom.staff(StaffRole.REPORTER, EMAIL, "Rita Reporter");
        var browser = Newsroom.anonymous(app);
        String sentTo = browser.get("/newsroom/articles/new?from=list").headers().firstValue("Location").orElseThrow();
        assertThat(sentTo).isEqualTo("/newsroom/login?next=%2Fnewsroom%2Farticles%2Fnew%3Ffrom%3Dlist");

        String form = browser.get(sentTo).body();
        var r = browser.post("/newsroom/login", credentials(Newsroom.csrf(form), "/newsroom/articles/new?from=list"));

        assertThat(r.headers().firstValue("Location")).contains("/newsroom/articles/new?from=list");
    }
}
