package broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.shared.AuditLog;
import broadsheet.shared.StaffRole;
import broadsheet.testing.Html;
import broadsheet.testing.Newsroom;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.time.Instant;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@ExtendWith(TestDatabase.class)
class AuditPagesIT {
    @RegisterExtension
    static final TestApp app = new TestApp();
    private static final AuditLog LOG = new AuditLog(TestDatabase.jdbi());

    @ParameterizedTest
    @EnumSource(value = StaffRole.class, names = {"CONTRIBUTOR", "REPORTER", "EDITOR"})
    void onlyAdminsReadTheLog(StaffRole role) {
        var client = Newsroom.signedIn(app, role);
        assertThat(client.get("/newsroom/audit/").statusCode()).isEqualTo(403);
        assertThat(client.get("/newsroom/").body()).doesNotContain("/newsroom/audit/");
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() {
        var r = app.get("/newsroom/audit/?action=signed%20in");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/newsroom/login?next=%2Fnewsroom%2Faudit%2F%3Faction%3Dsigned%2520in");
    }

    @Test
    void entriesAreNewestFirstInThePapersZoneWithEverythingKnownAboutThem() {
        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);
        var actor = new AuditLog.Actor(null, "Jane <Editor>", "203.0.113.9");
        LOG.record(actor, "article published", "Harbour reopens", Map.of("id", 42, "kind", "update"), TestApp.NOW.plusSeconds(60));
        LOG.record(actor, "role changed", "rita@test.example", Map.of("role", "editor"), Instant.parse("2025-07-01T11:30:00Z"));

        var page = Html.parse(admin.get("/newsroom/audit/"));

        assertThat(page.select("h1").text()).isEqualTo("Audit log");
        assertThat(page.select("a[href=/newsroom/audit/]").first().attr("aria-current")).isEqualTo("page");
        var rows = page.select("tbody tr");
        Element newest = rows.get(0);
        assertThat(newest.select("td").eachText()).containsExactly("7 December 2025 3:01pm GMT", "Jane <Editor>", "article published",
                "Harbour reopens", "id: 42 kind: update", "203.0.113.9");
        assertThat(newest.select("time").attr("datetime")).isEqualTo("2025-12-07T15:01:00Z");
        // the sign-in of the admin reading the page, at NOW
        assertThat(rows.get(1).select("td").eachText()).contains("signed in", "admin@test.example");
        Element summer = rows.get(rows.size() - 1);
        assertThat(summer.select("td").get(0).text()).isEqualTo("1 July 2025 12:30pm BST");
        assertThat(admin.get("/newsroom/audit/").body()).contains("Jane &lt;Editor&gt;");
    }

    @Test
    void theLogIsFilteredByAction() {
        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);
        LOG.record(AuditLog.Actor.system("test"), "staff disabled", "rita@test.example", Map.of(), TestApp.NOW);

        var page = Html.parse(admin.get("/newsroom/audit/?action=staff+disabled"));

        assertThat(page.select("#action option").eachAttr("value")).contains("", "signed in", "staff created", "staff disabled");
        assertThat(page.select("#action option[selected]").attr("value")).isEqualTo("staff disabled");
        assertThat(page.select("tbody tr")).hasSize(1);
        assertThat(page.select("tbody tr").text()).contains("rita@test.example");
        assertThat(Html.parse(admin.get("/newsroom/audit/?action=nothing+like+this")).select(".nr-empty").text())
                .isEqualTo("No entries for this action.");
    }

    @Test
    void theLogIsReadAPageAtATime() {
        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);
        for (int i = 1; i <= AuditPages.PAGE_SIZE + 5; i++) {
            LOG.record(AuditLog.Actor.system("test"), "article saved", "article " + i, Map.of(), TestApp.NOW.minusSeconds(3600L * i));
        }

        var first = Html.parse(admin.get("/newsroom/audit/?action=article+saved"));
        var second = Html.parse(admin.get("/newsroom/audit/?action=article+saved&page=2"));

        assertThat(first.select("tbody tr")).hasSize(AuditPages.PAGE_SIZE);
        assertThat(first.select("tbody tr").first().select("td").get(3).text()).isEqualTo("article 1");
        assertThat(first.select("a[rel=next]").attr("href")).isEqualTo("/newsroom/audit/?action=article+saved&page=2");
        assertThat(first.select(".nr-pager span").text()).isEqualTo("Page 1 of 2");
        assertThat(second.select("tbody tr")).hasSize(5);
        assertThat(second.select("tbody tr").last().select("td").get(3).text()).isEqualTo("article 55");
        assertThat(second.select("a[rel=prev]").attr("href")).isEqualTo("/newsroom/audit/?action=article+saved&page=1");
        assertThat(admin.get("/newsroom/audit/?page=3").statusCode()).isEqualTo(404);
        assertThat(admin.get("/newsroom/audit/?page=zero").statusCode()).isEqualTo(400);
    }

    @Test
    void staffChangesAreInTheLog() {
        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);
        admin.submit("/newsroom/staff/new", "/newsroom/staff/", Map.of("name", "Nina", "email", "nina@test.example", "role", "editor"));

        var page = Html.parse(admin.get("/newsroom/audit/?action=staff+created"));

        assertThat(page.select("tbody tr").text()).contains("Admin Person", "staff created", "nina@test.example", "role: editor", "127.0.0.1");
    }
}
