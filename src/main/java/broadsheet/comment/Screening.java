package broadsheet.comment;

import java.util.List;

/**
 * What a new comment passes before it is kept: the moderation pipeline ({@code broadsheet.moderation}) answers it.
 * {@link #BASIC} is the least any paper gets: standing and the article's state.
 */
public interface Screening {
    Decision screen(Submission submission);

    /** Refuses banned and suspended readers and closed articles, holds every comment of a premoderated one. */
    Screening BASIC = s -> {
        if (s.standing().banned()) return new Decision.Reject("You may no longer comment on this site.");
        if (s.standing().suspended(s.now())) return new Decision.Reject("You may not comment until your suspension ends.");
        if (!s.state().takesComments()) return new Decision.Reject("Comments on this article are closed.");
        if (s.state() == CommentState.PREMODERATED) return new Decision.Hold(List.of("this article's comments are premoderated"));
        return Decision.APPROVE;
    };
}
