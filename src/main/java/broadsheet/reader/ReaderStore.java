package broadsheet.reader;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** The {@code readers} table. Emails are unique whatever their case. */
public final class ReaderStore {
    static final RowMapper<ReaderAccount> ROW = (rs, ctx) -> new ReaderAccount(rs.getLong("id"), rs.getString("email"), rs.getString("name"),
            rs.getString("password_hash"), instant(rs.getObject("email_verified_at", OffsetDateTime.class)),
            rs.getObject("created_at", OffsetDateTime.class).toInstant());
    private final Jdbi jdbi;

    public ReaderStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<ReaderAccount> byEmail(String email) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM readers WHERE lower(email) = lower(:e)").bind("e", email)
                .map(ROW).findOne());
    }

    public Optional<ReaderAccount> byId(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM readers WHERE id = :id").bind("id", id).map(ROW).findOne());
    }

    /** Creates an account, or returns empty when the email already has one (whatever its case). */
    public Optional<Long> create(String email, String name, String passwordHash, Instant verifiedAt, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO readers (email, name, password_hash, email_verified_at, created_at)
                        VALUES (:email, :name, :hash, :verified, :now)
                        ON CONFLICT ((lower(email))) DO NOTHING RETURNING id""")
                .bind("email", email).bind("name", name).bind("hash", passwordHash).bind("verified", verifiedAt).bind("now", now)
                .mapTo(Long.class).findOne());
    }

    /** Marks the address confirmed, unless it already is. */
    public void verified(long id, Instant now) {
        jdbi.useHandle(h -> h.execute("UPDATE readers SET email_verified_at = coalesce(email_verified_at, ?) WHERE id = ?", now, id));
    }

    public void setPassword(long id, String hash) {
        jdbi.useHandle(h -> h.execute("UPDATE readers SET password_hash = ? WHERE id = ?", hash, id));
    }

    /** Moves the account to a confirmed new address; false when another account has it. */
    public boolean setEmail(long id, String email, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE readers SET email = :email, email_verified_at = :now
                        WHERE id = :id AND NOT EXISTS (SELECT 1 FROM readers o WHERE lower(o.email) = lower(:email) AND o.id <> :id)""")
                .bind("email", email).bind("now", now).bind("id", id).execute()) == 1;
    }

    /**
     * Removes the account; its sessions and links go with it, and every other table lets go of it. {@code first}
     * runs in the same transaction, before the row goes.
     */
    public void delete(long id, ReaderDeletion first) {
        jdbi.useTransaction(h -> {
            first.before(h, id);
            h.execute("DELETE FROM readers WHERE id = ?", id);
        });
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
