package broadsheet.moderation;

import broadsheet.comment.Decision;
import broadsheet.comment.Screening;
import broadsheet.comment.Submission;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The screening every new comment passes: an ordered list of {@link Phase}s. A rejection ends it at once (the reader
 * sees that phase's message); holds add up, so a moderator sees every reason a comment waits; with neither, the
 * comment goes up. It decides only: storing the comment and telling anyone is the poster's business.
 */
public final class Pipeline implements Screening {
    private final List<Phase> phases;

    /** The paper's pipeline, with the word lists in effect and dates shown in the paper's zone. */
    public Pipeline(WordLists words, ZoneId zone) {
        this(standard(words, zone));
    }

    /** A pipeline of these phases, in this order. */
    public Pipeline(List<Phase> phases) {
        this.phases = List.copyOf(phases);
    }

    /** The phases in the order the issue gives them. */
    public static List<Phase> standard(WordLists words, ZoneId zone) {
        return List.of(Phases.standing(zone), Phases.LENGTH, Phases.ARTICLE, Phases.RATE, Phases.words(words::current), Phases.LINKS,
                Phases.NEW_READER, Phases.PREMODERATION, Phases.REPEAT);
    }

    @Override
    public Decision screen(Submission submission) {
        List<String> reasons = new ArrayList<>();
        for (Phase phase : phases) {
            switch (phase.check(submission)) {
                case Decision.Reject r -> {
                    return r;
                }
                case Decision.Hold h -> reasons.addAll(h.reasons());
                case Decision.Approve a -> { }
            }
        }
        return reasons.isEmpty() ? Decision.APPROVE : new Decision.Hold(reasons);
    }
}
