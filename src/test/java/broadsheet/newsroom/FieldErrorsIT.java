package broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.contributor.ContributorStore;
import broadsheet.shared.StaffRole;
import broadsheet.testing.Desk;
import broadsheet.testing.Html;
import broadsheet.testing.Newsroom;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The newsroom's form fields tell a screen reader about their problems in one way on every page: a field with a
 * problem is marked invalid and names its error line in {@code aria-describedby}; a field without one is not marked,
 * and no field names an element the page does not have.
 */
@ExtendWith(TestDatabase.class)
class FieldErrorsIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    @Test
    void everyEditorFieldWithAProblemIsMarkedInvalidAndNamesItsErrorLine() {
        Desk.section("world-news", "World news");
        var reporter = Newsroom.signedIn(app, StaffRole.REPORTER);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("headline", "Harbour vote delayed");
        form.put("standfirst", "s".repeat(601));
        form.put("section", "world-news");
        form.put("slug", "Not A Slug");
        form.put("bylines", "Bell\u0007Byline");
        form.put("topics", "Escape\u001bTopic");
        form.put("body", "A paragraph.");

        var r = reporter.submit("/newsroom/articles/new", "/newsroom/articles", form);

        assertThat(r.statusCode()).isEqualTo(400);
        Document page = Html.parse(r);
        for (String field : List.of("standfirst", "slug", "bylines", "topics")) {
            Element input = page.getElementById(field);
            assertThat(page.select("#" + field + "-error").text()).as(field).isNotEmpty();
            assertThat(input.attr("aria-invalid")).as(field).isEqualTo("true");
            assertThat(input.attr("aria-describedby")).as(field).isEqualTo(field + "-error");
        }
        Element headline = page.getElementById("headline");
        assertThat(headline.hasAttr("aria-invalid")).isFalse();
        assertThat(headline.hasAttr("aria-describedby")).isFalse();
        assertEveryDescribingIdIsOnThePage(page, "the editor");
    }

    @Test
    void aFieldNamesItsErrorLineOnlyWhenThereIsOne() {
        long desk = TestDatabase.jdbi().withHandle(h -> ContributorStore.create(h, "Harbour Desk", true, "", ""));
        Newsroom.staff(StaffRole.REPORTER, "rita@test.example", "Rita Reporter");
        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);
        String contributor = "/newsroom/contributors/" + desk;

        Document page = Html.parse(admin.get(contributor));
        assertThat(page.getElementById("staff").hasAttr("aria-describedby")).isFalse();
        assertThat(page.getElementById("staff").hasAttr("aria-invalid")).isFalse();
        for (String path : List.of(contributor, "/newsroom/contributors/", "/newsroom/articles/new", "/newsroom/sections/",
                "/newsroom/topics/", "/newsroom/media/", "/newsroom/staff/new", "/newsroom/tokens/", "/newsroom/settings",
                "/newsroom/account")) {
            assertEveryDescribingIdIsOnThePage(Html.parse(admin.get(path)), path);
        }

        var refused = admin.submit(contributor, contributor + "/link", Map.of("staff", "999999"));
        assertThat(refused.statusCode()).isEqualTo(400);
        Element staff = Html.parse(refused).getElementById("staff");
        assertThat(staff.attr("aria-invalid")).isEqualTo("true");
        assertThat(staff.attr("aria-describedby")).isEqualTo("staff-error");
        assertEveryDescribingIdIsOnThePage(Html.parse(refused), "the refused link");
    }

    private static void assertEveryDescribingIdIsOnThePage(Document page, String where) {
        for (Element described : page.select("[aria-describedby]")) {
            for (String id : described.attr("aria-describedby").split(" ")) {
                assertThat(page.getElementById(id)).as(where + ": #" + described.id() + " names #" + id).isNotNull();
            }
        }
    }
}
