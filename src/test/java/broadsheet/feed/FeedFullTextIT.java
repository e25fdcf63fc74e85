package broadsheet.feed;

import static broadsheet.testing.Fixtures.story;
import static broadsheet.testing.TestApp.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.shared.StaffRole;
import broadsheet.testing.Html;
import broadsheet.testing.Newsroom;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The setting "feeds carry the full text of free articles": on by default, and unticked, standfirsts only. */
@ExtendWith(TestDatabase.class)
class FeedFullTextIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    @Test
    void untickingTheSettingLeavesOnlyStandfirstsInTheFeeds() {
        app.fixtures().store(NOW, story("Harbour reopens").body("The whole free body of the harbour story.")
                .published(NOW.minusSeconds(60)).build());
        assertThat(app.get("/rss.xml").body()).contains("The whole free body of the harbour story.");
        assertThat(app.get("/atom.xml").body()).contains("The whole free body of the harbour story.");

        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);
        var settings = Html.parse(admin.get("/newsroom/settings"));
        assertThat(settings.select("#feedsFullText").hasAttr("checked")).isTrue();
        Map<String, String> form = new LinkedHashMap<>();
        settings.select("form[action=/newsroom/settings] input[name], form[action=/newsroom/settings] select[name]").forEach(e -> {
            if (e.attr("name").equals("feedsFullText") || e.attr("name").equals("_csrf")) return;
            if (e.attr("type").equals("checkbox") && !e.hasAttr("checked")) return;
            form.put(e.attr("name"), e.tagName().equals("select") ? e.select("option[selected]").val() : e.val());
        });
        var saved = admin.submit("/newsroom/settings", "/newsroom/settings", form);
        assertThat(saved.headers().firstValue("Location")).hasValue("/newsroom/settings?notice=saved");

        for (String feed : new String[] {"/rss.xml", "/atom.xml"}) {
            String body = app.get(feed).body();
            assertThat(body).as(feed).doesNotContain("The whole free body").contains("A standfirst for Harbour reopens");
        }
        assertThat(Html.parse(admin.get("/newsroom/settings")).select("#feedsFullText").hasAttr("checked")).isFalse();
    }
}
