package broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.shared.StaffRole;
import broadsheet.testing.Html;
import broadsheet.testing.Newsroom;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@ExtendWith(TestDatabase.class)
class StaffPagesIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    @ParameterizedTest
    @EnumSource(value = StaffRole.class, names = {"CONTRIBUTOR", "REPORTER", "EDITOR"})
    void onlyAdminsMayUseTheStaffPages(StaffRole role) {
        long other = Newsroom.staff(StaffRole.CONTRIBUTOR, "carl@test.example", "Carl Contributor");
        var client = Newsroom.signedIn(app, role);
        for (String page : List.of("/newsroom/staff/", "/newsroom/staff/new", "/newsroom/staff/" + other)) {
            assertThat(client.get(page).statusCode()).as(page).isEqualTo(403);
        }
        String csrf = Newsroom.csrf(client.get("/newsroom/").body());
        var create = client.post("/newsroom/staff/", Map.of("_csrf", csrf, "email", "x@test.example", "name", "X", "role", "admin"));
        var promote = client.post("/newsroom/staff/" + other + "/role", Map.of("_csrf", csrf, "role", "admin"));

        assertThat(create.statusCode()).isEqualTo(403);
        assertThat(promote.statusCode()).isEqualTo(403);
        assertThat(role(other)).isEqualTo("contributor");
        assertThat(count("SELECT count(*) FROM staff WHERE email = 'x@test.example'")).isZero();
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() {
        var r = app.get("/newsroom/staff/");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).contains("/newsroom/login?next=%2Fnewsroom%2Fstaff%2F");
    }

    @Test
    void theListShowsEveryMember() {
        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);
        long gone = Newsroom.staff(StaffRole.REPORTER, "rita@test.example", "Rita Reporter");
        TestDatabase.jdbi().useHandle(h -> h.execute("UPDATE staff SET disabled_at = now(), totp_secret = 'JBSWY3DPEHPK3PXP' WHERE id = ?", gone));

        var page = Html.parse(admin.get("/newsroom/staff/"));

        assertThat(page.select("h1").text()).isEqualTo("Staff");
        assertThat(page.select("tbody tr")).hasSize(2);
        assertThat(page.select("tbody tr").get(0).text()).contains("Admin Person", "admin@test.example", "Admin", "Off", "Active",
                "7 December 2025");
        assertThat(page.select("tbody tr").get(1).text()).contains("Rita Reporter", "Reporter", "On", "Disabled");
        assertThat(page.select("a[href=/newsroom/staff/" + gone + "]")).hasSize(1);
    }

    @Test
    void anAdminAddsAMemberWithAGeneratedPasswordShownOnce() {
        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);
        var r = admin.submit("/newsroom/staff/new", "/newsroom/staff/",
                Map.of("name", "Nina Newcomer", "email", "nina@test.example", "role", "reporter", "password", ""));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        String password = Html.parse(r).select("#new-password").text();
        assertThat(password).matches("[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}");
        var nina = Newsroom.signIn(app, "nina@test.example", password);
        assertThat(nina.get("/newsroom/").body()).contains("Nina Newcomer", "Reporter");
        assertThat(admin.get("/newsroom/staff/").body()).contains("nina@test.example").doesNotContain(password);
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'staff created' AND subject = 'nina@test.example' AND actor = 'Admin Person'"))
                .isEqualTo(1);
    }

    @Test
    void aTypedPasswordMustBeGoodEnoughAndIsNotShown() {
        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);
        var tooShort = admin.submit("/newsroom/staff/new", "/newsroom/staff/",
                Map.of("name", "Ed Itor", "email", "ed@test.example", "role", "editor", "password", "short"));

        assertThat(tooShort.statusCode()).isEqualTo(400);
        var form = Html.parse(tooShort);
        assertThat(form.select("#password").attr("aria-invalid")).isEqualTo("true");
        assertThat(form.select("#password").attr("aria-describedby")).contains("password-error");
        assertThat(form.select("#password-error").text()).contains("at least 12 characters");
        assertThat(form.select("#name").val()).isEqualTo("Ed Itor");
        assertThat(form.select("#role-editor").hasAttr("checked")).isTrue();
        assertThat(count("SELECT count(*) FROM staff WHERE email = 'ed@test.example'")).isZero();

        var ok = admin.submit("/newsroom/staff/new", "/newsroom/staff/",
                Map.of("name", "Ed Itor", "email", "ed@test.example", "role", "editor", "password", "a long typed password"));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("They sign in with the password you typed.").doesNotContain("a long typed password");
        assertThat(Newsroom.signIn(app, "ed@test.example", "a long typed password").get("/newsroom/").body()).contains("Ed Itor");
    }

    @Test
    void anEmailInUseOrMalformedIsShownBesideTheField() {
        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);
        var taken = admin.submit("/newsroom/staff/new", "/newsroom/staff/",
                Map.of("name", "Another", "email", "ADMIN@test.example", "role", "editor", "password", ""));
        var malformed = admin.submit("/newsroom/staff/new", "/newsroom/staff/",
                Map.of("name", "Another", "email", "not-an-address", "role", "editor", "password", ""));
        var noRole = admin.submit("/newsroom/staff/new", "/newsroom/staff/",
                Map.of("name", "Another", "email", "another@test.example", "role", "owner", "password", ""));

        assertThat(taken.statusCode()).isEqualTo(400);
        assertThat(Html.parse(taken).select("#email-error").text()).isEqualTo("There is already an account for ADMIN@test.example.");
        assertThat(Html.parse(taken).select("#email").attr("aria-invalid")).isEqualTo("true");
        assertThat(Html.parse(malformed).select("#email-error").text()).contains("is not an email address");
        assertThat(noRole.statusCode()).isEqualTo(400);
        assertThat(Html.parse(noRole).select("#role-error").text()).isEqualTo("Choose a role.");
        assertThat(count("SELECT count(*) FROM staff")).isEqualTo(1);
    }

    @Test
    void changingARoleEndsTheirSessionsAndIsAudited() {
        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);
        long rita = Newsroom.staff(StaffRole.REPORTER, "rita@test.example", "Rita Reporter");
        var ritaBrowser = Newsroom.signIn(app, "rita@test.example", Newsroom.PASSWORD);

        var r = admin.submit("/newsroom/staff/" + rita, "/newsroom/staff/" + rita + "/role", Map.of("role", "editor"));

        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).contains("/newsroom/staff/" + rita + "?notice=role");
        assertThat(admin.get("/newsroom/staff/" + rita + "?notice=role").body()).contains("Role changed.");
        assertThat(role(rita)).isEqualTo("editor");
        assertThat(ritaBrowser.get("/newsroom/").statusCode()).isEqualTo(303);
        assertThat(Newsroom.signIn(app, "rita@test.example", Newsroom.PASSWORD).get("/newsroom/").body()).contains("Editor");
        assertThat(count("""
                SELECT count(*) FROM audit_log WHERE action = 'role changed' AND subject = 'rita@test.example'
                AND details->>'from' = 'reporter' AND details->>'role' = 'editor'""")).isEqualTo(1);
    }

    @Test
    void anAdminCannotChangeTheirOwnRoleOrDisableThemselves() {
        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);
        long me = id("admin@test.example");

        var demote = admin.submit("/newsroom/staff/" + me, "/newsroom/staff/" + me + "/role", Map.of("role", "reporter"));
        var disable = admin.submit("/newsroom/staff/" + me, "/newsroom/staff/" + me + "/disable", Map.of());
        var reset = admin.submit("/newsroom/staff/" + me, "/newsroom/staff/" + me + "/password", Map.of());

        assertThat(demote.statusCode()).isEqualTo(400);
        assertThat(Html.parse(demote).select("#role-error").text()).isEqualTo("You cannot change your own role.");
        assertThat(disable.statusCode()).isEqualTo(400);
        assertThat(disable.body()).contains("You cannot disable your own account.");
        assertThat(reset.statusCode()).isEqualTo(400);
        assertThat(reset.body()).contains("Change your own password on your account page");
        assertThat(role(me)).isEqualTo("admin");
        assertThat(admin.get("/newsroom/staff/").statusCode()).isEqualTo(200);
    }

    @Test
    void resettingAPasswordShowsTheNewOneOnceAndEndsTheirSessions() {
        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);
        long rita = Newsroom.staff(StaffRole.REPORTER, "rita@test.example", "Rita Reporter");
        var ritaBrowser = Newsroom.signIn(app, "rita@test.example", Newsroom.PASSWORD);

        var r = admin.submit("/newsroom/staff/" + rita, "/newsroom/staff/" + rita + "/password", Map.of());

        assertThat(r.statusCode()).isEqualTo(200);
        String password = Html.parse(r).select("#new-password").text();
        assertThat(password).hasSize(23);
        assertThat(ritaBrowser.get("/newsroom/").statusCode()).isEqualTo(303);
        assertThat(attempt("rita@test.example", Newsroom.PASSWORD).statusCode()).isEqualTo(401);
        assertThat(Newsroom.signIn(app, "rita@test.example", password).get("/newsroom/").statusCode()).isEqualTo(200);
        assertThat(admin.get("/newsroom/staff/" + rita).body()).doesNotContain(password);
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'password changed' AND subject = 'rita@test.example'")).isEqualTo(1);
    }

    @Test
    void aDisabledMemberIsSignedOutAndCannotSignInUntilEnabled() {
        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);
        long rita = Newsroom.staff(StaffRole.REPORTER, "rita@test.example", "Rita Reporter");
        var ritaBrowser = Newsroom.signIn(app, "rita@test.example", Newsroom.PASSWORD);

        var off = admin.submit("/newsroom/staff/" + rita, "/newsroom/staff/" + rita + "/disable", Map.of());

        assertThat(off.statusCode()).isEqualTo(303);
        assertThat(ritaBrowser.get("/newsroom/").statusCode()).isEqualTo(303);
        var refused = attempt("rita@test.example", Newsroom.PASSWORD);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("That email address and password do not match an account.");
        assertThat(Html.parse(admin.get("/newsroom/staff/" + rita)).select(".nr-facts").text()).contains("Disabled since 7 December 2025");

        var on = admin.submit("/newsroom/staff/" + rita, "/newsroom/staff/" + rita + "/enable", Map.of());
        assertThat(on.statusCode()).isEqualTo(303);
        assertThat(Newsroom.signIn(app, "rita@test.example", Newsroom.PASSWORD).get("/newsroom/").statusCode()).isEqualTo(200);
        assertThat(count("SELECT count(*) FROM audit_log WHERE action IN ('staff disabled', 'staff enabled')")).isEqualTo(2);
    }

    @Test
    void anAdminTurnsOffTwoFactorForSomeoneWhoLostTheirPhone() {
        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);
        long rita = Newsroom.staff(StaffRole.REPORTER, "rita@test.example", "Rita Reporter");
        TestDatabase.jdbi().useHandle(h -> h.execute("UPDATE staff SET totp_secret = 'JBSWY3DPEHPK3PXP' WHERE id = ?", rita));
        assertThat(attempt("rita@test.example", Newsroom.PASSWORD).headers().firstValue("Location").orElse("")).startsWith("/newsroom/login/code");

        var r = admin.submit("/newsroom/staff/" + rita, "/newsroom/staff/" + rita + "/two-factor/off", Map.of());

        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(Newsroom.signIn(app, "rita@test.example", Newsroom.PASSWORD).get("/newsroom/").statusCode()).isEqualTo(200);
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'two-factor turned off' AND actor = 'Admin Person'")).isEqualTo(1);
    }

    @Test
    void aChangeWithoutTheFormTokenIsRefusedAndNothingChanges() {
        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);
        long rita = Newsroom.staff(StaffRole.REPORTER, "rita@test.example", "Rita Reporter");

        var none = admin.post("/newsroom/staff/" + rita + "/role", Map.of("role", "admin"));
        var wrong = admin.post("/newsroom/staff/" + rita + "/disable", Map.of("_csrf", "not-the-token"));

        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(role(rita)).isEqualTo("reporter");
        assertThat(count("SELECT count(*) FROM staff WHERE disabled_at IS NOT NULL")).isZero();
    }

    @Test
    void anUnknownMemberIsNotFound() {
        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);
        assertThat(admin.get("/newsroom/staff/999999").statusCode()).isEqualTo(404);
        assertThat(admin.get("/newsroom/staff/someone").statusCode()).isEqualTo(404);
        assertThat(admin.submit("/newsroom/", "/newsroom/staff/999999/disable", Map.of()).statusCode()).isEqualTo(404);
    }

    private static HttpResponse<String> attempt(String email, String password) {
        var anonymous = Newsroom.anonymous(app);
        String form = anonymous.get("/newsroom/login").body();
        return anonymous.post("/newsroom/login", Map.of("_csrf", Newsroom.csrf(form), "email", email, "password", password));
    }

    private static String role(long id) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT role FROM staff WHERE id = :id").bind("id", id).mapTo(String.class).one());
    }

    private static long id(String email) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT id FROM staff WHERE email = :e").bind("e", email).mapTo(Long.class).one());
    }

    private static long count(String sql) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
