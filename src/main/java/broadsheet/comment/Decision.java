package broadsheet.comment;

import java.util.List;

/** What screening decides about a new comment. */
public sealed interface Decision {
    /** It shows at once. */
    record Approve() implements Decision {}

    /** It waits for a moderator, who sees why ({@code reasons}, at least one, in the order the phases found them). */
    record Hold(List<String> reasons) implements Decision {
        public Hold {
            if (reasons.isEmpty()) throw new IllegalArgumentException("a held comment needs a reason");
            reasons = List.copyOf(reasons);
        }

        /** The reasons as one line, as stored. */
        public String reason() {
            return String.join("; ", reasons);
        }
    }

    /** It is refused and nothing is kept; {@code message} tells the reader why, in a sentence. */
    record Reject(String message) implements Decision {}

    Decision APPROVE = new Approve();
}
