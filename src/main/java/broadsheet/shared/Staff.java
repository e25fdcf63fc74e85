package broadsheet.shared;

import java.time.Instant;

/**
 * A member of the newsroom who can sign in. The password hash and TOTP secret stay in the store.
 *
 * @param nameFromEmail  whether {@code name} is only the part of the email before @ (an account made on the
 *                       command line without a name), which is never put on a byline
 * @param contributorId  the byline this person writes under, or null until an editor links one or their first
 *                       article carries their own name
 */
public record Staff(long id, String email, String name, boolean nameFromEmail, StaffRole role, boolean twoFactor,
                    Long contributorId, Instant createdAt, Instant disabledAt) {
    public boolean active() {
        return disabledAt == null;
    }

    /** The name this person signs with when they have no byline yet: their own, if one was given; else none. */
    public String bylineName() {
        return nameFromEmail ? null : name;
    }
}
