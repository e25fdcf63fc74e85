package broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.Html;
import broadsheet.testing.MailFixtures;
import broadsheet.testing.Newsroom;
import broadsheet.testing.Readers;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A reader's comments and their account: the data download holds them, and deleting the account leaves them under
 * "Deleted reader" or removes them, as the paper's setting says, with the replies of others kept in their place.
 */
@ExtendWith(TestDatabase.class)
class ReaderCommentsIT {
    private static final String IDA = "ida@example.com";

    @RegisterExtension
    static final TestApp app = new TestApp();

    /** Ida's comments: a lone one, one that Jo answered, a reply to Jo, and a reply to her own reply. */
    private record Thread(long article, long lone, long answered, long josReply, long idasReplyToJo, long idasOwnChain, long josOwn) {}

    private static Thread thread(long ida) {
        long jo = Readers.reader("jo@example.com", "Jo", true);
        long article = MailFixtures.article(app, "Ferry timetable changes");
        long lone = MailFixtures.comment(article, ida, "Ida", "A lone comment.");
        long answered = MailFixtures.comment(article, ida, "Ida", "A comment Jo answered.");
        long josReply = MailFixtures.reply(answered, jo, "Jo", "Jo's answer.");
        long josOwn = MailFixtures.comment(article, jo, "Jo", "Jo's own comment.");
        long idasReplyToJo = MailFixtures.reply(josOwn, ida, "Ida", "Ida answers Jo.");
        long idasOwnChain = MailFixtures.reply(idasReplyToJo, ida, "Ida", "Ida again.");
        return new Thread(article, lone, answered, josReply, idasReplyToJo, idasOwnChain, josOwn);
    }

    @Test
    void anonymisedByDefault() {
        long ida = Readers.reader(IDA, "Ida", true);
        Thread t = thread(ida);
        deleteIda();
        assertThat(count("SELECT count(*) FROM comments")).isEqualTo(6);
        assertThat(count("SELECT count(*) FROM comments WHERE reader_id IS NULL AND author_name = 'Deleted reader' AND status = 'approved'"))
                .isEqualTo(4);
        assertThat(count("SELECT count(*) FROM comments WHERE author_name = 'Ida'")).isZero();
        assertThat(text(t.lone())).isEqualTo("A lone comment.");
        assertThat(count("SELECT comment_count FROM articles WHERE id = " + t.article())).isEqualTo(6);
    }

    @Test
    void removedWhenTheSettingSaysSoKeepingWhatOthersAnswered() {
        MailFixtures.onDeletion("remove");
        long ida = Readers.reader(IDA, "Ida", true);
        Thread t = thread(ida);
        MailFixtures.feature(t.answered());
        deleteIda();
        assertThat(ids()).containsExactly(t.answered(), t.josReply(), t.josOwn());
        String kept = TestDatabase.jdbi().withHandle(h -> h.createQuery(
                        "SELECT status || '|' || author_name || '|' || (reader_id IS NULL) || '|' || (featured_at IS NULL) FROM comments WHERE id = :id")
                .bind("id", t.answered()).mapTo(String.class).one());
        assertThat(kept).isEqualTo("deleted|Deleted reader|true|true");
        assertThat(text(t.answered())).isEqualTo(ReaderComments.REMOVED).doesNotContain("Jo answered");
        assertThat(text(t.josReply())).isEqualTo("Jo's answer.");
        // only Jo's two comments still count
        assertThat(count("SELECT comment_count FROM articles WHERE id = " + t.article())).isEqualTo(2);
    }

    @Test
    void theDataDownloadHoldsTheReadersComments() {
        long ida = Readers.reader(IDA, "Ida", true);
        Thread t = thread(ida);
        var c = Readers.signIn(app, IDA, Readers.PASSWORD);
        var data = Html.json(c.get("/account/data.json").body()).path("comments");
        assertThat(data.path("written")).hasSize(4);
        assertThat(data.path("written").get(0).path("text").asText()).isEqualTo("A lone comment.");
        assertThat(data.path("written").get(0).path("address").asText()).isEqualTo(MailFixtures.path(t.article()));
        assertThat(data.path("written").get(2).path("inReplyTo").asLong()).isEqualTo(t.josOwn());
        assertThat(data.path("record").path("approved").asInt()).isEqualTo(4);
        assertThat(data.path("record").path("mailAboutReplies").asBoolean()).isTrue();
    }

    private static void deleteIda() {
        Newsroom.Client c = Readers.signIn(app, IDA, Readers.PASSWORD);
        var deleted = c.submit("/account", "/account/delete", Map.of("password", Readers.PASSWORD));
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(count("SELECT count(*) FROM readers WHERE email = '" + IDA + "'")).isZero();
    }

    private static List<Long> ids() {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT id FROM comments ORDER BY id").mapTo(Long.class).list());
    }

    private static String text(long id) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT body FROM comments WHERE id = :id").bind("id", id).mapTo(String.class).one());
    }

    private static long count(String sql) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
