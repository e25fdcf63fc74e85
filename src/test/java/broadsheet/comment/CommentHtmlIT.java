package broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.content.CommentPolicy;
import broadsheet.settings.CommentSettings;
import broadsheet.testing.Html;
import broadsheet.testing.Readers;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import broadsheet.testing.ThreadsFixtures;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A comment's HTML is made when it is written or edited and kept beside its text; one without it (written before it
 * was kept, or by a writer that sets only the text) shows the same, and gets it when the server starts.
 */
@ExtendWith(TestDatabase.class)
class CommentHtmlIT {
    @RegisterExtension
    static final TestApp app = new TestApp();
    private static final CommentSettings READERS = new CommentSettings(CommentSettings.Who.READERS, 7, 5, 10, 30, 3, 1, false,
            CommentSettings.OnDeletion.ANONYMISE);
    private static final String TEXT = "See https://example.org/report.\n\nSecond <paragraph>\nwith a break & more.";

    private static Optional<String> kept(long id) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT body_html FROM comments WHERE id = :id").bind("id", id)
                .mapTo(String.class).findOne());
    }

    @Test
    void aPostedOrEditedCommentKeepsItsHtml() {
        long article = ThreadsFixtures.article(app, "kept", CommentPolicy.OPEN);
        long ann = Readers.reader("ann@example.com", "Ann", true);
        var posting = new CommentPosting(TestDatabase.jdbi(), () -> READERS, (r, t) -> false, Screening.BASIC, CommentEvents.NONE);
        long id = ((CommentPosting.Posted.Up) posting.post(ann, article, null, TEXT, TestApp.NOW)).comment().id();
        assertThat(kept(id)).contains(CommentText.html(TEXT));

        posting.edit(ann, id, "Changed my mind.", TestApp.NOW.plusSeconds(30));
        assertThat(kept(id)).contains("<p>Changed my mind.</p>\n");
    }

    @Test
    void aCommentWithoutItsHtmlShowsTheSameAndGetsItAtStart() {
        long article = ThreadsFixtures.article(app, "older", CommentPolicy.OPEN);
        long id = ThreadsFixtures.comment(article, null, TEXT, TestApp.NOW.minusSeconds(60));
        assertThat(kept(id)).as("written by a writer that sets only the text").isEmpty();
        String shown = Html.parse(app.get(ThreadsFixtures.path(article))).select(".comment-body").first().html();

        assertThat(new CommentStore(TestDatabase.jdbi()).makeMissingHtml()).isEqualTo(1);
        assertThat(kept(id)).contains(CommentText.html(TEXT));
        assertThat(Html.parse(app.get(ThreadsFixtures.path(article))).select(".comment-body").first().html()).isEqualTo(shown);
        assertThat(new CommentStore(TestDatabase.jdbi()).makeMissingHtml()).as("nothing left to make").isZero();
    }

    @Test
    void aTextChangedWithoutItsHtmlNeverShowsTheOldHtml() {
        long article = ThreadsFixtures.article(app, "changed", CommentPolicy.OPEN);
        long id = ThreadsFixtures.comment(article, null, "The first words.", TestApp.NOW.minusSeconds(60));
        new CommentStore(TestDatabase.jdbi()).makeMissingHtml();
        assertThat(kept(id)).contains("<p>The first words.</p>\n");

        TestDatabase.jdbi().useHandle(h -> h.execute("UPDATE comments SET body = 'The second words.' WHERE id = ?", id));

        assertThat(kept(id)).isEmpty();
        assertThat(app.get(ThreadsFixtures.path(article)).body()).contains("The second words.").doesNotContain("The first words.");
    }
}
