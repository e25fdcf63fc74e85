package broadsheet.newsroom;

import static broadsheet.newsroom.Desk.count;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.account.SignInThrottle;
import broadsheet.account.StaffRole;
import broadsheet.testing.Newsroom;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Password guessing over the real server: five failures for one account, or twenty from one address
 * across accounts, and the next attempt is answered 429 with Retry-After, even with the right password.
 * The address is the connection's: a forged X-Forwarded-For does not make a new one.
 */
@ExtendWith(TestDatabase.class)
class SignInThrottleIT {
    @RegisterExtension
    // no proxy is trusted here, so the X-Forwarded-For each attempt sends is a forgery and must not count
    static final TestApp app = new TestApp().with("trusted-proxies", "");

    private static HttpResponse<String> attempt(String email, String password, String forwardedFor) {
        var browser = Newsroom.anonymous(app);
        String token = Newsroom.csrf(browser.get("/newsroom/login").body());
        return browser.postWithHeader("/newsroom/login", Map.of("_csrf", token, "email", email, "password", password),
                "X-Forwarded-For", forwardedFor);
    }

    private static void assertThrottled(HttpResponse<String> r) {
        assertThat(r.statusCode()).isEqualTo(429);
        long retryAfter = Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, SignInThrottle.WINDOW.toSeconds());
        assertThat(r.body()).contains("too many attempts");
        assertThat(r.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("bs_session="));
    }

    @Test
    void theSixthAttemptForOneAccountIsRefusedEvenWithTheRightPassword() {
        Newsroom.staff(StaffRole.EDITOR, "edna@test.example", "Edna Editor");
        for (int i = 0; i < SignInThrottle.PER_ACCOUNT; i++) {
            assertThat(attempt("edna@test.example", "wrong guess " + i, "10.0.0." + i).statusCode()).as("attempt " + (i + 1)).isEqualTo(401);
        }

        assertThrottled(attempt("edna@test.example", Newsroom.PASSWORD, "10.0.1.1"));
        assertThrottled(attempt("EDNA@test.example", Newsroom.PASSWORD, "10.0.1.2"));
        assertThat(count("SELECT count(*) FROM sessions")).isZero();
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'sign-in throttled'")).isEqualTo(2);
    }

    @Test
    void theTwentyFirstAttemptFromOneAddressIsRefusedWhicheverAccountItNames() {
        Newsroom.staff(StaffRole.EDITOR, "edna@test.example", "Edna Editor");
        for (int i = 0; i < SignInThrottle.PER_ADDRESS; i++) {
            var r = attempt("person" + i + "@test.example", "wrong guess", "192.0.2." + i);
            assertThat(r.statusCode()).as("attempt " + (i + 1)).isEqualTo(401);
        }

        assertThrottled(attempt("edna@test.example", Newsroom.PASSWORD, "198.51.100.7"));
        assertThat(count("SELECT count(*) FROM sessions")).isZero();
    }

    @Test
    void aGoodPasswordBeforeTheLimitClearsTheAccountsFailures() {
        Newsroom.staff(StaffRole.EDITOR, "edna@test.example", "Edna Editor");
        for (int i = 0; i < SignInThrottle.PER_ACCOUNT - 1; i++) attempt("edna@test.example", "wrong", "10.0.0.1");
        assertThat(attempt("edna@test.example", Newsroom.PASSWORD, "10.0.0.1").statusCode()).isEqualTo(303);

        for (int i = 0; i < SignInThrottle.PER_ACCOUNT - 1; i++) {
            assertThat(attempt("edna@test.example", "wrong", "10.0.0.1").statusCode()).isEqualTo(401);
        }
        assertThat(attempt("edna@test.example", Newsroom.PASSWORD, "10.0.0.1").statusCode()).isEqualTo(303);
    }
}
