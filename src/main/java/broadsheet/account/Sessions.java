package broadsheet.account;

import broadsheet.shared.Staff;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Signed-in browsers, kept in the database so every instance knows them. The cookie carries a random
 * token; the table keeps only its SHA-256, so a copy of the database cannot be used to sign in. A session
 * ends after the idle timeout without use ({@link #IDLE} unless the paper's settings say otherwise; the
 * timeout in effect applies to sessions already open) or {@link #LONGEST} in all, at sign-out, or when the
 * person is disabled. Each session has its own CSRF token for the forms it posts.
 */
public final class Sessions {
    /** The idle timeout while the paper's settings do not change it. */
    public static final Duration IDLE = Duration.ofHours(12);
    public static final Duration LONGEST = Duration.ofDays(14);
    /** How long a sign-in may wait for its second factor after the password. */
    public static final Duration CODE_WAIT = Duration.ofMinutes(10);
    /** Last-seen times are written at most this often, to spare the database a write per request. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Jdbi jdbi;
    private final Supplier<Duration> idle;

    /** Sessions with the default idle timeout, {@link #IDLE}. */
    public Sessions(Jdbi jdbi) {
        this(jdbi, () -> IDLE);
    }

    /** {@code idle} gives the idle timeout in effect, asked at every check. */
    public Sessions(Jdbi jdbi, Supplier<Duration> idle) {
        this.jdbi = jdbi;
        this.idle = idle;
    }

    /** A live session: who it belongs to, its CSRF token, and whether the second factor is still due. */
    public record Session(String tokenHash, Staff staff, String csrfToken, boolean pendingTotp) {}

    /** Starts a session and returns the cookie value (the only time it exists outside the browser). */
    public String start(long staffId, boolean pendingTotp, String ip, String userAgent, Instant now) {
        String token = randomToken();
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO sessions (token_hash, staff_id, csrf_token, pending_totp, created_at, last_seen_at, ip, user_agent)
                        VALUES (:hash, :staff, :csrf, :pending, :now, :now, :ip, :ua)""")
                .bind("hash", hash(token)).bind("staff", staffId).bind("csrf", randomToken()).bind("pending", pendingTotp)
                .bind("now", now).bind("ip", ip == null ? "" : ip)
                .bind("ua", userAgent == null ? "" : userAgent.substring(0, Math.min(300, userAgent.length())))
                .execute());
        return token;
    }

    public Optional<Session> find(String token, Instant now) {
        if (token == null || token.length() < 20 || token.length() > 100) return Optional.empty();
        String hash = hash(token);
        record Row(Session session, Instant created, Instant lastSeen) {}
        Optional<Row> row = jdbi.withHandle(h -> h.createQuery("""
                        SELECT s.*, x.csrf_token, x.pending_totp, x.created_at AS session_created, x.last_seen_at
                        FROM sessions x JOIN staff s ON s.id = x.staff_id WHERE x.token_hash = :hash""")
                .bind("hash", hash)
                .map((rs, ctx) -> new Row(new Session(hash, StaffStore.ROW.map(rs, ctx), rs.getString("csrf_token"),
                        rs.getBoolean("pending_totp")),
                        rs.getObject("session_created", OffsetDateTime.class).toInstant(),
                        rs.getObject("last_seen_at", OffsetDateTime.class).toInstant()))
                .findOne());
        if (row.isEmpty()) return Optional.empty();
        Row r = row.get();
        boolean halfSignedIn = r.session().pendingTotp() && r.created().plus(CODE_WAIT).isBefore(now);
        if (!r.session().staff().active() || halfSignedIn || r.lastSeen().plus(idle.get()).isBefore(now) || r.created().plus(LONGEST).isBefore(now)) {
            end(token);
            return Optional.empty();
        }
        if (r.lastSeen().plus(TOUCH_EVERY).isBefore(now)) {
            jdbi.useHandle(h -> h.createUpdate("UPDATE sessions SET last_seen_at = :now WHERE token_hash = :hash")
                    .bind("now", now).bind("hash", hash).execute());
        }
        return Optional.of(r.session());
    }

    public void end(String token) {
        if (token == null) return;
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM sessions WHERE token_hash = :hash").bind("hash", hash(token)).execute());
    }

    /** Signs a person out everywhere (password change, disabling, role change). */
    public void endAll(long staffId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM sessions WHERE staff_id = :id").bind("id", staffId).execute());
    }

    /** Removes expired sessions; run now and then. */
    public int sweep(Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM sessions WHERE last_seen_at < :idle OR created_at < :longest")
                .bind("idle", now.minus(idle.get())).bind("longest", now.minus(LONGEST)).execute());
    }

    public static String randomToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
