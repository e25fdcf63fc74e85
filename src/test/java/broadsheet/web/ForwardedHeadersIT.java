package broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.account.SignInThrottle;
import broadsheet.shared.StaffRole;
import broadsheet.testing.Newsroom;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Behind a trusted proxy that adds its own {@code X-Forwarded-For} and {@code X-Forwarded-Proto} lines
 * rather than extending the client's: what the client wrote on its own lines comes first and is not
 * believed; the values the proxy added decide the address and the scheme.
 */
@ExtendWith(TestDatabase.class)
class ForwardedHeadersIT {
    @RegisterExtension
    static final TestApp app = new TestApp(); // trusts loopback, where the test stands in for the proxy

    @Test
    void theAddressIsTheOneTheProxyAddedSoForgedFirstLinesNeitherHideNorSpreadAttempts() {
        Newsroom.staff(StaffRole.REPORTER, "rita@test.example", "Rita Reporter");
        var browser = Newsroom.anonymous(app);
        String token = Newsroom.csrf(browser.get("/newsroom/login").body());
        String form = browser.cookie(Cookies.FORM);

        for (int i = 0; i < SignInThrottle.PER_ADDRESS; i++) {
            String status = signIn(form, token, "person" + i + "@test.example", "wrong",
                    List.of("X-Forwarded-For: 7.7.7." + i, "X-Forwarded-For: 8.8.8.8")).get(0);
            assertThat(status).as("attempt " + (i + 1)).contains(" 401 ");
        }
        String locked = signIn(form, token, "rita@test.example", Newsroom.PASSWORD,
                List.of("X-Forwarded-For: 7.7.7.99", "X-Forwarded-For: 8.8.8.8")).get(0);

        assertThat(locked).as("the twenty-first attempt from 8.8.8.8").contains(" 429 ");
        List<String> ips = TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT DISTINCT ip FROM audit_log WHERE action LIKE 'sign-in%'")
                .mapTo(String.class).list());
        assertThat(ips).containsExactly("8.8.8.8");
    }

    @Test
    void theSchemeIsTheOneTheNearestProxySet() {
        Newsroom.staff(StaffRole.REPORTER, "rita@test.example", "Rita Reporter");
        var browser = Newsroom.anonymous(app);
        String token = Newsroom.csrf(browser.get("/newsroom/login").body());

        List<String> answer = signIn(browser.cookie(Cookies.FORM), token, "rita@test.example", Newsroom.PASSWORD,
                List.of("X-Forwarded-Proto: http", "X-Forwarded-Proto: https"));

        assertThat(answer.get(0)).contains(" 303 ");
        assertThat(answer).filteredOn(h -> h.startsWith("Set-Cookie: bs_session=")).singleElement().asString().contains("; Secure");
    }

    /** Posts the sign-in form over a plain socket, with the given header lines as written; returns the status line and headers. */
    private static List<String> signIn(String formCookie, String token, String email, String password, List<String> headers) {
        String body = "_csrf=" + enc(token) + "&email=" + enc(email) + "&password=" + enc(password);
        StringBuilder request = new StringBuilder("POST /newsroom/login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n")
                .append("Cookie: ").append(Cookies.FORM).append('=').append(formCookie).append("\r\n")
                .append("Content-Type: application/x-www-form-urlencoded\r\n")
                .append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length).append("\r\n");
        headers.forEach(h -> request.append(h).append("\r\n"));
        request.append("\r\n").append(body);
        try (Socket socket = new Socket("127.0.0.1", app.app().port())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            String response = readAll(socket.getInputStream());
            return List.of(response.substring(0, response.indexOf("\r\n\r\n")).split("\r\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
