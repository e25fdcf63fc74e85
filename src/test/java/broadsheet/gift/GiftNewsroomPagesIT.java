package broadsheet.gift;

import static broadsheet.testing.Fixtures.story;
import static broadsheet.testing.TestApp.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.content.AccessLevel;
import broadsheet.shared.StaffRole;
import broadsheet.testing.Html;
import broadsheet.testing.Newsroom;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The newsroom's list of gift links: admins see every link and withdraw one, which the gifted page then says. */
@ExtendWith(TestDatabase.class)
class GiftNewsroomPagesIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    @Test
    void anAdminSeesTheGiftsAndWithdrawsOneWithAnAuditEntry() {
        app.fixtures().store(NOW, story("Premium one").slug("premium-1").access(AccessLevel.PREMIUM).build());
        long ann = GiftLinksIT.reader("ann@example.com", "Ann Giver");
        long article = TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT id FROM articles").mapTo(Long.class).one());
        var links = new GiftLinks(TestDatabase.jdbi(), () -> GiftRules.DEFAULTS, (r, t) -> true, ZoneId.of("Europe/London"));
        Gift gift = ((GiftLinks.Made.Link) links.give(ann, article, NOW)).gift();
        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);

        Document list = Html.parse(admin.get("/newsroom/gifts/"));
        assertThat(list.select("tbody tr td").eachText()).contains("Premium one", "ann@example.com");

        HttpResponse<String> r = admin.submit("/newsroom/gifts/", "/newsroom/gifts/" + gift.id() + "/revoke", Map.of());
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(Html.parse(admin.get("/newsroom/gifts/")).select("tbody tr td").eachText()).contains("Withdrawn");
        assertThat(Html.parse(app.get(gift.path())).select(".gift-refused").text()).startsWith("This gift link has been withdrawn.");
        int audited = TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM audit_log WHERE action = 'gift revoked'")
                .mapTo(Integer.class).one());
        assertThat(audited).isEqualTo(1);
    }

    @Test
    void editorsCannotSeeOrWithdrawGifts() {
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);

        assertThat(editor.get("/newsroom/gifts/").statusCode()).isEqualTo(403);
    }
}
