package broadsheet.account;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.shared.StaffRole;
import broadsheet.testing.Newsroom;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sessions in the database (idle and total expiry, disabling), and the session cookie as the server sets it. */
@ExtendWith(TestDatabase.class)
class SessionsIT {
    @RegisterExtension
    static final TestApp app = new TestApp();
    private static final Instant T = Instant.parse("2025-12-01T09:00:00Z");
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Sessions sessions = new Sessions(TestDatabase.jdbi());

    @Test
    void aSessionEndsAfterItsIdleTime() {
        long id = Newsroom.staff(StaffRole.REPORTER, "rita@test.example", "Rita Reporter");
        String token = sessions.start(id, false, "192.0.2.1", "test", T);

        assertThat(sessions.find(token, T.plus(Sessions.IDLE).minusSeconds(60))).isPresent();
        assertThat(sessions.find(token, T.plus(Sessions.IDLE).minusSeconds(60).plus(Sessions.IDLE).plusSeconds(1))).isEmpty();
        assertThat(sessions.find(token, T)).as("an ended session stays ended").isEmpty();
        assertThat(rows()).isZero();
    }

    @Test
    void anUnusedSessionEndsAfterIdleEvenIfNeverTouched() {
        long id = Newsroom.staff(StaffRole.REPORTER, "rita@test.example", "Rita Reporter");
        String token = sessions.start(id, false, "192.0.2.1", "test", T);

        assertThat(sessions.find(token, T.plus(Sessions.IDLE).plusSeconds(1))).isEmpty();
    }

    @Test
    void useKeepsASessionAliveUntilItsLongestLife() {
        long id = Newsroom.staff(StaffRole.REPORTER, "rita@test.example", "Rita Reporter");
        String token = sessions.start(id, false, "192.0.2.1", "test", T);
        Duration step = Sessions.IDLE.minusHours(1);
        Instant at = T;
        while (at.plus(step).isBefore(T.plus(Sessions.LONGEST))) {
            at = at.plus(step);
            assertThat(sessions.find(token, at)).as("at %s", at).isPresent();
        }
        assertThat(sessions.find(token, T.plus(Sessions.LONGEST).plusSeconds(1))).isEmpty();
    }

    @Test
    void aDisabledPersonsSessionsNoLongerWorkAndSweepingRemovesExpiredOnes() {
        long rita = Newsroom.staff(StaffRole.REPORTER, "rita@test.example", "Rita Reporter");
        long ed = Newsroom.staff(StaffRole.EDITOR, "ed@test.example", "Ed Editor");
        String ritas = sessions.start(rita, false, "192.0.2.1", "test", T);
        String eds = sessions.start(ed, false, "192.0.2.1", "test", T);
        sessions.start(ed, false, "192.0.2.1", "test", T.minus(Sessions.IDLE).minusSeconds(1));
        TestDatabase.jdbi().useHandle(h -> h.execute("UPDATE staff SET disabled_at = ? WHERE id = ?", Timestamp.from(T), rita));

        assertThat(sessions.find(ritas, T)).isEmpty();
        assertThat(sessions.find(eds, T)).map(s -> s.staff().email()).hasValue("ed@test.example");
        assertThat(sessions.sweep(T)).isEqualTo(1);
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void theIdleTimeoutInEffectIsAskedAtEveryCheckAndEverySweep() {
        var idle = new AtomicReference<>(Sessions.IDLE);
        var paper = new Sessions(TestDatabase.jdbi(), idle::get);
        long rita = Newsroom.staff(StaffRole.REPORTER, "rita@test.example", "Rita Reporter");
        String used = paper.start(rita, false, "192.0.2.1", "test", T);
        paper.start(rita, false, "192.0.2.1", "test", T);
        assertThat(paper.find(used, T.plus(Duration.ofHours(2)))).isPresent();

        // the paper's settings shorten it: sessions already open are held to the new timeout
        idle.set(Duration.ofHours(1));
        assertThat(paper.find(used, T.plus(Duration.ofHours(2)).plusSeconds(59 * 60))).isPresent();
        assertThat(paper.sweep(T.plus(Duration.ofHours(2)).plusSeconds(59 * 60))).as("the unused one").isEqualTo(1);
        assertThat(paper.find(used, T.plus(Duration.ofHours(4)))).isEmpty();
        assertThat(rows()).isZero();
    }

    @Test
    void onlyAHashOfTheTokenIsStored() {
        long id = Newsroom.staff(StaffRole.REPORTER, "rita@test.example", "Rita Reporter");
        String token = sessions.start(id, true, "192.0.2.1", "test", T);

        String stored = TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT token_hash FROM sessions").mapTo(String.class).one());
        assertThat(stored).isNotEqualTo(token).isEqualTo(Sessions.hash(token));
        assertThat(sessions.find(token, T)).map(Sessions.Session::pendingTotp).hasValue(true);
        assertThat(sessions.find(token.substring(1), T)).isEmpty();
    }

    @Test
    void theSessionCookieIsHttpOnlyAndLaxAndSecureBehindAnHttpsProxy() {
        Newsroom.staff(StaffRole.REPORTER, "rita@test.example", "Rita Reporter");

        String plain = sessionCookie(signIn(null, List.of()));
        String https = sessionCookie(signIn(null, List.of("X-Forwarded-Proto", "https")));

        assertThat(plain).contains("; Path=/", "; HttpOnly", "; SameSite=Lax", "; Max-Age=" + Sessions.LONGEST.toSeconds())
                .doesNotContain("Secure");
        assertThat(https).contains("; HttpOnly", "; SameSite=Lax", "; Secure");
    }

    @Test
    void signingInGivesANewSessionAndEndsTheOneTheBrowserHadBefore() {
        Newsroom.staff(StaffRole.REPORTER, "rita@test.example", "Rita Reporter");
        Newsroom.staff(StaffRole.EDITOR, "ed@test.example", "Ed Editor");
        String planted = "attacker-chosen-value-0123456789abcdef";
        String first = token(sessionCookie(signIn(planted, List.of())));
        assertThat(first).isNotEqualTo(planted);
        assertThat(page("/newsroom/", first).statusCode()).isEqualTo(200);

        String second = token(sessionCookie(signIn(first, List.of())));

        assertThat(second).isNotEqualTo(first);
        assertThat(page("/newsroom/", second).statusCode()).isEqualTo(200);
        assertThat(page("/newsroom/", first).statusCode()).as("the session the browser had before").isEqualTo(303);
    }

    /** Signs Rita in with the given session cookie already in the browser (or none); returns the answer to the form. */
    private static HttpResponse<String> signIn(String existingSession, List<String> headers) {
        var form = send(HttpRequest.newBuilder(URI.create(app.url("/newsroom/login"))).GET(), null, null, headers);
        String formCookie = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("bs_form=")).findFirst()
                .map(SessionsIT::token).orElseThrow();
        String body = "_csrf=" + enc(Newsroom.csrf(form.body())) + "&email=" + enc("rita@test.example") + "&password=" + enc(Newsroom.PASSWORD);
        var r = send(HttpRequest.newBuilder(URI.create(app.url("/newsroom/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), existingSession, formCookie, headers);
        assertThat(r.statusCode()).isEqualTo(303);
        return r;
    }

    private static HttpResponse<String> page(String path, String session) {
        return send(HttpRequest.newBuilder(URI.create(app.url(path))).GET(), session, null, List.of());
    }

    private static HttpResponse<String> send(HttpRequest.Builder b, String session, String form, List<String> headers) {
        String cookies = String.join("; ", Optional.ofNullable(session).map(s -> "bs_session=" + s).stream().toList())
                + (form == null ? "" : (session == null ? "" : "; ") + "bs_form=" + form);
        if (!cookies.isEmpty()) b.header("Cookie", cookies);
        for (int i = 0; i + 1 < headers.size(); i += 2) b.header(headers.get(i), headers.get(i + 1));
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String sessionCookie(HttpResponse<String> r) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("bs_session=")).findFirst().orElseThrow();
    }

    private static String token(String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        return pair.substring(pair.indexOf('=') + 1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static long rows() {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM sessions").mapTo(Long.class).one());
    }
}
