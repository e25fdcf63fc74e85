package broadsheet.newsroom;

import static broadsheet.testing.Desk.count;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.account.SignInThrottle;
import broadsheet.shared.StaffRole;
import broadsheet.testing.Newsroom;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Password guessing over the real server: five failures for one account, or twenty from one address
 * across accounts, and the next attempt is answered 429 with Retry-After, even with the right password.
 * The address is the connection's: a forged X-Forwarded-For does not make a new one. Attempts sent all at
 * once are counted one by one, so no more passwords are checked than the limit allows.
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

    @Test
    void thirtySimultaneousGuessesAtOneAccountGetNoMorePasswordChecksThanTheLimit() throws Exception {
        Newsroom.staff(StaffRole.EDITOR, "edna@test.example", "Edna Editor");

        Map<Integer, Long> statuses = allAtOnce(30, i -> "edna@test.example");

        assertThat(statuses).containsOnlyKeys(401, 429);
        assertThat(statuses.get(401)).as("passwords checked").isEqualTo(SignInThrottle.PER_ACCOUNT);
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'sign-in refused'")).isEqualTo(SignInThrottle.PER_ACCOUNT);
    }

    @Test
    void simultaneousGuessesFromOneAddressGetNoMorePasswordChecksThanItsLimit() throws Exception {
        int guesses = SignInThrottle.PER_ADDRESS + 10;

        // two guesses at each account, so only the address's limit applies
        Map<Integer, Long> statuses = allAtOnce(guesses, i -> "person" + (i / 2) + "@test.example");

        assertThat(statuses).containsOnlyKeys(401, 429);
        assertThat(statuses.get(401)).as("passwords checked").isEqualTo(SignInThrottle.PER_ADDRESS);
    }

    /** Sends {@code n} wrong sign-ins together (each from its own browser, the form already loaded); counts the answers by status. */
    private static Map<Integer, Long> allAtOnce(int n, IntFunction<String> email) throws Exception {
        List<Newsroom.Client> browsers = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            var browser = Newsroom.anonymous(app);
            tokens.add(Newsroom.csrf(browser.get("/newsroom/login").body()));
            browsers.add(browser);
        }
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
            for (int i = 0; i < n; i++) {
                int k = i;
                answers.add(pool.submit(() -> {
                    go.await();
                    return browsers.get(k).post("/newsroom/login", Map.of("_csrf", tokens.get(k), "email", email.apply(k),
                            "password", "wrong guess " + k)).statusCode();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : answers) statuses.add(f.get());
            return statuses.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        }
    }
}
