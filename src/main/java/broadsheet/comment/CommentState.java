package broadsheet.comment;

import broadsheet.content.CommentPolicy;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether an article takes comments now: its policy, unless it is open or premoderated and old enough to have
 * closed by itself ({@code closeDays} after first publication, the article's own number or else the paper's; 0
 * never closes).
 */
public enum CommentState {
    /** Comments go up at once (after screening). */
    OPEN,
    /** Every comment waits for a moderator. */
    PREMODERATED,
    /** The thread shows, nobody may add to it. */
    CLOSED,
    /** No thread, no count, no form. */
    OFF;

    public static CommentState of(CommentPolicy policy, Instant firstPublishedAt, Integer articleCloseDays, int paperCloseDays,
                                  Instant now) {
        return switch (policy) {
            case OFF -> OFF;
            case CLOSED -> CLOSED;
            case OPEN, PREMODERATED -> {
                int days = articleCloseDays != null ? articleCloseDays : paperCloseDays;
                if (days > 0 && firstPublishedAt != null && !now.isBefore(firstPublishedAt.plus(Duration.ofDays(days)))) yield CLOSED;
                yield policy == CommentPolicy.OPEN ? OPEN : PREMODERATED;
            }
        };
    }

    /** Whether readers may add comments. */
    public boolean takesComments() {
        return this == OPEN || this == PREMODERATED;
    }

    /** Whether the thread shows at all. */
    public boolean shows() {
        return this != OFF;
    }
}
