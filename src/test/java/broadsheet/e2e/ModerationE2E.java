package broadsheet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.comment.CommentState;
import broadsheet.comment.Decision;
import broadsheet.comment.Submission;
import broadsheet.e2e.newsroom.ModerationQueuePage;
import broadsheet.e2e.newsroom.SignInPage;
import broadsheet.moderation.Pipeline;
import broadsheet.moderation.WordLists;
import broadsheet.settings.CommentSettings;
import broadsheet.shared.StaffRole;
import broadsheet.testing.Browser;
import broadsheet.testing.Desk;
import broadsheet.testing.ModerationFixtures;
import broadsheet.testing.Newsroom;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A moderator's morning in a real browser: a reader's comment with a suspect word was held by the pipeline; the
 * moderator signs in, lands on the pending queue, sees the comment with the reason it waits, and with the keyboard
 * alone approves it and then, from the recent queue, features it as an editor's pick. Keys typed in a field stay
 * there.
 */
class ModerationE2E {
    @RegisterExtension
    @Order(1)
    static final Browser browser = new Browser();
    @RegisterExtension
    @Order(2)
    static final TestApp app = new TestApp();
    private static long article;
    private static long comment;

    @BeforeAll
    static void aHeldComment() {
        TestDatabase.clean();
        Newsroom.staff(StaffRole.MODERATOR, "mo@test.example", "Mo Moderator");
        article = ModerationFixtures.article("Harbour talks resume", "harbour-talks-resume");
        long ann = ModerationFixtures.reader("ann@example.com", "Ann Reader");
        // an established reader, so the suspect word is the only reason to hold the comment
        for (int i = 0; i < 3; i++) ModerationFixtures.approved(article, ann, "Ann Reader", "Earlier comment " + i, TestApp.NOW.minusSeconds(9000 - i));
        ModerationFixtures.words(List.of("idiot"), List.of("liar"));

        // what posting does: screen, then keep a held comment with its reasons
        String body = "The harbour master is a liar about the night shifts.";
        var standing = new broadsheet.comment.Standing(3, 0, 0, null, null, null, true);
        var decision = new Pipeline(new WordLists(TestDatabase.jdbi(), app.clock()), ZoneId.of("Europe/London")).screen(new Submission(
                article, ann, body, false, CommentState.OPEN, standing, new Submission.History(3, TestApp.NOW.minusSeconds(8000), 0, "Earlier comment 2"),
                CommentSettings.DEFAULTS, TestApp.NOW));
        assertThat(decision).isEqualTo(new Decision.Hold(List.of("suspect word: \u201cliar\u201d")));
        comment = ModerationFixtures.held(article, ann, "Ann Reader", body, ((Decision.Hold) decision).reason(), TestApp.NOW.minusSeconds(60));
    }

    @AfterAll
    static void clean() {
        if (app.app() != null) TestDatabase.clean();
    }

    @Test
    void aHeldCommentIsApprovedAndFeaturedWithTheKeyboard() {
        SignInPage.open(browser, app.url("/newsroom/login")).signInAs("mo@test.example", Newsroom.PASSWORD);
        var queue = ModerationQueuePage.current(browser);
        assertThat(queue.path()).isEqualTo("/newsroom/comments/");
        assertThat(queue.heading()).isEqualTo("Comments: pending");
        assertThat(queue.comments()).containsExactly("comment-" + comment);
        assertThat(queue.heldReason(comment)).isEqualTo("Held: suspect word: \u201cliar\u201d");

        // j moves to the comment; x ticks it and x again unticks it
        queue.press("j");
        assertThat(queue.current()).isEqualTo("comment-" + comment);
        queue.press("x");
        assertThat(queue.ticked(comment)).isTrue();
        queue.press("x");
        assertThat(queue.ticked(comment)).isFalse();

        // r goes to the reason field, where a and f are just letters
        queue.press("r");
        assertThat(queue.focused()).isEqualTo("reason-" + comment);
        queue.press("af");
        assertThat(queue.path()).isEqualTo("/newsroom/comments/");
        assertThat(Desk.strings("SELECT status FROM comments WHERE id = ?", comment)).containsExactly("pending");
        browser.js("document.activeElement.value = ''; document.activeElement.blur();");

        // a approves
        queue = queue.press("j").pressAndWait("a");
        assertThat(queue.notice()).isEqualTo("Approved: the comment shows in its thread.");
        assertThat(queue.comments()).isEmpty();
        assertThat(Desk.strings("SELECT status FROM comments WHERE id = ?", comment)).containsExactly("approved");
        assertThat(ModerationFixtures.commentCount(article)).isEqualTo(4);

        // f features it, from the recent queue, where it is the newest
        queue = queue.queue("recent");
        assertThat(queue.comments().get(0)).isEqualTo("comment-" + comment);
        queue = queue.press("j").pressAndWait("f");
        assertThat(queue.notice()).isEqualTo("Featured as an editor's pick.");
        assertThat(queue.flags(comment)).contains("Editor's pick");
        assertThat(Desk.count("SELECT count(*) FROM comments WHERE id = ? AND featured_at IS NOT NULL", comment)).isEqualTo(1);
        assertThat(Desk.strings("SELECT action FROM audit_log WHERE subject = ? ORDER BY id", "comment " + comment))
                .containsExactly("comment approved", "comment featured");
    }
}
