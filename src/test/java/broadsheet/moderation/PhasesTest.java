package broadsheet.moderation;

import static broadsheet.moderation.Submissions.NOW;
import static broadsheet.moderation.Submissions.of;
import static broadsheet.moderation.Submissions.with;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.comment.CommentState;
import broadsheet.comment.Decision;
import broadsheet.comment.Standing;
import broadsheet.comment.Submission;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each phase of the pipeline on its own: what it lets through, what it holds (and the reason), what it rejects (and the message). */
class PhasesTest {
    private static final Submission FINE = of("A thoughtful comment about the harbour.");

    private static String rejection(Decision d) {
        assertThat(d).isInstanceOf(Decision.Reject.class);
        return ((Decision.Reject) d).message();
    }

    private static List<String> held(Decision d) {
        assertThat(d).isInstanceOf(Decision.Hold.class);
        return ((Decision.Hold) d).reasons();
    }

    @Nested
    class StandingPhase {
        private final Phase phase = Phases.standing(ZoneId.of("Europe/London"));

        @Test
        void aReaderInGoodStandingPasses() {
            assertThat(phase.check(FINE)).isEqualTo(Decision.APPROVE);
        }

        @Test
        void aBannedReaderIsRefused() {
            var banned = new Standing(3, 4, 1, null, NOW.minusSeconds(60), "abuse", true);
            assertThat(rejection(phase.check(with(FINE, banned)))).isEqualTo("You may no longer comment on this site.");
        }

        @Test
        void aSuspendedReaderIsToldUntilWhenInThePapersZone() {
            var suspended = new Standing(3, 0, 1, Instant.parse("2025-12-10T09:30:00Z"), null, null, true);
            assertThat(rejection(phase.check(with(FINE, suspended))))
                    .isEqualTo("You may not comment until 10 December 2025 at 09:30, when your suspension ends.");
        }

        @Test
        void aSuspensionThatEndedNoLongerCounts() {
            var over = new Standing(3, 0, 1, NOW, null, null, true);
            assertThat(phase.check(with(FINE, over))).isEqualTo(Decision.APPROVE);
        }
    }

    @Nested
    class LengthPhase {
        @Test
        void fiveThousandCharactersPass() {
            assertThat(Phases.LENGTH.check(of("a".repeat(5000)))).isEqualTo(Decision.APPROVE);
            // characters, not UTF-16 units: an emoji is one
            assertThat(Phases.LENGTH.check(of("ok " + "\uD83D\uDE00".repeat(4997)))).isEqualTo(Decision.APPROVE);
        }

        @Test
        void moreAreRefusedSayingHowMany() {
            assertThat(rejection(Phases.LENGTH.check(of("a".repeat(5001)))))
                    .isEqualTo("A comment can have at most 5000 characters; yours has 5001.");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " ", ".", "a", "!!!", "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00", "- -"})
        void aCommentNeedsAFewRealCharacters(String body) {
            assertThat(rejection(Phases.LENGTH.check(of(body)))).isEqualTo("Your comment is empty: write a few words.");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Null\u0000byte here", "A bell \u0007 rings", "Escape \u001b[31m red"})
        void controlCharactersAreRefused(String body) {
            assertThat(rejection(Phases.LENGTH.check(of(body)))).isEqualTo("Your comment contains characters we cannot show: please post plain text.");
        }

        @Test
        void lineBreaksAndTabsAreFine() {
            assertThat(Phases.LENGTH.check(of("First paragraph.\r\n\r\nSecond,\tindented."))).isEqualTo(Decision.APPROVE);
        }

        @Test
        void twoLettersAreEnough() {
            assertThat(Phases.LENGTH.check(of("No."))).isEqualTo(Decision.APPROVE);
        }
    }

    @Nested
    class ArticlePhase {
        @ParameterizedTest
        @EnumSource(value = CommentState.class, names = {"OPEN", "PREMODERATED"})
        void anArticleTakingCommentsPasses(CommentState state) {
            assertThat(Phases.ARTICLE.check(with(FINE, state))).isEqualTo(Decision.APPROVE);
        }

        @Test
        void aClosedArticleRefuses() {
            assertThat(rejection(Phases.ARTICLE.check(with(FINE, CommentState.CLOSED)))).isEqualTo("Comments on this article are closed.");
        }

        @Test
        void anArticleWithoutCommentsRefuses() {
            assertThat(rejection(Phases.ARTICLE.check(with(FINE, CommentState.OFF)))).isEqualTo("This article does not take comments.");
        }
    }

    @Nested
    class RatePhase {
        @Test
        void tooSoonAfterTheLastCommentIsRefusedSayingHowLongToWait() {
            var h = new Submission.History(5, NOW.minusSeconds(3), 1, "before");
            assertThat(rejection(Phases.RATE.check(with(FINE, h)))).isEqualTo("You are posting too quickly: please wait 7 seconds and try again.");
        }

        @Test
        void exactlyTheWaitLaterPasses() {
            var h = new Submission.History(5, NOW.minusSeconds(10), 1, "before");
            assertThat(Phases.RATE.check(with(FINE, h))).isEqualTo(Decision.APPROVE);
        }

        @Test
        void noWaitWhenThePaperSetsNone() {
            var h = new Submission.History(5, NOW, 1, "before");
            assertThat(Phases.RATE.check(with(with(FINE, h), Submissions.rules(0, 30, 3, 1, false)))).isEqualTo(Decision.APPROVE);
        }

        @Test
        void theHourlyLimitRefusesTheOneTooMany() {
            var atLimit = new Submission.History(50, NOW.minusSeconds(60), 30, "before");
            assertThat(rejection(Phases.RATE.check(with(FINE, atLimit))))
                    .isEqualTo("You have posted 30 comments in the last hour, the most we take: please try again later.");
            var below = new Submission.History(50, NOW.minusSeconds(60), 29, "before");
            assertThat(Phases.RATE.check(with(FINE, below))).isEqualTo(Decision.APPROVE);
        }

        @Test
        void aFirstCommentHasNoWait() {
            assertThat(Phases.RATE.check(with(FINE, Submission.History.NONE))).isEqualTo(Decision.APPROVE);
        }
    }

    @Nested
    class WordsPhase {
        private final Phase phase = Phases.words(() -> WordLists.Lists.of(List.of("idiot", "moron"), List.of("liar", "fraud"), NOW));

        @Test
        void aBannedWordRefusesWithoutNamingTheList() {
            String message = rejection(phase.check(of("What an i.d.i.o.t you are")));
            assertThat(message).isEqualTo("Your comment contains language we do not publish. Please reword it and post it again.");
            assertThat(message).doesNotContain("idiot", "moron");
        }

        @Test
        void aSuspectWordHoldsNamingTheWordForTheModerator() {
            assertThat(held(phase.check(of("The minister is a LIAR")))).containsExactly("suspect word: \u201cliar\u201d");
        }

        @Test
        void aBannedWordWinsOverASuspectOne() {
            assertThat(phase.check(of("a liar and an idiot"))).isInstanceOf(Decision.Reject.class);
        }

        @Test
        void cleanTextPasses() {
            assertThat(phase.check(of("A reliable account, not fraudulent at all"))).isEqualTo(Decision.APPROVE);
        }
    }

    @Nested
    class LinksPhase {
        @ParameterizedTest
        @ValueSource(strings = {"See https://example.com/x", "see http://a.b", "go to www.example.org", "visit example.com today",
                "at shop.example.co.uk/offer"})
        void aLinkFromANewcomerIsHeld(String body) {
            assertThat(held(Phases.LINKS.check(with(of(body), Submissions.approved(1)))))
                    .containsExactly("link from a reader with 1 approved comment");
            assertThat(held(Phases.LINKS.check(with(of(body), Submissions.approved(0)))))
                    .containsExactly("link from a reader with 0 approved comments");
        }

        @Test
        void aLinkFromAReaderWithEnoughApprovedCommentsPasses() {
            assertThat(Phases.LINKS.check(with(of("See https://example.com"), Submissions.approved(3)))).isEqualTo(Decision.APPROVE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"It ended.Then it began", "e.g. the harbour", "version 2.0 of the plan", "Mr. Smith"})
        void textWithoutALinkPasses(String body) {
            assertThat(Phases.LINKS.check(with(of(body), Submissions.approved(0)))).isEqualTo(Decision.APPROVE);
        }
    }

    @Nested
    class NewReaderPhase {
        @Test
        void theFirstCommentOfANewReaderIsHeld() {
            var first = with(with(FINE, Submissions.approved(0)), Submission.History.NONE);
            assertThat(held(Phases.NEW_READER.check(first))).containsExactly("first comment of a new reader");
        }

        @Test
        void moreFirstCommentsWaitUntilEnoughAreApproved() {
            var s = with(with(with(FINE, Submissions.approved(1)), new Submission.History(2, NOW.minusSeconds(600), 2, "x")),
                    Submissions.rules(10, 30, 3, 3, false));
            assertThat(held(Phases.NEW_READER.check(s))).containsExactly("comment of a new reader (1 of their first 3 approved so far)");
            assertThat(Phases.NEW_READER.check(with(s, Submissions.approved(3)))).isEqualTo(Decision.APPROVE);
        }

        @Test
        void nothingIsHeldWhenThePaperPremoderatesNoFirstComments() {
            var s = with(with(FINE, Submissions.approved(0)), Submissions.rules(10, 30, 3, 0, false));
            assertThat(Phases.NEW_READER.check(s)).isEqualTo(Decision.APPROVE);
        }
    }

    @Nested
    class PremoderationPhase {
        @Test
        void aPremoderatedArticleHoldsEveryComment() {
            assertThat(held(Phases.PREMODERATION.check(with(FINE, CommentState.PREMODERATED))))
                    .containsExactly("this article's comments are premoderated");
        }

        @Test
        void theSiteWideSettingHoldsEveryComment() {
            assertThat(held(Phases.PREMODERATION.check(with(FINE, Submissions.rules(10, 30, 3, 1, true)))))
                    .containsExactly("all comments are premoderated (site setting)");
        }

        @Test
        void anOpenArticlePasses() {
            assertThat(Phases.PREMODERATION.check(FINE)).isEqualTo(Decision.APPROVE);
        }
    }

    @Nested
    class RepeatPhase {
        @Test
        void theSameTextAsTheLastCommentIsRefusedWhateverItsSpacingAndCase() {
            var h = new Submission.History(3, NOW.minusSeconds(600), 1, "Good   point about the harbour");
            assertThat(rejection(Phases.REPEAT.check(with(of("good point about  the HARBOUR"), h)))).isEqualTo("You have already posted this comment.");
        }

        @Test
        void differentTextPasses() {
            assertThat(Phases.REPEAT.check(FINE)).isEqualTo(Decision.APPROVE);
            assertThat(Phases.REPEAT.check(with(FINE, Submission.History.NONE))).isEqualTo(Decision.APPROVE);
        }
    }
}
