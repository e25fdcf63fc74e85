package broadsheet.reader;

import broadsheet.account.Sessions;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * One-time links mailed to readers. The link carries a random token (256 bits, as a session's); the table keeps
 * its hash, what it is for, and for a change of address the new address. {@link #use} spends a token in one
 * statement, so two clicks at once cannot both use it.
 */
public final class ReaderTokens {
    private final Jdbi jdbi;

    public ReaderTokens(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** What a link does, its word in the table, and how long it lasts. */
    public enum Purpose {
        VERIFY("verify", Duration.ofDays(2)),
        SIGN_IN("sign-in", Duration.ofMinutes(20)),
        RESET("reset", Duration.ofHours(1)),
        CHANGE_EMAIL("change-email", Duration.ofDays(2));

        private final String word;
        private final Duration lasts;

        Purpose(String word, Duration lasts) {
            this.word = word;
            this.lasts = lasts;
        }

        public Duration lasts() {
            return lasts;
        }
    }

    /** A spent token: whose it was, and the new address for a change of address (else null). */
    public record Used(long readerId, String newEmail) {}

    /** Makes a link's token; returns it (the only time it exists outside the mail). */
    public String issue(long readerId, Purpose purpose, String newEmail, Instant now) {
        String token = Sessions.randomToken();
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO reader_tokens (token_hash, reader_id, purpose, new_email, created_at, expires_at)
                        VALUES (:hash, :reader, :purpose, :email, :now, :expires)""")
                .bind("hash", Sessions.hash(token)).bind("reader", readerId).bind("purpose", purpose.word).bind("email", newEmail)
                .bind("now", now).bind("expires", now.plus(purpose.lasts())).execute());
        return token;
    }

    /** Whether the token is unused and unexpired, for the page that offers to use it (nothing is spent). */
    public boolean usable(String token, Purpose purpose, Instant now) {
        if (!wellFormed(token)) return false;
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT count(*) FROM reader_tokens
                        WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now""")
                .bind("hash", Sessions.hash(token)).bind("purpose", purpose.word).bind("now", now).mapTo(Integer.class).one()) > 0;
    }

    /** Spends the token if it is unused and unexpired; empty otherwise. */
    public Optional<Used> use(String token, Purpose purpose, Instant now) {
        if (!wellFormed(token)) return Optional.empty();
        return jdbi.withHandle(h -> h.createQuery("""
                        UPDATE reader_tokens SET used_at = :now
                        WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now
                        RETURNING reader_id, new_email""")
                .bind("hash", Sessions.hash(token)).bind("purpose", purpose.word).bind("now", now)
                .map((rs, ctx) -> new Used(rs.getLong("reader_id"), rs.getString("new_email"))).findOne());
    }

    /** Spends every unused link of this purpose the reader has (a reset used: older reset links die). */
    public void spendAll(long readerId, Purpose purpose, Instant now) {
        jdbi.useHandle(h -> h.execute("UPDATE reader_tokens SET used_at = ? WHERE reader_id = ? AND purpose = ? AND used_at IS NULL",
                now, readerId, purpose.word));
    }

    /** Removes links that expired a day ago or more; run now and then. */
    public int sweep(Instant now) {
        return jdbi.withHandle(h -> h.execute("DELETE FROM reader_tokens WHERE expires_at < ?", now.minus(Duration.ofDays(1))));
    }

    private static boolean wellFormed(String token) {
        return token != null && token.length() >= 20 && token.length() <= 100;
    }
}
