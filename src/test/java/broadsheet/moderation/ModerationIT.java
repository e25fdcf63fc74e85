package broadsheet.moderation;

import static broadsheet.testing.ModerationFixtures.approved;
import static broadsheet.testing.ModerationFixtures.article;
import static broadsheet.testing.ModerationFixtures.commentCount;
import static broadsheet.testing.ModerationFixtures.held;
import static broadsheet.testing.ModerationFixtures.reader;
import static broadsheet.testing.ModerationFixtures.report;
import static broadsheet.testing.ModerationFixtures.status;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.comment.CommentEvents;
import broadsheet.shared.AuditLog;
import broadsheet.storage.ChangeFeed;
import broadsheet.testing.Desk;
import broadsheet.testing.ModerationFixtures;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The moderators' actions on the real database: what each changes (statuses, the counts the triggers keep, picks,
 * reports, standing), what it tells (the thread's change notice in its transaction, the events after it), what the
 * audit log says, and that a refused action changes nothing.
 */
@ExtendWith(TestDatabase.class)
class ModerationIT {
    private static final Instant NOW = TestApp.NOW;
    private static final AuditLog.Actor MODERATOR = new AuditLog.Actor(null, "Mo Moderator", "127.0.0.1");
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final Moderation moderation = new Moderation(TestDatabase.jdbi(), new CommentEvents() {
        @Override
        public void published(long commentId) {
            events.add("published " + commentId);
        }

        @Override
        public void featured(long commentId) {
            events.add("featured " + commentId);
        }
    });
    private long article;
    private long ann;

    @BeforeEach
    void anArticleAndAReader() {
        article = article("Harbour talks resume", "harbour-talks-resume");
        ann = reader("ann@example.com", "Ann Reader");
    }

    @Test
    void approvingAHeldCommentShowsItCountsItAndTellsAfterTheCommit() throws Exception {
        long c = held(article, ann, "Ann Reader", "A held comment.", "first comment of a new reader", NOW.minusSeconds(60));
        assertThat(commentCount(article)).isZero();

        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        try (var feed = ChangeFeed.listen(TestDatabase.database(), heard::add)) {
            TestDatabase.awaitListening(heard);
            assertThat(moderation.act(MODERATOR, Moderation.Action.APPROVE, List.of(c), "", NOW)).isEqualTo(new Moderation.Outcome.Done(1));
            assertThat(heard.poll(10, TimeUnit.SECONDS)).isEqualTo("comments " + article);
        }

        assertThat(status(c)).isEqualTo("approved");
        assertThat(commentCount(article)).isEqualTo(1);
        assertThat(Desk.count("SELECT approved FROM commenters WHERE reader_id = ?", ann)).isEqualTo(1);
        assertThat(Desk.count("SELECT count(*) FROM comments WHERE id = ? AND moderated_at = ?", c, NOW)).isEqualTo(1);
        assertThat(events).containsExactly("published " + c);
        assertThat(Desk.strings("SELECT action || ' ' || subject || ' ' || details::text FROM audit_log"))
                .containsExactly("comment approved comment " + c + " {\"was\": \"pending\", \"article\": " + article + "}");
    }

    @Test
    void approvingAgainChangesNothingAndTellsNobody() {
        long c = approved(article, ann, "Ann Reader", "Shown.", NOW.minusSeconds(60));
        assertThat(moderation.act(MODERATOR, Moderation.Action.APPROVE, List.of(c), "", NOW)).isEqualTo(new Moderation.Outcome.Done(0));
        assertThat(events).isEmpty();
        assertThat(commentCount(article)).isEqualTo(1);
        assertThat(Desk.count("SELECT count(*) FROM audit_log")).isZero();
    }

    @Test
    void rejectingTakesAReasonUncountsAndUnfeatures() {
        long c = approved(article, ann, "Ann Reader", "Shown.", NOW.minusSeconds(60));
        moderation.act(MODERATOR, Moderation.Action.FEATURE, List.of(c), "", NOW);
        events.clear();

        var refused = moderation.act(MODERATOR, Moderation.Action.REJECT, List.of(c), "  ", NOW);
        assertThat(refused).isEqualTo(new Moderation.Outcome.Invalid("Give a reason for rejecting."));
        assertThat(status(c)).isEqualTo("approved");

        assertThat(moderation.act(MODERATOR, Moderation.Action.REJECT, List.of(c), "Off-topic", NOW)).isEqualTo(new Moderation.Outcome.Done(1));
        assertThat(status(c)).isEqualTo("rejected");
        assertThat(Desk.strings("SELECT rejected_reason FROM comments WHERE id = ?", c)).containsExactly("Off-topic");
        assertThat(Desk.count("SELECT count(*) FROM comments WHERE featured_at IS NOT NULL")).isZero();
        assertThat(commentCount(article)).isZero();
        assertThat(Desk.count("SELECT rejected FROM commenters WHERE reader_id = ?", ann)).isEqualTo(1);
        assertThat(Desk.strings("SELECT details->>'reason' FROM audit_log WHERE action = 'comment rejected'")).containsExactly("Off-topic");
        assertThat(events).isEmpty();
    }

    @Test
    void featuringAHeldCommentApprovesItAndTellsBoth() {
        long c = held(article, ann, "Ann Reader", "Worth a pick.", "suspect word: \u201cliar\u201d", NOW.minusSeconds(60));

        moderation.act(MODERATOR, Moderation.Action.FEATURE, List.of(c), "", NOW);

        assertThat(status(c)).isEqualTo("approved");
        assertThat(Desk.count("SELECT count(*) FROM comments WHERE id = ? AND featured_at = ?", c, NOW)).isEqualTo(1);
        assertThat(commentCount(article)).isEqualTo(1);
        assertThat(events).containsExactly("published " + c, "featured " + c);

        moderation.act(MODERATOR, Moderation.Action.UNFEATURE, List.of(c), "", NOW.plusSeconds(5));
        assertThat(Desk.count("SELECT count(*) FROM comments WHERE featured_at IS NOT NULL")).isZero();
        assertThat(status(c)).isEqualTo("approved");
        assertThat(Desk.strings("SELECT action FROM audit_log ORDER BY id")).containsExactly("comment featured", "comment unfeatured");
    }

    @Test
    void actingOnAReportedCommentResolvesItsReports() {
        long bob = reader("bob@example.com", "Bob");
        long c = approved(article, ann, "Ann Reader", "Contested.", NOW.minusSeconds(600));
        report(c, bob, "abusive", "Rude to me", NOW.minusSeconds(300));

        // keeping it resolves the reports, though the comment does not change
        assertThat(moderation.act(MODERATOR, Moderation.Action.APPROVE, List.of(c), "", NOW)).isEqualTo(new Moderation.Outcome.Done(0));
        assertThat(Desk.count("SELECT count(*) FROM comment_reports WHERE resolved_at = ?", NOW)).isEqualTo(1);
        assertThat(Desk.strings("SELECT details->>'reports resolved' FROM audit_log")).containsExactly("1");
        assertThat(new ModerationQueries(TestDatabase.jdbi()).queue(Queue.REPORTED, null).items()).isEmpty();
    }

    @Test
    void aBulkActionDoesEveryTickedCommentInOneGo() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) ids.add(held(article, ann, "Ann Reader", "Held " + i, "first comment of a new reader", NOW.minusSeconds(60 - i)));

        assertThat(moderation.act(MODERATOR, Moderation.Action.APPROVE, ids, "", NOW)).isEqualTo(new Moderation.Outcome.Done(3));
        assertThat(commentCount(article)).isEqualTo(3);
        assertThat(Desk.count("SELECT count(*) FROM audit_log WHERE action = 'comment approved'")).isEqualTo(3);
        assertThat(events).hasSize(3);
    }

    @Test
    void aCommentItsWriterDeletedIsLeftAlone() {
        long c = ModerationFixtures.comment(article, ann, "Ann Reader", "Gone.", "deleted", null, NOW.minusSeconds(60));
        assertThat(moderation.act(MODERATOR, Moderation.Action.APPROVE, List.of(c), "", NOW)).isEqualTo(new Moderation.Outcome.Done(0));
        assertThat(status(c)).isEqualTo("deleted");
    }

    @Test
    void noSuchCommentIsNotFound() {
        assertThat(moderation.act(MODERATOR, Moderation.Action.APPROVE, List.of(999_999L), "", NOW)).isEqualTo(new Moderation.Outcome.NotFound());
        assertThat(moderation.act(MODERATOR, Moderation.Action.APPROVE, List.of(), "", NOW)).isInstanceOf(Moderation.Outcome.Invalid.class);
    }

    @Test
    void aWarningIsCountedAndKeptForTheReaderToSee() {
        assertThat(moderation.warn(MODERATOR, ann, "", NOW)).isInstanceOf(Moderation.Outcome.Invalid.class);
        moderation.warn(MODERATOR, ann, "Please keep it civil.", NOW);
        moderation.warn(MODERATOR, ann, "Second time: stay on topic.", NOW);

        assertThat(Desk.count("SELECT warnings FROM commenters WHERE reader_id = ?", ann)).isEqualTo(2);
        assertThat(Desk.strings("SELECT last_warning FROM commenters WHERE reader_id = ?", ann)).containsExactly("Second time: stay on topic.");
        assertThat(Desk.count("SELECT count(*) FROM audit_log WHERE action = 'commenter warned'")).isEqualTo(2);
    }

    @Test
    void aSuspensionRunsForTheDaysGiven() {
        assertThat(moderation.suspend(MODERATOR, ann, "0", "", NOW)).isInstanceOf(Moderation.Outcome.Invalid.class);
        assertThat(moderation.suspend(MODERATOR, ann, "366", "", NOW)).isInstanceOf(Moderation.Outcome.Invalid.class);
        assertThat(moderation.suspend(MODERATOR, ann, "seven", "", NOW)).isInstanceOf(Moderation.Outcome.Invalid.class);
        assertThat(Desk.count("SELECT count(*) FROM commenters")).isZero();

        assertThat(moderation.suspend(MODERATOR, ann, "7", "Flooding the thread", NOW)).isEqualTo(new Moderation.Outcome.Done(1));
        assertThat(Desk.count("SELECT count(*) FROM commenters WHERE reader_id = ? AND suspended_until = ?", ann, NOW.plusSeconds(7 * 86400)))
                .isEqualTo(1);
        assertThat(Desk.strings("SELECT details->>'reason' FROM audit_log WHERE action = 'commenter suspended'")).containsExactly("Flooding the thread");
        var commenter = new ModerationQueries(TestDatabase.jdbi()).commenter(ann).orElseThrow();
        assertThat(commenter.suspended(NOW)).isTrue();
        assertThat(commenter.suspended(NOW.plusSeconds(7 * 86400))).isFalse();

        assertThat(moderation.lift(MODERATOR, ann, NOW)).isEqualTo(new Moderation.Outcome.Done(1));
        assertThat(new ModerationQueries(TestDatabase.jdbi()).commenter(ann).orElseThrow().suspended(NOW)).isFalse();
        assertThat(Desk.count("SELECT count(*) FROM audit_log WHERE action = 'commenter reinstated'")).isEqualTo(1);
    }

    @Test
    void aBanWithRejectAllTakesDownEveryShownAndHeldCommentOfTheReader() {
        long other = article("Budget day", "budget-day");
        long bob = reader("bob@example.com", "Bob");
        long a1 = approved(article, ann, "Ann Reader", "One.", NOW.minusSeconds(500));
        long a2 = approved(other, ann, "Ann Reader", "Two.", NOW.minusSeconds(400));
        long h1 = held(article, ann, "Ann Reader", "Three.", "link from a reader with 2 approved comments", NOW.minusSeconds(300));
        long b1 = approved(article, bob, "Bob", "Bob's.", NOW.minusSeconds(200));
        report(a1, bob, "spam", "", NOW.minusSeconds(100));
        assertThat(commentCount(article)).isEqualTo(2);

        assertThat(moderation.ban(MODERATOR, ann, "", true, NOW)).isInstanceOf(Moderation.Outcome.Invalid.class);
        assertThat(moderation.ban(MODERATOR, ann, "Repeated abuse", true, NOW)).isEqualTo(new Moderation.Outcome.Done(1));

        assertThat(List.of(status(a1), status(a2), status(h1), status(b1))).containsExactly("rejected", "rejected", "rejected", "approved");
        assertThat(commentCount(article)).isEqualTo(1);
        assertThat(commentCount(other)).isZero();
        assertThat(Desk.count("SELECT rejected FROM commenters WHERE reader_id = ?", ann)).isEqualTo(3);
        assertThat(Desk.count("SELECT approved FROM commenters WHERE reader_id = ?", ann)).isZero();
        assertThat(Desk.count("SELECT count(*) FROM comment_reports WHERE resolved_at IS NULL")).isZero();
        assertThat(Desk.strings("SELECT details->>'comments rejected' FROM audit_log WHERE action = 'commenter banned'")).containsExactly("3");
        var commenter = new ModerationQueries(TestDatabase.jdbi()).commenter(ann).orElseThrow();
        assertThat(commenter.banned()).isTrue();
        assertThat(commenter.banReason()).isEqualTo("Repeated abuse");
    }

    @Test
    void aBanAloneLeavesTheCommentsAsTheyAre() {
        long a1 = approved(article, ann, "Ann Reader", "One.", NOW.minusSeconds(500));
        moderation.ban(MODERATOR, ann, "Spam account", false, NOW);
        assertThat(status(a1)).isEqualTo("approved");
        assertThat(commentCount(article)).isEqualTo(1);
        assertThat(Desk.strings("SELECT details::text FROM audit_log WHERE action = 'commenter banned'")).containsExactly("{\"reason\": \"Spam account\"}");
    }

    @Test
    void noSuchReaderIsNotFound() {
        assertThat(moderation.warn(MODERATOR, 999_999, "Hello", NOW)).isEqualTo(new Moderation.Outcome.NotFound());
        assertThat(moderation.ban(MODERATOR, 999_999, "x", true, NOW)).isEqualTo(new Moderation.Outcome.NotFound());
        assertThat(Desk.count("SELECT count(*) FROM commenters")).isZero();
    }
}
