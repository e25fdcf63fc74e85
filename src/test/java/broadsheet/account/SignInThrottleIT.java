package broadsheet.account;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.shared.StaffRole;
import broadsheet.testing.Newsroom;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Password guessing is slowed per account and per address, at the sign-in form and at the code step. */
@ExtendWith(TestDatabase.class)
class SignInThrottleIT {
    @RegisterExtension
    static final TestApp app = new TestApp();
    private static final Instant T = Instant.parse("2025-12-01T09:00:00Z");
    private final SignInThrottle throttle = new SignInThrottle(TestDatabase.jdbi());

    @Test
    void fiveFailuresLockTheAccountEvenForTheRightPassword() {
        Newsroom.staff(StaffRole.REPORTER, "rita@test.example", "Rita Reporter");
        Newsroom.staff(StaffRole.EDITOR, "ed@test.example", "Ed Editor");
        for (int i = 0; i < SignInThrottle.PER_ACCOUNT; i++) {
            assertThat(attempt("rita@test.example", "guess number " + i).statusCode()).isEqualTo(401);
        }

        var locked = attempt("rita@test.example", Newsroom.PASSWORD);

        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).hasValue(String.valueOf(SignInThrottle.WINDOW.toSeconds()));
        assertThat(locked.body()).contains("Too many attempts", "Try again in 15 minutes.");
        assertThat(locked.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("bs_session="));
        assertThat(attempt("RITA@test.example", Newsroom.PASSWORD).statusCode()).as("any case of the address").isEqualTo(429);
        assertThat(attempt("ed@test.example", Newsroom.PASSWORD).statusCode()).as("another account").isEqualTo(303);
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'sign-in throttled' AND subject = 'rita@test.example'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'sign-in refused'")).isEqualTo(SignInThrottle.PER_ACCOUNT);
    }

    @Test
    void twentyFailuresFromOneAddressLockEveryAccountFromIt() {
        Newsroom.staff(StaffRole.REPORTER, "rita@test.example", "Rita Reporter");
        for (int i = 0; i < SignInThrottle.PER_ADDRESS; i++) {
            // four guesses at each of five addresses: no one account reaches its limit
            assertThat(attempt("someone" + (i % 5) + "@test.example", "guess").statusCode()).isEqualTo(401);
        }

        var locked = attempt("rita@test.example", Newsroom.PASSWORD);

        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void signingInClearsTheAccountsFailures() {
        Newsroom.staff(StaffRole.REPORTER, "rita@test.example", "Rita Reporter");
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < SignInThrottle.PER_ACCOUNT - 1; i++) attempt("rita@test.example", "guess");
            assertThat(attempt("rita@test.example", Newsroom.PASSWORD).statusCode()).isEqualTo(303);
        }
    }

    @Test
    void theCodeStepCountsWrongCodesToo() {
        long rita = Newsroom.staff(StaffRole.REPORTER, "rita@test.example", "Rita Reporter");
        String secret = TwoFactor.newSecret();
        TestDatabase.jdbi().useHandle(h -> h.execute("UPDATE staff SET totp_secret = ? WHERE id = ?", secret, rita));
        var browser = Newsroom.anonymous(app);
        String form = browser.get("/newsroom/login").body();
        browser.post("/newsroom/login", Map.of("_csrf", Newsroom.csrf(form), "email", "rita@test.example", "password", Newsroom.PASSWORD));
        String right = new TwoFactor().code(secret, TestApp.NOW);
        String wrong = right.equals("123456") ? "654321" : "123456";
        for (int i = 0; i < SignInThrottle.PER_ACCOUNT; i++) {
            assertThat(code(browser, wrong).statusCode()).isEqualTo(401);
        }

        var locked = code(browser, right);

        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(browser.get("/newsroom/").statusCode()).isEqualTo(303);
    }

    @Test
    void theLockLiftsWhenTheOldestFailureLeavesTheWindow() {
        for (int i = 0; i < SignInThrottle.PER_ACCOUNT; i++) {
            assertThat(throttle.take("rita@test.example", "192.0.2.1", T.plus(Duration.ofMinutes(i))).refused()).isFalse();
        }
        Instant last = T.plus(Duration.ofMinutes(SignInThrottle.PER_ACCOUNT - 1));

        assertThat(throttle.take("rita@test.example", "192.0.2.9", last).retryAfter()).isEqualTo(SignInThrottle.WINDOW.minus(Duration.ofMinutes(4)));
        assertThat(throttle.take("Rita@Test.Example", "192.0.2.9", T.plus(SignInThrottle.WINDOW).minusSeconds(1)).refused()).isTrue();
        assertThat(throttle.take("rita@test.example", "192.0.2.9", T.plus(SignInThrottle.WINDOW).plusSeconds(1)).refused())
                .as("one failure has left the window: four remain").isFalse();
        assertThat(throttle.take("ed@test.example", "192.0.2.9", last).refused()).isFalse();
    }

    @Test
    void aTurnThatSucceedsClearsTheAccountsFailuresAndOneForgottenLeavesThem() {
        for (int i = 0; i < SignInThrottle.PER_ACCOUNT - 1; i++) throttle.take("rita@test.example", "192.0.2.1", T);
        throttle.forget(throttle.take("rita@test.example", "192.0.2.1", T));
        var last = throttle.take("rita@test.example", "192.0.2.1", T);
        assertThat(last.refused()).as("four failures and one forgotten turn").isFalse();
        assertThat(throttle.take("rita@test.example", "192.0.2.1", T).refused()).isTrue();

        throttle.succeeded(last);

        assertThat(throttle.take("RITA@test.example", "192.0.2.1", T).refused()).isFalse();
    }

    private static HttpResponse<String> attempt(String email, String password) {
        var anonymous = Newsroom.anonymous(app);
        String form = anonymous.get("/newsroom/login").body();
        return anonymous.post("/newsroom/login", Map.of("_csrf", Newsroom.csrf(form), "email", email, "password", password));
    }

    private static HttpResponse<String> code(Newsroom.Client browser, String code) {
        String form = browser.get("/newsroom/login/code").body();
        return browser.post("/newsroom/login/code", Map.of("_csrf", Newsroom.csrf(form), "code", code));
    }

    private static long count(String sql) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
