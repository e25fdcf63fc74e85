package broadsheet.newsroom;

import static broadsheet.testing.Fixtures.story;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.shared.Staff;
import broadsheet.shared.StaffRole;
import broadsheet.account.StaffStore;
import broadsheet.testing.Desk;
import broadsheet.testing.Html;
import broadsheet.testing.Newsroom;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Staff accounts and bylines are different things: an account is no writer on the site; a new article
 * starts with the writer's byline, or their own name when one was given (never a name made from an
 * email); and signing an article with their own name makes that byline theirs only if it is nobody else's.
 */
@ExtendWith(TestDatabase.class)
class StaffBylinesIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    @BeforeEach
    void desk() {
        Desk.section("world-news", "World news");
    }

    @Test
    void anAccountWithoutANameIsNoWriterAndStartsArticlesWithoutAByline() {
        long id = Newsroom.staff(StaffRole.ADMIN, "wq@example.com", null);
        Staff wq = staff(id);
        var client = Newsroom.signIn(app, "wq@example.com", Newsroom.PASSWORD);

        assertThat(wq.name()).isEqualTo("wq");
        assertThat(wq.nameFromEmail()).isTrue();
        assertThat(wq.contributorId()).isNull();
        assertThat(TestDatabase.rowCounts().get("contributors")).isZero();
        assertThat(Html.parse(client.get("/newsroom/articles/new")).selectFirst("#bylines").text()).isEmpty();
        assertThat(Html.parse(app.get("/authors/")).select(".index-list a")).isEmpty();
        assertThat(Html.json(app.get("/api/v1/authors").body()).path("items")).isEmpty();

        HttpResponse<String> saved = client.submit("/newsroom/articles/new", "/newsroom/articles", form(""));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(TestDatabase.rowCounts()).containsEntry("article_bylines", 0L).containsEntry("contributors", 0L);
        assertThat(staff(id).contributorId()).isNull();
    }

    @Test
    void aNamedAccountStartsWithItsNameAndItsFirstArticleMakesThatBylineItsOwn() {
        long id = Newsroom.staff(StaffRole.CONTRIBUTOR, "jane@example.com", "Jane Editor");
        var jane = Newsroom.signIn(app, "jane@example.com", Newsroom.PASSWORD);

        assertThat(TestDatabase.rowCounts().get("contributors")).as("no byline until she signs something").isZero();
        assertThat(Html.parse(jane.get("/newsroom/articles/new")).selectFirst("#bylines").text()).isEqualTo("Jane Editor");

        HttpResponse<String> saved = jane.submit("/newsroom/articles/new", "/newsroom/articles", form("Jane Editor"));

        assertThat(saved.statusCode()).isEqualTo(303);
        Long byline = staff(id).contributorId();
        assertThat(byline).isNotNull();
        assertThat(names("SELECT name FROM contributors WHERE id = " + byline)).containsExactly("Jane Editor");
        assertThat(names("SELECT action || ' ' || subject FROM audit_log WHERE action = 'byline linked'")).containsExactly("byline linked Jane Editor");
        assertThat(app.get("/authors/jane-editor/").statusCode()).as("a draft's byline stays private").isEqualTo(404);
        assertThat(Html.parse(jane.get("/newsroom/articles/new")).selectFirst("#bylines").text()).isEqualTo("Jane Editor");
    }

    @Test
    void aDraftWithNoBylineIsSignedWithTheWritersOwnName() {
        long id = Newsroom.staff(StaffRole.REPORTER, "rita@example.com", "Rita Reporter");
        var rita = Newsroom.signIn(app, "rita@example.com", Newsroom.PASSWORD);

        assertThat(rita.submit("/newsroom/articles/new", "/newsroom/articles", form("")).statusCode()).isEqualTo(303);

        assertThat(names("SELECT c.name FROM article_bylines b JOIN contributors c ON c.id = b.contributor_id")).containsExactly("Rita Reporter");
        assertThat(staff(id).contributorId()).isNotNull();
    }

    @Test
    void aBylineThatIsAlreadySomeonesIsNotTakenBySigningWithTheSameName() {
        app.fixtures().store(TestApp.NOW, story("From the archive").bylines("John Smith").build());
        long id = Newsroom.staff(StaffRole.CONTRIBUTOR, "john@example.com", "John Smith");
        var john = Newsroom.signIn(app, "john@example.com", Newsroom.PASSWORD);

        assertThat(john.submit("/newsroom/articles/new", "/newsroom/articles", form("John Smith")).statusCode()).isEqualTo(303);

        assertThat(staff(id).contributorId()).as("an editor links him, if he is that John Smith").isNull();
        assertThat(names("SELECT headline FROM articles ORDER BY id")).hasSize(2);
        assertThat(Html.parse(john.get("/newsroom/")).select("tbody tr td:first-child a").eachText()).containsExactly("A draft of mine");
    }

    private static Staff staff(long id) {
        return new StaffStore(TestDatabase.jdbi()).byId(id).orElseThrow();
    }

    private static List<String> names(String sql) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
    }

    private static Map<String, String> form(String bylines) {
        return Map.of("headline", "A draft of mine", "standfirst", "A standfirst", "section", "world-news", "bylines", bylines,
                "topics", "", "body", "A paragraph.");
    }
}
