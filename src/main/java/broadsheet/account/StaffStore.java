package broadsheet.account;

import broadsheet.shared.Staff;
import broadsheet.shared.StaffRole;
import broadsheet.storage.Rows;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for the {@code staff} table. Password hashes and TOTP secrets are read only through the methods that need them. */
public final class StaffStore {
    static final RowMapper<Staff> ROW = (rs, ctx) -> new Staff(rs.getLong("id"), rs.getString("email"), rs.getString("name"),
            rs.getBoolean("name_from_email"), StaffRole.fromWord(rs.getString("role")).orElseThrow(), rs.getString("totp_secret") != null,
            (Long) rs.getObject("contributor_id"), Rows.instant(rs, "created_at"),
            Rows.instant(rs, "disabled_at"));
    private final Jdbi jdbi;

    public StaffStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** What sign-in needs to check a password and a second factor. */
    public record Credentials(Staff staff, String passwordHash, String totpSecret, Long totpLastStep) {}

    public Optional<Staff> byId(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM staff WHERE id = :id").bind("id", id).map(ROW).findOne());
    }

    public Optional<Staff> byEmail(String email) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM staff WHERE lower(email) = lower(:e)").bind("e", email).map(ROW).findOne());
    }

    public Optional<Credentials> credentials(String email) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM staff WHERE lower(email) = lower(:e)").bind("e", email)
                .map((rs, ctx) -> new Credentials(ROW.map(rs, ctx), rs.getString("password_hash"), rs.getString("totp_secret"),
                        (Long) rs.getObject("totp_last_step")))
                .findOne());
    }

    public Optional<Credentials> credentials(long id) {
        return byId(id).flatMap(s -> credentials(s.email()));
    }

    public List<Staff> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM staff ORDER BY disabled_at NULLS FIRST, lower(name)").map(ROW).list());
    }

    public boolean anyAdmin() {
        return jdbi.withHandle(h -> h.createQuery("SELECT 1 FROM staff WHERE role = 'admin' AND disabled_at IS NULL LIMIT 1")
                .mapTo(Integer.class).findOne().isPresent());
    }

    /**
     * Creates an account, without a byline; the email must not be in use (any case). {@code nameFromEmail}
     * says the name is only the part of the email before @.
     */
    public static long create(Handle h, String email, String name, boolean nameFromEmail, StaffRole role, String passwordHash,
                              Instant now) {
        return h.createQuery("""
                        INSERT INTO staff (email, name, name_from_email, role, password_hash, created_at)
                        VALUES (:email, :name, :fromEmail, :role, :hash, :now) RETURNING id""")
                .bind("email", email.strip()).bind("name", name.strip()).bind("fromEmail", nameFromEmail).bind("role", role.word())
                .bind("hash", passwordHash).bind("now", now)
                .mapTo(Long.class).one();
    }

    public static boolean emailInUse(Handle h, String email) {
        return h.createQuery("SELECT 1 FROM staff WHERE lower(email) = lower(:e)").bind("e", email.strip())
                .mapTo(Integer.class).findOne().isPresent();
    }

    public static void setRole(Handle h, long id, StaffRole role) {
        h.createUpdate("UPDATE staff SET role = :role WHERE id = :id").bind("role", role.word()).bind("id", id).execute();
    }

    public static void setPassword(Handle h, long id, String hash) {
        h.createUpdate("UPDATE staff SET password_hash = :hash WHERE id = :id").bind("hash", hash).bind("id", id).execute();
    }

    public static void setDisabled(Handle h, long id, Instant at) {
        h.createUpdate("UPDATE staff SET disabled_at = :at WHERE id = :id").bind("at", at).bind("id", id).execute();
    }

    /**
     * Turns two-factor sign-in on (a secret) or off (null), ending any enrolment in progress. The last
     * step is that of the code that confirmed the secret, so it cannot be used again to sign in.
     */
    public static void setTotp(Handle h, long id, String secret, Long lastStep) {
        h.createUpdate("""
                        UPDATE staff SET totp_secret = :s, totp_last_step = :step, pending_totp_secret = NULL, pending_totp_since = NULL
                        WHERE id = :id""")
                .bind("s", secret).bind("step", lastStep).bind("id", id).execute();
    }

    /** Keeps a secret being enrolled until the person confirms it with a code. */
    public void setPendingTotp(long id, String secret, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE staff SET pending_totp_secret = :s, pending_totp_since = :now WHERE id = :id")
                .bind("s", secret).bind("now", now).bind("id", id).execute());
    }

    /** The secret being enrolled, if enrolment started after {@code since}. */
    public Optional<String> pendingTotp(long id, Instant since) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT pending_totp_secret FROM staff
                        WHERE id = :id AND pending_totp_secret IS NOT NULL AND pending_totp_since > :since""")
                .bind("id", id).bind("since", since).mapTo(String.class).findOne());
    }

    /**
     * Records the TOTP step just used, only if it is later than the last one: false means the code was
     * already used (a replay), and nothing changes.
     */
    public boolean claimTotpStep(long id, long step) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE staff SET totp_last_step = :step
                        WHERE id = :id AND (totp_last_step IS NULL OR totp_last_step < :step)""")
                .bind("step", step).bind("id", id).execute()) == 1;
    }

    /** The byline an account writes under as its transaction sees it, and the name it may sign with while it has none. */
    public record Byline(Long contributorId, String contributorName, String ownName) {}

    public static Optional<Byline> byline(Handle h, long id) {
        return h.createQuery("""
                        SELECT s.contributor_id, c.name AS contributor_name, CASE WHEN s.name_from_email THEN NULL ELSE s.name END AS own
                        FROM staff s LEFT JOIN contributors c ON c.id = s.contributor_id WHERE s.id = :id""")
                .bind("id", id).map((rs, ctx) -> new Byline((Long) rs.getObject("contributor_id"), rs.getString("contributor_name"),
                        rs.getString("own"))).findOne();
    }

    /** Makes the account write under the contributor's byline (null: under none). */
    public static void linkContributor(Handle h, long id, Long contributorId) {
        h.createUpdate("UPDATE staff SET contributor_id = :c WHERE id = :id").bind("c", contributorId).bind("id", id).execute();
    }
}
