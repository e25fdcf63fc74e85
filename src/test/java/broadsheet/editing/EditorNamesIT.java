package broadsheet.editing;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.Desk;
import broadsheet.shared.StaffRole;
import broadsheet.testing.Html;
import broadsheet.testing.Newsroom;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The editor form's bylines and topics: names without control characters, at most ten bylines; a form that
 * breaks either is shown again with the reason beside the field, and nothing is stored.
 */
@ExtendWith(TestDatabase.class)
class EditorNamesIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    private Newsroom.Client reporter;

    @BeforeEach
    void desk() {
        Desk.section("world-news", "World news");
        reporter = Newsroom.signedIn(app, StaffRole.REPORTER);
    }

    @Test
    void aBellOrAnEscapeInABylineOrATopicIsRefusedBesideTheField() {
        var before = TestDatabase.rowCounts();

        HttpResponse<String> r = reporter.submit("/newsroom/articles/new", "/newsroom/articles", form("Bell\u0007Byline", "Escape\u001bTopic"));

        assertThat(r.statusCode()).isEqualTo(400);
        Document page = Html.parse(r);
        assertThat(page.select("#bylines-error").text()).isEqualTo(
                "Byline 1 has a control character (such as a bell or an escape); a name is plain text on one line.");
        assertThat(page.select("#topics-error").text()).startsWith("Topic 1 has a control character");
        assertThat(TestDatabase.rowCounts()).isEqualTo(before);
    }

    @Test
    void moreThanTenBylinesAreRefusedAndSavingAnArticleChecksTheSameRules() {
        String eleven = IntStream.rangeClosed(1, 11).mapToObj(n -> "Writer " + n).collect(Collectors.joining("\n"));
        HttpResponse<String> r = reporter.submit("/newsroom/articles/new", "/newsroom/articles", form(eleven, "Harbours"));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Html.parse(r).select("#bylines-error").text()).isEqualTo("An article can have at most 10 bylines; this one has 11.");
        assertThat(TestDatabase.rowCounts().get("articles")).isZero();

        HttpResponse<String> created = reporter.submit("/newsroom/articles/new", "/newsroom/articles", form("Jane Reporter", "Harbours"));
        assertThat(created.statusCode()).isEqualTo(303);
        String editor = created.headers().firstValue("Location").orElseThrow().replaceAll("\\?.*$", "");
        Map<String, String> changed = form("Jane Reporter\nBell\u0007Byline", "Harbours");
        changed.put("version", "1");

        HttpResponse<String> saved = reporter.submit(editor, editor + "/save", changed);

        assertThat(saved.statusCode()).isEqualTo(400);
        assertThat(Html.parse(saved).select("#bylines-error").text()).startsWith("Byline 2 has a control character");
        long bell = TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM contributors WHERE name LIKE 'Bell%'")
                .mapTo(Long.class).one());
        assertThat(bell).isZero();
    }

    private static Map<String, String> form(String bylines, String topics) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("headline", "Harbour vote delayed");
        f.put("standfirst", "A standfirst");
        f.put("section", "world-news");
        f.put("bylines", bylines);
        f.put("topics", topics);
        f.put("body", "A paragraph.");
        return f;
    }
}
