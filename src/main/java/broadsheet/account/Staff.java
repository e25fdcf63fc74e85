package broadsheet.account;

import java.time.Instant;

/** A member of the newsroom who can sign in. The password hash and TOTP secret stay in the store. */
public record Staff(long id, String email, String name, StaffRole role, boolean twoFactor, Long contributorId,
                    Instant createdAt, Instant disabledAt) {
    public boolean active() {
        return disabledAt == null;
    }
}
