package broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.account.StaffRole;
import broadsheet.contributor.ContributorStore;
import broadsheet.testing.Newsroom;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import broadsheet.topic.TopicStore;
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
}
