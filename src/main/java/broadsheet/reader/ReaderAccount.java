package broadsheet.reader;

import java.time.Instant;

/**
 * A reader's account as stored.
 *
 * @param passwordHash Argon2id hash, or null for a reader who signs in only with links
 * @param emailVerifiedAt when the address was confirmed, or null while it is not
 */
public record ReaderAccount(long id, String email, String name, String passwordHash, Instant emailVerifiedAt, Instant createdAt) {
    public boolean verified() {
        return emailVerifiedAt != null;
    }

    public boolean hasPassword() {
        return passwordHash != null;
    }
}
