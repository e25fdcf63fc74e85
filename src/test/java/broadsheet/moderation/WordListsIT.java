package broadsheet.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.comment.CommentState;
import broadsheet.comment.Decision;
import broadsheet.comment.Standing;
import broadsheet.comment.Submission;
import broadsheet.settings.CommentSettings;
import broadsheet.shared.AuditLog;
import broadsheet.testing.Desk;
import broadsheet.testing.ModerationFixtures;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestClock;
import broadsheet.testing.TestDatabase;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The word lists on the real database: saving (checked, whole or not at all, audited), and the cache the pipeline reads. */
@ExtendWith(TestDatabase.class)
class WordListsIT {
    private static final AuditLog.Actor MODERATOR = new AuditLog.Actor(null, "Mo Moderator", "127.0.0.1");
    private final TestClock clock = new TestClock(TestApp.NOW);
    private final WordLists lists = new WordLists(TestDatabase.jdbi(), clock);

    private static Submission comment(String body) {
        return new Submission(1, 2, body, false, CommentState.OPEN, new Standing(10, 0, 0, null, null, null, true),
                Submission.History.NONE, CommentSettings.DEFAULTS, TestApp.NOW);
    }

    @Test
    void savedListsAreStoredAuditedAndUsedByThePipelineAtOnce() {
        var pipeline = new Pipeline(lists, ZoneId.of("Europe/London"));
        assertThat(pipeline.screen(comment("You idiot, a liar too"))).isEqualTo(Decision.APPROVE);

        var saved = lists.save(MODERATOR, "idiot\n  Moron \n\nidiot\nIDIOT", "liar\r\nfraud", TestApp.NOW);

        assertThat(saved).isInstanceOf(WordLists.Outcome.Saved.class);
        assertThat(Desk.strings("SELECT kind || ':' || word FROM comment_words ORDER BY kind, word"))
                .containsExactly("banned:Moron", "banned:idiot", "suspect:fraud", "suspect:liar");
        assertThat(Desk.strings("SELECT details::text FROM audit_log WHERE action = 'comment words changed'"))
                .containsExactly("{\"banned added\": [\"idiot\", \"Moron\"], \"suspect added\": [\"liar\", \"fraud\"]}");
        assertThat(pipeline.screen(comment("You i d i o t"))).isInstanceOf(Decision.Reject.class);
        assertThat(pipeline.screen(comment("A fraud, surely"))).isEqualTo(new Decision.Hold(List.of("suspect word: \u201cfraud\u201d")));

        lists.save(MODERATOR, "idiot", "liar\nfraud", TestApp.NOW);
        assertThat(Desk.strings("SELECT details::text FROM audit_log WHERE action = 'comment words changed' ORDER BY id DESC LIMIT 1"))
                .containsExactly("{\"banned removed\": [\"Moron\"]}");
        var again = lists.save(MODERATOR, "idiot", "fraud\nliar", TestApp.NOW);
        assertThat(((WordLists.Outcome.Saved) again).changed()).isFalse();
        assertThat(Desk.count("SELECT count(*) FROM audit_log")).isEqualTo(2);
    }

    @Test
    void anotherInstancesEditIsSeenAfterARefreshOrOnceTheCacheIsOld() {
        assertThat(lists.current().bannedWords()).isEmpty();
        ModerationFixtures.words(List.of("idiot"), List.of());
        assertThat(lists.current().bannedWords()).as("still in memory").isEmpty();

        lists.refresh();
        assertThat(lists.current().bannedWords()).containsExactly("idiot");

        ModerationFixtures.words(List.of("moron"), List.of());
        clock.advance(WordLists.MAX_AGE.plusSeconds(1));
        assertThat(lists.current().bannedWords()).containsExactly("idiot", "moron");
    }

    @Test
    void aWrongListStoresNothing() {
        lists.save(MODERATOR, "idiot", "liar", TestApp.NOW);
        String tooMany = String.join("\n", java.util.stream.IntStream.range(0, 501).mapToObj(i -> "word" + i).toList());

        var tooManyWords = lists.save(MODERATOR, tooMany, "", TestApp.NOW);
        var tooLong = lists.save(MODERATOR, "idiot", "x".repeat(61), TestApp.NOW);
        var control = lists.save(MODERATOR, "idi\u0000ot", "liar", TestApp.NOW);
        var noLetters = lists.save(MODERATOR, "idiot\n...", "liar", TestApp.NOW);

        assertThat(((WordLists.Outcome.Invalid) tooManyWords).problems()).containsEntry("banned", "A list can have at most 500 entries; this one has 501.");
        assertThat(((WordLists.Outcome.Invalid) tooLong).problems()).containsOnlyKeys("suspect");
        assertThat(((WordLists.Outcome.Invalid) control).problems()).containsEntry("banned", "The banned words may not contain control characters or tabs.");
        assertThat(((WordLists.Outcome.Invalid) noLetters).problems()).containsOnlyKeys("banned");
        assertThat(Desk.strings("SELECT word FROM comment_words ORDER BY word")).containsExactly("idiot", "liar");
        assertThat(Desk.count("SELECT count(*) FROM audit_log")).isEqualTo(1);
        // 500 words of 60 characters each is the most, and fits
        String most = String.join("\n", java.util.stream.IntStream.range(0, 500).mapToObj(i -> String.format("%060d", i)).toList());
        assertThat(lists.save(MODERATOR, most, "", TestApp.NOW)).isInstanceOf(WordLists.Outcome.Saved.class);
    }
}
