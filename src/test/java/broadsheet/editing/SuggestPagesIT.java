package broadsheet.editing;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.Desk;
import broadsheet.shared.StaffRole;
import broadsheet.contributor.ContributorStore;
import broadsheet.testing.Fixtures;
import broadsheet.testing.Html;
import broadsheet.testing.Newsroom;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import broadsheet.topic.TopicStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The editor's type-ahead for topics and bylines: names containing what was typed, those starting with it first. */
@ExtendWith(TestDatabase.class)
class SuggestPagesIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    @Test
    void topicsContainingTheTextComeBackThoseStartingWithItFirst() {
        TestDatabase.jdbi().useHandle(h -> {
            for (String t : new String[] {"Northmere harbour dispute", "Harbours", "Castellan", "100% renewables", "Tax_policy"}) {
                TopicStore.ensure(h, t, "");
            }
            ContributorStore.ensure(h, "Rita Reporter");
        });
        var reporter = Newsroom.signedIn(app, StaffRole.REPORTER);

        var r = reporter.get("/newsroom/suggest/topics?q=harb");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(r.body()).isEqualTo("{\"names\":[\"Harbours\",\"Northmere harbour dispute\"]}");
        assertThat(reporter.get("/newsroom/suggest/topics?q=%25").body()).as("%% is a character, not a wildcard")
                .isEqualTo("{\"names\":[\"100% renewables\"]}");
        assertThat(reporter.get("/newsroom/suggest/topics?q=x_p").body()).isEqualTo("{\"names\":[\"Tax_policy\"]}");
        assertThat(reporter.get("/newsroom/suggest/contributors?q=report").body()).isEqualTo("{\"names\":[\"Rita Reporter\"]}");
    }

    @Test
    void aContributorIsOfferedOnlyPublicNamesAndThoseOfTheirOwnArticlesAndAnEditorEveryName() {
        Desk.section("world-news", "World news");
        app.fixtures().store(TestApp.NOW,
                Fixtures.story("Out already").bylines("Jane Reporter").topics("Harbours").build(),
                Fixtures.story("Someone else's scoop").bylines("Secret Source").topics("Secret Merger").build());
        TestDatabase.jdbi().useHandle(h -> h.execute("UPDATE articles SET status = 'draft' WHERE headline = 'Someone else''s scoop'"));
        var writer = Newsroom.signedIn(app, StaffRole.CONTRIBUTOR);
        var own = writer.submit("/newsroom/articles/new", "/newsroom/articles", Map.of("headline", "My draft",
                "section", "world-news", "bylines", "Guest Writer", "topics", "My Own Angle", "body", "A paragraph."));
        assertThat(own.statusCode()).isEqualTo(303);
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);

        assertThat(names(writer, "/newsroom/suggest/topics?q=")).containsExactly("Harbours", "My Own Angle");
        assertThat(names(writer, "/newsroom/suggest/topics?q=secret")).isEmpty();
        assertThat(options(writer, "topic")).containsExactly("Harbours", "My Own Angle");
        assertThat(names(writer, "/newsroom/suggest/contributors?q=")).containsExactly("Guest Writer", "Jane Reporter");
        assertThat(options(writer, "author")).containsExactly("Guest Writer", "Jane Reporter");

        assertThat(names(editor, "/newsroom/suggest/topics?q=")).containsExactly("Harbours", "My Own Angle", "Secret Merger");
        assertThat(options(editor, "topic")).containsExactly("Harbours", "My Own Angle", "Secret Merger");
        assertThat(names(editor, "/newsroom/suggest/contributors?q=secret")).containsExactly("Secret Source");
    }

    private static List<String> names(Newsroom.Client who, String path) {
        var r = who.get(path);
        assertThat(r.statusCode()).isEqualTo(200);
        return Html.json(r.body()).path("names").valueStream().map(n -> n.asText()).toList();
    }

    /** The names in the article list's filter ("topic" or "author"). */
    private static List<String> options(Newsroom.Client who, String filter) {
        return Html.parse(who.get("/newsroom/")).select("select[name=" + filter + "] option:not([value=''])").eachText();
    }
}
