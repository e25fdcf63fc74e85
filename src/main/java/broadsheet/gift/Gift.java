package broadsheet.gift;

import java.time.Instant;

/**
 * A gift link as stored.
 *
 * @param readerCap  distinct readers it lets in, or 0 for no cap
 * @param revokedAt  when it was withdrawn, or null
 * @param revokedBy  "giver" or "staff", or null
 */
public record Gift(long id, String token, long giverId, long articleId, Instant createdAt, Instant expiresAt, int readerCap,
                   Instant revokedAt, String revokedBy) {

    /** The link's address on the site. */
    public String path() {
        return "/gift/" + articleId + "/" + token;
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Whether it still lets readers in (its cap aside). */
    public boolean live(Instant now) {
        return !revoked() && !expired(now);
    }
}
