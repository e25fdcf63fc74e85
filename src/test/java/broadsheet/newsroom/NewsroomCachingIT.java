package broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.Config;
import broadsheet.shared.StaffRole;
import broadsheet.testing.Desk;
import broadsheet.testing.Fixtures;
import broadsheet.testing.Newsroom;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With the page cache on (as in production), the public site is answered from memory but newsroom pages
 * never are: each person sees their own page, fresh, marked {@code no-store}. Headlines are changed in the
 * database behind the cache's back, so a page from memory would show the old one.
 */
@ExtendWith(TestDatabase.class)
class NewsroomCachingIT {
    @RegisterExtension
    static final TestApp app = new TestApp().with(Config.PAGE_CACHE_MB.key(), "16");
    private static final String PATH = "/world-news/2025/12/07/harbour-talks-resume/";

    private static void retitle(String headline) {
        TestDatabase.jdbi().useHandle(h -> h.createUpdate("UPDATE articles SET headline = :h").bind("h", headline).execute());
    }

    private static String signedInAs(String html) {
        var m = Pattern.compile("<a href=\"/newsroom/account\"[^>]*>([^<]+)</a>").matcher(html);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void newsroomPagesAreNeverAnsweredFromThePageCache() {
        app.fixtures().store(TestApp.NOW, Fixtures.story("Harbour talks resume").build());
        app.app().contentChanged();
        long id = Desk.count("SELECT id FROM articles");
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);
        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);

        assertThat(app.get(PATH).body()).contains("Harbour talks resume");
        retitle("Harbour talks collapse");
        assertThat(app.get(PATH).body()).as("the public page comes from the cache").contains("Harbour talks resume");

        for (String page : new String[] {"/newsroom/", "/newsroom/articles/" + id, "/newsroom/articles/" + id + "/preview"}) {
            retitle("Harbour talks collapse");
            var first = editor.get(page);
            retitle("Harbour talks reopen");
            var second = editor.get(page);
            var someoneElse = admin.get(page);

            assertThat(first.body()).as(page).contains("Harbour talks collapse");
            assertThat(second.body()).as(page).contains("Harbour talks reopen").doesNotContain("Harbour talks collapse");
            assertThat(first.headers().firstValue("Cache-Control")).as(page).contains("no-store");
            assertThat(second.headers().firstValue("Cache-Control")).as(page).contains("no-store");
            assertThat(someoneElse.statusCode()).as(page).isEqualTo(200);
            if (page.equals("/newsroom/")) {
                assertThat(signedInAs(second.body())).isEqualTo("Editor Person");
                assertThat(signedInAs(someoneElse.body())).isEqualTo("Admin Person");
            }
            assertThat(app.get(page).statusCode()).as("anonymous " + page).isEqualTo(303);
        }
        assertThat(app.get(PATH).body()).as("the cache is still on").contains("Harbour talks resume");
    }
}
