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

/** The editor's type-ahead: names containing what was typed, those starting with it first, wildcards taken literally. */
@ExtendWith(TestDatabase.class)
class SuggestPagesIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    @Test
    void topicsAndContributorsContainingTheTypedTextStartingOnesFirst() {
        TestDatabase.jdbi().useHandle(h -> {
            TopicStore.ensure(h, "Ports and harbours", "");
            TopicStore.ensure(h, "Harbour strategy", "");
            TopicStore.ensure(h, "Shipping", "");
            TopicStore.ensure(h, "100% renewable_power", "");
            ContributorStore.ensure(h, "Our Harbour Staff");
        });
        var writer = Newsroom.signedIn(app, StaffRole.CONTRIBUTOR);

        var topics = writer.get("/newsroom/suggest/topics?q=harb");
        assertThat(topics.statusCode()).isEqualTo(200);
        assertThat(topics.body()).isEqualTo("{\"names\":[\"Harbour strategy\",\"Ports and harbours\"]}");
        assertThat(writer.get("/newsroom/suggest/topics?q=%25").body()).isEqualTo("{\"names\":[\"100% renewable_power\"]}");
        assertThat(writer.get("/newsroom/suggest/topics?q=e_p").body()).isEqualTo("{\"names\":[\"100% renewable_power\"]}");
        assertThat(writer.get("/newsroom/suggest/topics?q=!").body()).isEqualTo("{\"names\":[]}");
        assertThat(writer.get("/newsroom/suggest/contributors?q=harbour").body()).contains("Our Harbour Staff");
        assertThat(app.get("/newsroom/suggest/topics?q=harb").statusCode()).isEqualTo(303);
    }
}
