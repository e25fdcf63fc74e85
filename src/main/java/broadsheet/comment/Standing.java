package broadsheet.comment;

import java.time.Instant;

/**
 * A commenter's record and standing: approved and rejected comments, warnings, a suspension, a ban. A reader who
 * never commented has {@link #CLEAN}. {@code mails}: whether they want mail about replies and picks.
 */
public record Standing(int approved, int rejected, int warnings, Instant suspendedUntil, Instant bannedAt, String banReason,
                       boolean mails) {
    public static final Standing CLEAN = new Standing(0, 0, 0, null, null, null, true);

    public boolean banned() {
        return bannedAt != null;
    }

    public boolean suspended(Instant now) {
        return suspendedUntil != null && now.isBefore(suspendedUntil);
    }
}
