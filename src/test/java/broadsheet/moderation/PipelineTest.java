package broadsheet.moderation;

import static broadsheet.moderation.Submissions.NOW;
import static broadsheet.moderation.Submissions.of;
import static broadsheet.moderation.Submissions.with;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.comment.CommentState;
import broadsheet.comment.Decision;
import broadsheet.comment.Standing;
import broadsheet.comment.Submission;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pipeline: its phases' order, a rejection ending it, holds adding up, and approval when nothing objects. */
class PipelineTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final WordLists.Lists LISTS = WordLists.Lists.of(List.of("idiot"), List.of("liar"), NOW);

    private static Pipeline pipeline() {
        return new Pipeline(List.of(Phases.standing(LONDON), Phases.LENGTH, Phases.ARTICLE, Phases.RATE, Phases.words(() -> LISTS),
                Phases.LINKS, Phases.NEW_READER, Phases.PREMODERATION, Phases.REPEAT));
    }

    @Test
    void aCleanCommentFromARegularGoesUp() {
        assertThat(pipeline().screen(of("A fair point about the harbour."))).isEqualTo(Decision.APPROVE);
    }

    @Test
    void holdsAddUpInThePhasesOrderSoTheModeratorSeesEveryReason() {
        var s = with(with(with(of("The mayor is a liar, see https://example.com"), Submissions.approved(0)), Submission.History.NONE),
                CommentState.PREMODERATED);
        var d = pipeline().screen(s);
        assertThat(d).isInstanceOf(Decision.Hold.class);
        assertThat(((Decision.Hold) d).reasons()).containsExactly("suspect word: \u201cliar\u201d", "link from a reader with 0 approved comments",
                "first comment of a new reader", "this article's comments are premoderated");
        assertThat(((Decision.Hold) d).reason()).isEqualTo("suspect word: \u201cliar\u201d; link from a reader with 0 approved comments; "
                + "first comment of a new reader; this article's comments are premoderated");
    }

    @Test
    void aRejectionEndsThePipelineEvenAfterHolds() {
        // held for its word and its link, then refused as a repeat: nothing is kept
        var h = new Submission.History(3, NOW.minusSeconds(600), 0, "the liar at https://example.com");
        var d = pipeline().screen(with(with(of("The liar at https://example.com"), Submissions.approved(0)), h));
        assertThat(d).isEqualTo(new Decision.Reject("You have already posted this comment."));
    }

    @Test
    void theFirstRejectionIsTheOneTheReaderSees() {
        var banned = new Standing(0, 0, 0, null, NOW, "spam", true);
        // banned, empty, closed and a banned word at once: standing comes first
        var d = pipeline().screen(with(with(of("idiot"), banned), CommentState.CLOSED));
        assertThat(d).isEqualTo(new Decision.Reject("You may no longer comment on this site."));
        assertThat(pipeline().screen(with(of("."), CommentState.CLOSED))).isEqualTo(new Decision.Reject("Your comment is empty: write a few words."));
    }

    @Test
    void thePhasesRunInTheIssuesOrderAndStopAtARejection() {
        List<String> ran = new ArrayList<>();
        Phase hold = s -> new Decision.Hold(List.of("held"));
        var p = new Pipeline(List.of(
                s -> { ran.add("first"); return Decision.APPROVE; },
                s -> { ran.add("second"); return hold.check(s); },
                s -> { ran.add("third"); return new Decision.Reject("no"); },
                s -> { ran.add("fourth"); return Decision.APPROVE; }));
        assertThat(p.screen(of("text"))).isEqualTo(new Decision.Reject("no"));
        assertThat(ran).containsExactly("first", "second", "third");
    }
}
