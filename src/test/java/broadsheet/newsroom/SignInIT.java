package broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.shared.StaffRole;
import broadsheet.testing.Newsroom;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(TestDatabase.class)
class SignInIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    @Test
    void anEditorSignsInSeesTheListAndSignsOut() {
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);
        var list = editor.get("/newsroom/");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("<h1>Articles", "Editor Person");
        assertThat(list.headers().firstValue("Cache-Control")).contains("no-store");

        var out = editor.submit("/newsroom/", "/newsroom/logout", Map.of());
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(editor.get("/newsroom/").statusCode()).isEqualTo(303);
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() {
        var r = app.get("/newsroom/articles/new");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).contains("/newsroom/login?next=%2Fnewsroom%2Farticles%2Fnew");
    }

    @Test
    void aWrongPasswordIsRefusedWithTheSameWordsAsAnUnknownEmail() {
        Newsroom.staff(StaffRole.REPORTER, "rita@test.example", "Rita Reporter");
        var wrongPassword = attempt("rita@test.example", "not the password");
        var unknownEmail = attempt("nobody@test.example", Newsroom.PASSWORD);

        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(unknownEmail.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.body()).contains("That email address and password do not match an account.");
        assertThat(unknownEmail.body()).contains("That email address and password do not match an account.");
        assertThat(wrongPassword.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("bs_session="));
    }

    private static HttpResponse<String> attempt(String email, String password) {
        var anonymous = Newsroom.anonymous(app);
        String form = anonymous.get("/newsroom/login").body();
        return anonymous.post("/newsroom/login", Map.of("_csrf", Newsroom.csrf(form), "email", email, "password", password));
    }
}
