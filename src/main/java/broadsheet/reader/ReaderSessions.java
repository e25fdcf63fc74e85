package broadsheet.reader;

import broadsheet.account.Sessions;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Readers' signed-in browsers, kept in the database as the newsroom's are ({@link Sessions}' tokens and hashes):
 * the cookie carries a random token, the table only its hash, each session its own CSRF token. A reader's
 * session ends after {@link #IDLE} unused or {@link Sessions#LONGEST} in all.
 */
public final class ReaderSessions {
    public static final Duration IDLE = Duration.ofDays(7);
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private final Jdbi jdbi;

    public ReaderSessions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A live session: whose it is, its CSRF token and when it began. */
    public record Session(ReaderAccount reader, String csrfToken, Instant createdAt) {}

    /** One of a reader's sessions as the account page and the data download list it. */
    public record Listed(Instant createdAt, Instant lastSeenAt, String ip, String userAgent, boolean current) {}

    /** Starts a session and returns the cookie value (the only time it exists outside the browser). */
    public String start(long readerId, String ip, String userAgent, Instant now) {
        String token = Sessions.randomToken();
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO reader_sessions (token_hash, reader_id, csrf_token, created_at, last_seen_at, ip, user_agent)
                        VALUES (:hash, :reader, :csrf, :now, :now, :ip, :ua)""")
                .bind("hash", Sessions.hash(token)).bind("reader", readerId).bind("csrf", Sessions.randomToken()).bind("now", now)
                .bind("ip", ip == null ? "" : ip)
                .bind("ua", userAgent == null ? "" : userAgent.substring(0, Math.min(300, userAgent.length())))
                .execute());
        return token;
    }

    /**
     * The live session this cookie names; an expired one is removed and not found. A live session is read with one
     * statement: it is written to only when it has not been seen for {@link #TOUCH_EVERY} (or to remove it).
     */
    public Optional<Session> find(String token, Instant now) {
        if (token == null || token.length() < 20 || token.length() > 100) return Optional.empty();
        String hash = Sessions.hash(token);
        return jdbi.withHandle(h -> {
            record Found(Session session, Instant lastSeen) {}
            Optional<Found> found = h.createQuery("""
                            SELECT r.*, s.csrf_token, s.created_at AS session_created, s.last_seen_at AS session_seen
                            FROM reader_sessions s JOIN readers r ON r.id = s.reader_id WHERE s.token_hash = :hash""")
                    .bind("hash", hash)
                    .map((rs, ctx) -> new Found(new Session(ReaderStore.ROW.map(rs, ctx), rs.getString("csrf_token"),
                            rs.getObject("session_created", OffsetDateTime.class).toInstant()),
                            rs.getObject("session_seen", OffsetDateTime.class).toInstant()))
                    .findOne();
            if (found.isEmpty()) return Optional.<Session>empty();
            Found f = found.get();
            if (f.lastSeen().isBefore(now.minus(IDLE)) || f.session().createdAt().isBefore(now.minus(Sessions.LONGEST))) {
                h.createUpdate("DELETE FROM reader_sessions WHERE token_hash = :hash AND (last_seen_at < :idle OR created_at < :longest)")
                        .bind("hash", hash).bind("idle", now.minus(IDLE)).bind("longest", now.minus(Sessions.LONGEST)).execute();
                return Optional.<Session>empty();
            }
            if (f.lastSeen().isBefore(now.minus(TOUCH_EVERY))) {
                h.createUpdate("UPDATE reader_sessions SET last_seen_at = :now WHERE token_hash = :hash AND last_seen_at < :stale")
                        .bind("now", now).bind("hash", hash).bind("stale", now.minus(TOUCH_EVERY)).execute();
            }
            return Optional.of(f.session());
        });
    }

    public void end(String token) {
        if (token == null) return;
        jdbi.useHandle(h -> h.execute("DELETE FROM reader_sessions WHERE token_hash = ?", Sessions.hash(token)));
    }

    /** Ends every session of the reader but the one this cookie names (a password change, a reset). */
    public void endOthers(long readerId, String keepToken) {
        String keep = keepToken == null ? "" : Sessions.hash(keepToken);
        jdbi.useHandle(h -> h.execute("DELETE FROM reader_sessions WHERE reader_id = ? AND token_hash <> ?", readerId, keep));
    }

    /** The reader's sessions, newest first, marking the one this cookie names. */
    public List<Listed> list(long readerId, String currentToken) {
        String current = currentToken == null ? "" : Sessions.hash(currentToken);
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT created_at, last_seen_at, ip, user_agent, token_hash = :current AS current
                        FROM reader_sessions WHERE reader_id = :id ORDER BY created_at DESC""")
                .bind("id", readerId).bind("current", current)
                .map((rs, ctx) -> new Listed(rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("last_seen_at", OffsetDateTime.class).toInstant(), rs.getString("ip"), rs.getString("user_agent"),
                        rs.getBoolean("current")))
                .list());
    }

    /** Removes expired sessions; run now and then. */
    public int sweep(Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM reader_sessions WHERE last_seen_at < :idle OR created_at < :longest")
                .bind("idle", now.minus(IDLE)).bind("longest", now.minus(Sessions.LONGEST)).execute());
    }
}
