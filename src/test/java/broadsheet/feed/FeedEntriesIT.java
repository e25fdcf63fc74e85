package broadsheet.feed;

import static broadsheet.testing.Fixtures.story;
import static broadsheet.testing.TestApp.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Feed entries are written once per version of an article and kept ({@link FeedEntries}): a feed never shows an entry
 * older than the article, nor a name that has changed since the entry was written.
 */
@ExtendWith(TestDatabase.class)
class FeedEntriesIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    @Test
    void anArticleChangedAfterItsEntryWasWrittenIsWrittenAgain() {
        app.fixtures().store(NOW, story("Harbour reopens").body("The first body.").published(NOW.minusSeconds(60)).build());
        assertThat(app.get("/rss.xml").body()).contains("Harbour reopens", "The first body.");
        assertThat(app.get("/atom.xml").body()).contains("Harbour reopens", "The first body.");

        // any change of the article's row, announced or not (a body rendered again announces once for many articles)
        TestDatabase.jdbi().useHandle(h -> h.execute(
                "UPDATE articles SET headline = 'Harbour reopens at last', body_html = '<p>The second body.</p>'"));

        assertThat(app.get("/rss.xml").body()).contains("Harbour reopens at last", "The second body.").doesNotContain("The first body.");
        assertThat(app.get("/atom.xml").body()).contains("Harbour reopens at last", "The second body.").doesNotContain("The first body.");
    }

    @Test
    void aRenamedSectionTopicOrBylineReachesEntriesWrittenBefore() {
        app.fixtures().store(NOW, story("Port fees rise").section("business").topics("Ports").bylines("Ann Writer")
                .published(NOW.minusSeconds(60)).build());
        assertThat(app.get("/rss.xml").body()).contains("<category>Business</category>", "<category>Ports</category>",
                "<dc:creator>Ann Writer</dc:creator>");
        assertThat(app.get("/business/atom.xml").body()).contains("<name>Ann Writer</name>");

        // the article's row stays as it was: only the change notice the newsroom sends says the names changed
        TestDatabase.jdbi().useHandle(h -> {
            h.execute("UPDATE sections SET name = 'Money' WHERE slug = 'business'");
            h.execute("UPDATE topics SET name = 'Harbours' WHERE name = 'Ports'");
            h.execute("UPDATE contributors SET name = 'Ann Editor' WHERE name = 'Ann Writer'");
        });
        app.app().contentChanged();

        assertThat(app.get("/rss.xml").body()).contains("<category>Money</category>", "<category>Harbours</category>",
                "<dc:creator>Ann Editor</dc:creator>").doesNotContain("Business", "Ports", "Ann Writer");
        assertThat(app.get("/business/atom.xml").body()).contains("<name>Ann Editor</name>").doesNotContain("Ann Writer");
    }

    @Test
    void anArticleStoredAgainUnderAnIdUsedBeforeIsNotTakenForTheOldOne() {
        // each test empties the tables and numbers rows from 1 again: this article has the id an earlier one had
        app.fixtures().store(NOW, story("Lighthouse keeper retires").published(NOW.minusSeconds(60)).build());
        assertThat(app.get("/rss.xml").body()).contains("Lighthouse keeper retires");
        TestDatabase.clean();
        app.fixtures().store(NOW, story("Ferry timetable changes").published(NOW.minusSeconds(60)).build());

        assertThat(app.get("/rss.xml").body()).contains("Ferry timetable changes").doesNotContain("Lighthouse keeper retires");
    }
}
