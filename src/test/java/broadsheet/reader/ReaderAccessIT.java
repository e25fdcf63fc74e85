package broadsheet.reader;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.Config;
import broadsheet.shared.StaffRole;
import broadsheet.testing.Html;
import broadsheet.testing.Newsroom;
import broadsheet.testing.Readers;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Who may use the readers' routes, and what a signed-in reader's pages are: the access check's Role.READER, the
 * CSRF token of reader forms, readers and staff kept apart, the masthead, private answers and the page cache,
 * and where a sign-in may send a browser back to. Mails go to the outbox (no SMTP server here).
 */
@ExtendWith(TestDatabase.class)
class ReaderAccessIT {
    @RegisterExtension
    static final TestApp app = new TestApp().with(Config.PAGE_CACHE_MB.key(), "8");

    private static int readers() {
        return TestDatabase.jdbi().withHandle(h -> h.select("SELECT count(*) FROM readers").mapTo(Integer.class).one());
    }

    @Test
    void withoutAReaderSessionPagesSendToSignInAndFormsAreRefused() {
        var page = app.get("/account");
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location")).contains("/account/signin?next=%2Faccount");
        var form = Newsroom.anonymous(app).post("/account/password", Map.of("current", Readers.PASSWORD, "password", "a new long password"));
        assertThat(form.statusCode()).isEqualTo(403);
    }

    @Test
    void aReaderFormWithoutTheSessionsCsrfTokenIsRefusedAndNothingHappens() {
        var c = Readers.signedIn(app, "kim@example.com", "Kim");
        var none = c.post("/account/delete", Map.of("password", Readers.PASSWORD));
        var wrong = c.post("/account/delete", Map.of("password", Readers.PASSWORD, "_csrf", "not-the-token"));
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(readers()).isEqualTo(1);
        assertThat(c.get("/account").statusCode()).isEqualTo(200);
    }

    @Test
    void aReadersCookieIsNoNewsroomSessionAndAStaffSessionIsNoReaders() {
        var reader = Readers.signedIn(app, "lee@example.com", "Lee");
        var newsroom = reader.get("/newsroom/");
        assertThat(newsroom.statusCode()).isEqualTo(303);
        assertThat(newsroom.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/newsroom/login"));
        var stolen = Newsroom.anonymous(app);
        stolen.setCookie("bs_session", reader.cookie("bs_reader"));
        assertThat(stolen.get("/newsroom/").statusCode()).as("a reader's token in the staff cookie").isEqualTo(303);

        var editor = Newsroom.signedIn(app, StaffRole.ADMIN);
        var account = editor.get("/account");
        assertThat(account.statusCode()).isEqualTo(303);
        assertThat(account.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/account/signin"));
        var posing = Newsroom.anonymous(app);
        posing.setCookie("bs_reader", editor.cookie("bs_session"));
        assertThat(posing.get("/account").statusCode()).as("a staff token in the reader cookie").isEqualTo(303);
    }

    @Test
    void readersAndStaffDoNotShareFailedSignInsForOneEmail() {
        Readers.reader("max@example.com", "Max", true);
        Newsroom.staff(StaffRole.EDITOR, "max@example.com", "Max Editor");
        var c = Newsroom.anonymous(app);
        for (int i = 0; i < 5; i++) {
            assertThat(c.submit("/account/signin", "/account/signin", Map.of("email", "max@example.com", "password", "wrong password " + i))
                    .statusCode()).isEqualTo(401);
        }
        var throttled = c.submit("/account/signin", "/account/signin", Map.of("email", "max@example.com", "password", Readers.PASSWORD));
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(Newsroom.signIn(app, "max@example.com", Newsroom.PASSWORD).cookie("bs_session"))
                .as("the newsroom's count is its own").isNotNull();
    }

    @Test
    void failedNewsroomSignInsDoNotLockOutAReaderWithTheSameEmail() {
        Readers.reader("ned@example.com", "Ned", true);
        Newsroom.staff(StaffRole.EDITOR, "ned@example.com", "Ned Editor");
        var c = Newsroom.anonymous(app);
        for (int i = 0; i < 6; i++) {
            c.submit("/newsroom/login", "/newsroom/login", Map.of("email", "ned@example.com", "password", "wrong password " + i));
        }
        assertThat(c.submit("/newsroom/login", "/newsroom/login", Map.of("email", "ned@example.com", "password", Newsroom.PASSWORD))
                .statusCode()).isEqualTo(429);
        assertThat(Readers.signIn(app, "ned@example.com", Readers.PASSWORD).cookie("bs_reader")).isNotNull();
    }

    @Test
    void aReaderFormMayCarryTheTokenInTheHeader() {
        var c = Readers.signedIn(app, "ola@example.com", "Ola");
        String csrf = Newsroom.csrf(c.get("/account").body());
        var out = c.postWithHeader("/account/signout", Map.of(), "X-CSRF-Token", csrf);
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(c.get("/account").statusCode()).isEqualTo(303);
    }

    @Test
    void theMastheadSaysSignInOrTheReadersNameAndReadersPagesArePrivate() {
        var anonymous = app.get("/topics/");
        assertThat(anonymous.statusCode()).isEqualTo(200);
        var link = Html.parse(anonymous).selectFirst("header a.account-link");
        assertThat(link.text()).isEqualTo("Sign in");
        assertThat(link.attr("href")).isEqualTo("/account/signin?next=%2Ftopics%2F");
        assertThat(anonymous.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).startsWith("public"));
        assertThat(anonymous.headers().firstValue("Vary")).contains("Accept-Encoding");

        var reader = Readers.signedIn(app, "nia@example.com", "Nia <Reader>");
        var own = reader.get("/topics/");
        var named = Html.parse(own).selectFirst("header a.account-link");
        assertThat(named.text()).as("not the cached anonymous page").isEqualTo("Nia <Reader>");
        assertThat(named.attr("href")).isEqualTo("/account");
        assertThat(own.body()).doesNotContain("Nia <Reader>");
        assertThat(own.headers().firstValue("Cache-Control")).contains("private, no-store");
        assertThat(own.headers().firstValue("Vary")).contains("Accept-Encoding, Cookie");
        assertThat(own.headers().firstValue("ETag")).isEmpty();

        var missing = reader.get("/no-such-section/");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Cache-Control")).as("an error page with the reader's name").contains("private, no-store");
        assertThat(Html.parse(missing).selectFirst("header a.account-link").text()).isEqualTo("Nia <Reader>");

        // a page first rendered for a reader is not kept for anyone else
        assertThat(Html.parse(reader.get("/authors/")).selectFirst("header a.account-link").text()).isEqualTo("Nia <Reader>");
        var after = app.get("/authors/");
        assertThat(Html.parse(after).selectFirst("header a.account-link").text()).isEqualTo("Sign in");
        assertThat(after.body()).doesNotContain("Nia");
        assertThat(Html.parse(app.get("/topics/")).selectFirst("header a.account-link").text()).isEqualTo("Sign in");
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "//evil.example/x", "/\\evil.example", "https://evil.example/", "http:evil.example",
            "/./x", "javascript:alert(1)", "/account/signin", ""})
    void aSignInGoesBackOnlyToAPlainPathOnThisSite(String next) {
        Readers.reader("oz@example.com", "Oz", true);
        var c = Newsroom.anonymous(app);
        var in = c.submit("/account/signin", "/account/signin", Map.of("email", "oz@example.com", "password", Readers.PASSWORD, "next", next));
        assertThat(in.statusCode()).isEqualTo(303);
        assertThat(in.headers().firstValue("Location")).hasValue("/");
    }

    @Test
    void aSignInGoesBackToTheLocalPathItCameFrom() {
        Readers.reader("pat@example.com", "Pat", true);
        var c = Newsroom.anonymous(app);
        var in = c.submit("/account/signin", "/account/signin", Map.of("email", "pat@example.com", "password", Readers.PASSWORD,
                "next", "/world/2025/12/07/a-story/?x=1"));
        assertThat(in.headers().firstValue("Location")).contains("/world/2025/12/07/a-story/?x=1");
    }
}
