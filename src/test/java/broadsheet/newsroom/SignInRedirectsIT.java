package broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.shared.StaffRole;
import broadsheet.testing.Newsroom;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * After signing in, {@code next} leads back to the newsroom page first asked for, exactly as the access
 * check wrote it (an address of printable ASCII); anything else, off the site or not, leads to the
 * newsroom's front page. Never a character a browser would drop or a header could not carry.
 */
@ExtendWith(TestDatabase.class)
class SignInRedirectsIT {
    private static final String EMAIL = "rita@test.example";

    @RegisterExtension
    static final TestApp app = new TestApp();

    @ParameterizedTest
    @ValueSource(strings = {"/newsroom/\u0001evil", "/newsroom/\tx", "/newsroom\t//evil.example", "/newsroom/\u007fx", "/newsroom/\u2028x",
            "/newsroom/\u00e9", "/newsroom/ x", "/newsroom/\u0085x", "/newsroom\\evil", "/newsroom/..//evil.example", "//newsroom/",
            "https://evil.example/newsroom/", "/newsroom/\r\nSet-Cookie: x=1"})
    void anAddressThatIsNotAPlainNewsroomAddressLeadsToTheFrontPage(String next) {
        Newsroom.staff(StaffRole.REPORTER, EMAIL, "Rita Reporter");
        var browser = Newsroom.anonymous(app);
        String form = browser.get("/newsroom/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)).body();

        var signedIn = browser.post("/newsroom/login", credentials(Newsroom.csrf(form), next));
        var again = browser.get("/newsroom/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));

        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).as(next).contains("/newsroom/");
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(again.headers().firstValue("Location")).as(next).contains("/newsroom/");
    }

    @Test
    void aPlainNewsroomAddressWithItsQueryIsKept() {
        Newsroom.staff(StaffRole.REPORTER, EMAIL, "Rita Reporter");
        var browser = Newsroom.anonymous(app);
        String next = "/newsroom/audit/?action=signed%20in&page=2";
        String form = browser.get("/newsroom/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)).body();

        var signedIn = browser.post("/newsroom/login", credentials(Newsroom.csrf(form), next));

        assertThat(signedIn.headers().firstValue("Location")).contains(next);
    }

    private static Map<String, String> credentials(String token, String next) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("_csrf", token);
        f.put("email", EMAIL);
        f.put("password", Newsroom.PASSWORD);
        f.put("next", next);
        return f;
    }
}
