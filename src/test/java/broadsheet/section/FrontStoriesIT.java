package broadsheet.section;

import static broadsheet.testing.Fixtures.story;
import static broadsheet.testing.TestApp.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.Config;
import broadsheet.testing.Html;
import broadsheet.testing.Newsroom;
import broadsheet.testing.Readers;
import broadsheet.testing.TestApp;
import broadsheet.testing.Statements;
import broadsheet.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A signed-in reader's home page is private, so the page cache never holds it; with the page cache on (as in
 * production) its stories, the same for every reader, are read once per content change rather than on every view, and
 * the next change shows at once.
 */
@ExtendWith(TestDatabase.class)
class FrontStoriesIT {
    @RegisterExtension
    static final TestApp app = new TestApp().with(Config.PAGE_CACHE_MB.key(), "16");

    private static List<String> headlines(Newsroom.Client reader) {
        HttpResponse<String> home = reader.get("/");
        assertThat(home.headers().firstValue("Cache-Control")).get().asString().contains("private");
        return Html.parse(home).select(".card-headline").eachText();
    }

    @Test
    void aSignedInReadersHomePageReadsItsStoriesOncePerChange() {
        app.fixtures().store(NOW, story("Harbour talks resume").section("world-news").published(NOW.minusSeconds(600)).build(),
                story("Budget vote delayed").section("politics").published(NOW.minusSeconds(1200)).build());
        app.app().contentChanged();
        Newsroom.Client reader = Readers.signedIn(app, "front@example.com", "Fran Reader");
        Newsroom.Client other = Readers.signedIn(app, "other@example.com", "Olu Reader");

        assertThat(headlines(reader)).contains("Harbour talks resume", "Budget vote delayed");
        List<String> again = Statements.of(() -> reader.get("/"));
        List<String> someoneElse = Statements.of(() -> other.get("/"));
        // the session only: the stories come from memory, for this reader and for another
        assertThat(again).as(String.join("\n", again)).hasSize(1);
        assertThat(someoneElse).as(String.join("\n", someoneElse)).hasSize(1);

        app.fixtures().store(NOW, story("Ferry strike called off").section("world-news").published(NOW.minusSeconds(60)).build());
        app.app().contentChanged(); // as the change feed's notice of the import does
        assertThat(headlines(reader)).first().isEqualTo("Ferry strike called off");
        assertThat(headlines(other)).contains("Ferry strike called off", "Harbour talks resume", "Budget vote delayed");
    }
}
