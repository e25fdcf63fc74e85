package broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.shared.StaffRole;
import broadsheet.testing.Newsroom;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(TestDatabase.class)
class TokenPagesIT {
    private static final Pattern VALUE = Pattern.compile("value=\"(bs_[A-Za-z0-9_-]{20,})\"");
    private static final Pattern REVOKE = Pattern.compile("action=\"/newsroom/tokens/([0-9]+)/revoke\"");

    @RegisterExtension
    static final TestApp app = new TestApp();

    @Test
    void onlyAdminsMayManageTokens() {
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);
        assertThat(editor.get("/newsroom/tokens/").statusCode()).isEqualTo(403);
        var r = editor.submit("/newsroom/", "/newsroom/tokens", Map.of("name", "Sneaky", "role", "admin"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(TestDatabase.rowCounts().get("api_tokens")).isZero();
        assertThat(app.get("/newsroom/tokens/").statusCode()).isEqualTo(303);
    }

    @Test
    void anAdminCreatesATokenSeesItOnceUsesItAndRevokesIt() {
        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);
        var list = admin.get("/newsroom/tokens/");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("<h1>API tokens</h1>", "No tokens yet.");

        var created = admin.submit("/newsroom/tokens/", "/newsroom/tokens", Map.of("name", "CMS bridge", "role", "editor"));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(created.body()).contains("Copy this token now", "CMS bridge");
        Matcher m = VALUE.matcher(created.body());
        assertThat(m.find()).isTrue();
        String value = m.group(1);
        assertThat(api(value).statusCode()).isEqualTo(200);

        var after = admin.get("/newsroom/tokens/");
        assertThat(after.body()).contains("CMS bridge", value.substring(0, 10)).doesNotContain(value);
        assertThat(audit()).contains("token created: CMS bridge");

        Matcher revoke = REVOKE.matcher(after.body());
        assertThat(revoke.find()).isTrue();
        var revoked = admin.submit("/newsroom/tokens/", "/newsroom/tokens/" + revoke.group(1) + "/revoke", Map.of());
        assertThat(revoked.statusCode()).isEqualTo(303);
        assertThat(revoked.headers().firstValue("Location")).hasValue("/newsroom/tokens/?notice=revoked");
        assertThat(api(value).statusCode()).isEqualTo(401);
        var listed = admin.get("/newsroom/tokens/?notice=revoked");
        assertThat(listed.body()).contains("The token was revoked", "revoked").doesNotContain("/revoke\"");
        assertThat(audit()).contains("token revoked: CMS bridge");

        var twice = admin.submit("/newsroom/tokens/", "/newsroom/tokens/" + revoke.group(1) + "/revoke", Map.of());
        assertThat(twice.headers().firstValue("Location")).hasValue("/newsroom/tokens/?notice=gone");
    }

    @Test
    void aTokenWithoutANameIsRefusedWithTheFormShownAgain() {
        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);
        var r = admin.submit("/newsroom/tokens/", "/newsroom/tokens", Map.of("name", "  ", "role", "contributor"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("aria-invalid=\"true\"", "aria-describedby=\"token-error\"", "Give the token a name");
        var badRole = admin.submit("/newsroom/tokens/", "/newsroom/tokens", Map.of("name", "Feed", "role", "owner"));
        assertThat(badRole.statusCode()).isEqualTo(400);
        var noCsrf = admin.post("/newsroom/tokens", Map.of("name", "Feed", "role", "editor"));
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        assertThat(TestDatabase.rowCounts().get("api_tokens")).isZero();
    }

    private static HttpResponse<String> api(String token) {
        return app.get("/api/admin/v1/articles", "Authorization", "Bearer " + token);
    }

    private static List<String> audit() {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT action || ': ' || subject FROM audit_log ORDER BY id")
                .mapTo(String.class).list());
    }
}
