package broadsheet.account;

import broadsheet.shared.AuditLog;
import broadsheet.shared.StaffRole;
import broadsheet.storage.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Admin API tokens: made by an admin with a role, shown once ({@code bs_...}), stored as SHA-256, revoked
 * by an admin. A token acts with its role and is named in the audit log; making and revoking one is audited
 * in the same transaction. Deciding what a role may do is the workflow's job.
 */
public final class ApiTokens {
    public static final String PREFIX = "bs_";
    public static final int MAX_NAME = 100;
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private final Jdbi jdbi;

    public ApiTokens(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A token as listed (never its value). */
    public record Token(long id, String name, String prefix, StaffRole role, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
        public boolean active() {
            return revokedAt == null;
        }
    }

    /** A token just made: its value, to be shown once, and how it will be listed. */
    public record Issued(String value, Token token) {}

    /** A token that cannot be made as asked, with a message for the admin. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /** Makes a token for an admin, with its audit entry; throws {@link Refused} for a missing or overlong name. */
    public Issued issue(AuditLog.Actor actor, String name, StaffRole role, Instant now) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) throw new Refused("Give the token a name that says what uses it, such as “CMS bridge”.");
        if (n.length() > MAX_NAME) throw new Refused("A token name can have at most " + MAX_NAME + " characters.");
        return jdbi.inTransaction(h -> {
            String value = create(h, n, role, actor.staffId(), now);
            Token token = h.createQuery("SELECT * FROM api_tokens WHERE token_hash = :hash").bind("hash", Sessions.hash(value))
                    .map((rs, ctx) -> row(rs)).one();
            AuditLog.record(h, actor, "token created", n, Map.of("token", token.id(), "role", role.word(), "prefix", token.prefix()), now);
            return new Issued(value, token);
        });
    }

    /** Revokes a live token, with its audit entry; the token's name, or empty when there was no live token with the id. */
    public Optional<String> revoke(AuditLog.Actor actor, long id, Instant now) {
        return jdbi.inTransaction(h -> {
            Optional<String> name = h.createQuery("SELECT name FROM api_tokens WHERE id = :id AND revoked_at IS NULL FOR UPDATE")
                    .bind("id", id).mapTo(String.class).findOne();
            if (name.isPresent() && revoke(h, id, now)) {
                AuditLog.record(h, actor, "token revoked", name.get(), Map.of("token", id), now);
                return name;
            }
            return Optional.empty();
        });
    }

    /** Makes a token; returns its value, which is never stored or shown again. */
    public static String create(Handle h, String name, StaffRole role, Long createdBy, Instant now) {
        String value = PREFIX + Sessions.randomToken();
        h.createUpdate("""
                        INSERT INTO api_tokens (name, token_hash, prefix, role, created_by, created_at)
                        VALUES (:name, :hash, :prefix, :role, :by, :now)""")
                .bind("name", name.strip()).bind("hash", Sessions.hash(value)).bind("prefix", value.substring(0, 10))
                .bind("role", role.word()).bind("by", createdBy).bind("now", now).execute();
        return value;
    }

    public static boolean revoke(Handle h, long id, Instant now) {
        return h.createUpdate("UPDATE api_tokens SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                .bind("now", now).bind("id", id).execute() == 1;
    }

    /** The live token with this value. */
    public Optional<Token> find(String value, Instant now) {
        if (value == null || !value.startsWith(PREFIX) || value.length() > 100) return Optional.empty();
        Optional<Token> t = jdbi.withHandle(h -> h.createQuery("SELECT * FROM api_tokens WHERE token_hash = :hash AND revoked_at IS NULL")
                .bind("hash", Sessions.hash(value)).map((rs, ctx) -> row(rs)).findOne());
        t.filter(x -> x.lastUsedAt() == null || x.lastUsedAt().plus(TOUCH_EVERY).isBefore(now))
                .ifPresent(x -> jdbi.useHandle(h -> h.createUpdate("UPDATE api_tokens SET last_used_at = :now WHERE id = :id")
                        .bind("now", now).bind("id", x.id()).execute()));
        return t;
    }

    public List<Token> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM api_tokens ORDER BY revoked_at NULLS FIRST, created_at DESC")
                .map((rs, ctx) -> row(rs)).list());
    }

    private static Token row(ResultSet rs) throws SQLException {
        return new Token(rs.getLong("id"), rs.getString("name"), rs.getString("prefix"),
                StaffRole.fromWord(rs.getString("role")).orElseThrow(), Rows.instant(rs, "created_at"),
                Rows.instant(rs, "last_used_at"), Rows.instant(rs, "revoked_at"));
    }
}
