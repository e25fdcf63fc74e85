package broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.Html;
import broadsheet.testing.MailFixtures;
import broadsheet.testing.Newsroom;
import broadsheet.testing.Readers;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The commenters' mails over a real SMTP server: a reply and a pick reach the comment's writer with the link to the
 * comment and one link that turns such mails off; that link's page changes nothing until its button is pressed, and
 * then no more mails go; the account page turns them on and off again.
 */
@ExtendWith(TestDatabase.class)
class CommentMailsIT {
    private static final int SMTP = Readers.freePort();
    private static final String ANN = "ann@example.com";
    private static final String BOB = "bob@example.com";

    @RegisterExtension
    static final GreenMailExtension mail = Readers.mailServer(SMTP);

    @RegisterExtension
    static final TestApp app = Readers.appSendingTo(SMTP);

    private static CommentMails mails() {
        return (CommentMails) app.app().commentEvents();
    }

    @Test
    void aReplyAndAPickAreMailedUntilTheOffLinkIsUsed() {
        long ann = Readers.reader(ANN, "Ann Archer", true);
        long bob = Readers.reader(BOB, "Bob Baker", true);
        long article = MailFixtures.article(app, "Harbour plan approved");
        String address = TestApp.BASE_URL + MailFixtures.path(article);
        long first = MailFixtures.comment(article, ann, "Ann Archer", "The harbour needs this.\n\nAbout time too.");
        long reply = MailFixtures.reply(first, bob, "Bob Baker", "I am not so sure: who pays for the dredging?");

        app.app().commentEvents().published(reply);
        MimeMessage replied = Readers.awaitOne(mail, ANN);
        assertThat(Readers.subject(replied)).isEqualTo("Bob Baker replied to your comment on “Harbour plan approved” - The Broadsheet");
        String text = Readers.text(replied);
        assertThat(text).contains("> I am not so sure: who pays for the dredging?", address + "#comment-" + reply);
        assertThat(text.split("/account/comment-mail/off\\?token=", -1)).hasSize(2);
        String offLink = Readers.link(replied);
        assertThat(offLink).startsWith("/account/comment-mail/off?token=");

        // answering oneself mails nobody
        long own = MailFixtures.reply(first, ann, "Ann Archer", "Replying to myself.");
        assertThat(mails().sendReply(own)).isFalse();

        MailFixtures.feature(first);
        app.app().commentEvents().featured(first);
        MimeMessage picked = Readers.await(mail, ANN, 2).get(1);
        assertThat(Readers.subject(picked)).isEqualTo("The newsroom picked your comment on “Harbour plan approved” - The Broadsheet");
        assertThat(Readers.text(picked)).contains("> The harbour needs this.", "> About time too.", address + "#comment-" + first);
        assertThat(Readers.to(mail, BOB)).isEmpty();

        // following the link (as a mail scanner does) changes nothing: it shows a button
        Newsroom.Client visitor = Newsroom.anonymous(app);
        var page = visitor.get(offLink);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        Document doc = Html.parse(page);
        assertThat(doc.select("form[method=post] button").text()).isEqualTo("Stop these emails");
        assertThat(notify(ann)).isTrue();
        assertThat(mails().sendReply(reply)).isTrue();
        Readers.await(mail, ANN, 3);

        // a form without its token is refused; with it, mail is off
        String token = Readers.token(offLink);
        assertThat(visitor.post("/account/comment-mail/off", Map.of("token", token)).statusCode()).isEqualTo(403);
        assertThat(notify(ann)).isTrue();
        var off = visitor.post("/account/comment-mail/off", Map.of("token", token, "_csrf", Newsroom.csrf(page.body())));
        assertThat(off.statusCode()).isEqualTo(200);
        assertThat(Html.parse(off).select("h1").text()).isEqualTo("Mail about your comments is off");
        assertThat(notify(ann)).isFalse();

        // the next reply and the next pick mail nothing
        long again = MailFixtures.reply(first, bob, "Bob Baker", "Still waiting for an answer.");
        assertThat(mails().sendReply(again)).isFalse();
        assertThat(mails().sendPick(first)).isFalse();
        assertThat(Readers.to(mail, ANN)).hasSize(3);
        assertThat(notify(bob)).isTrue();
    }

    @Test
    void aLinkThisSiteDidNotMakeGetsAClearPage() {
        long ann = Readers.reader(ANN, "Ann Archer", true);
        Newsroom.Client visitor = Newsroom.anonymous(app);
        for (String token : new String[] {"", "nonsense", ann + "-forged", (ann + 1) + "-" + "x".repeat(43), "-1-abc", "0-abc", "9".repeat(30) + "-a"}) {
            var page = visitor.get("/account/comment-mail/off?token=" + token);
            assertThat(page.statusCode()).as(token).isEqualTo(400);
            assertThat(Html.parse(page).select("h1").text()).isEqualTo("This link cannot be used");
        }
        assertThat(visitor.get("/account/comment-mail/off").statusCode()).isEqualTo(400);

        // a genuine token (from a mail the server sent) of an account deleted since
        long bob = Readers.reader(BOB, "Bob Baker", true);
        long first = MailFixtures.comment(MailFixtures.article(app, "Harbour plan approved"), ann, "Ann Archer", "Mine.");
        assertThat(mails().sendReply(MailFixtures.reply(first, bob, "Bob Baker", "A reply."))).isTrue();
        String token = Readers.token(Readers.link(Readers.awaitOne(mail, ANN)));
        var page = visitor.get("/account/comment-mail/off?token=" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        TestDatabase.jdbi().useHandle(h -> h.execute("DELETE FROM readers WHERE id = ?", ann));
        var gone = visitor.post("/account/comment-mail/off", Map.of("token", token, "_csrf", Newsroom.csrf(page.body())));
        assertThat(gone.statusCode()).isEqualTo(400);
        assertThat(count("SELECT count(*) FROM commenters WHERE reader_id = " + ann)).isZero();
    }

    @Test
    void noMailToADeletedReaderAnUnconfirmedAddressOrAboutAHeldReply() {
        long ann = Readers.reader(ANN, "Ann Archer", false);
        long bob = Readers.reader(BOB, "Bob Baker", true);
        long article = MailFixtures.article(app, "Harbour plan approved");
        long unconfirmed = MailFixtures.comment(article, ann, "Ann Archer", "Mine.");
        assertThat(mails().sendReply(MailFixtures.reply(unconfirmed, bob, "Bob Baker", "A reply."))).isFalse();
        long orphan = MailFixtures.comment(article, null, "Deleted reader", "An old comment.");
        assertThat(mails().sendReply(MailFixtures.reply(orphan, bob, "Bob Baker", "A reply."))).isFalse();
        long bobs = MailFixtures.comment(article, bob, "Bob Baker", "Bob's own.");
        long held = MailFixtures.insert(article, ann, "Ann Archer", "Held.", bobs, "pending");
        assertThat(mails().sendReply(held)).isFalse();
        assertThat(mails().sendPick(bobs)).isFalse(); // not a pick
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    @Test
    void theAccountPageTurnsTheMailsOnAndOff() {
        long ann = Readers.reader(ANN, "Ann Archer", true);
        Newsroom.Client c = Readers.signIn(app, ANN, Readers.PASSWORD);
        Document page = Html.parse(c.get("/account"));
        assertThat(page.select("label[for=comment-mail-on]").text())
                .isEqualTo("Email me when someone replies to my comments or the newsroom picks one");
        assertThat(page.select("#comment-mail-on").hasAttr("checked")).isTrue();

        // without the session's token nothing changes
        assertThat(c.post("/account/comment-mail", Map.of()).statusCode()).isEqualTo(403);
        assertThat(notify(ann)).isTrue();

        var off = c.submit("/account", "/account/comment-mail", Map.of());
        assertThat(off.statusCode()).isEqualTo(303);
        assertThat(off.headers().firstValue("Location")).hasValue("/account?done=choice#comment-mail");
        assertThat(notify(ann)).isFalse();
        page = Html.parse(c.get("/account?done=choice"));
        assertThat(page.select("#comment-mail-on").hasAttr("checked")).isFalse();
        assertThat(page.select(".reader-notice").text()).isEqualTo("Your choice is saved.");

        assertThat(c.submit("/account", "/account/comment-mail", Map.of("on", "yes")).statusCode()).isEqualTo(303);
        assertThat(notify(ann)).isTrue();
        assertThat(Html.parse(c.get("/account")).select("#comment-mail-on").hasAttr("checked")).isTrue();

        // a visitor who is not signed in is refused
        assertThat(Newsroom.anonymous(app).post("/account/comment-mail", Map.of("on", "yes")).statusCode()).isEqualTo(403);
    }

    @Test
    void aLongCommentIsShortenedAtAWord() {
        String quoted = CommentMails.quote("word ".repeat(300));
        assertThat(quoted).startsWith("> word word").endsWith("word …");
        assertThat(quoted.length()).isLessThanOrEqualTo(CommentMails.QUOTED + 4);
        assertThat(CommentMails.quote("One.\r\n\r\n\r\n\r\nTwo.")).isEqualTo("> One.\n> \n> Two.");
    }

    private static boolean notify(long reader) {
        return new CommentMailChoices(TestDatabase.jdbi()).wanted(reader);
    }

    private static long count(String sql) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
