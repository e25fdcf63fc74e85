package broadsheet.webhook;

import broadsheet.shared.AuditLog;
import broadsheet.storage.Rows;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Registering endpoints, changing them, turning them off and on, and minting their secrets; each change is one
 * transaction with its audit entry. Turning an endpoint off fails what was still waiting to go to it. Who may do this
 * (admins) is the route table's to decide.
 */
public final class Endpoints {
    private static final SecureRandom RANDOM = new SecureRandom();
    static final RowMapper<Endpoint> ROW = (rs, ctx) -> new Endpoint(rs.getLong("id"), rs.getString("url"), rs.getString("description"),
            Arrays.stream((String[]) rs.getArray("events").getArray()).map(EventType::fromWord).flatMap(Optional::stream).toList(),
            rs.getBoolean("enabled"), Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"));
    private final Jdbi jdbi;

    public Endpoints(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A stored endpoint and its secret, which is shown this once. */
    public record WithSecret(Endpoint endpoint, String secret) {}

    /** Refused input, by field (see {@link EndpointInput#problems}). */
    public static final class Refused extends RuntimeException {
        private final Map<String, String> problems;

        Refused(Map<String, String> problems) {
            super(String.join(" ", problems.values()));
            this.problems = problems;
        }

        public Map<String, String> problems() {
            return problems;
        }
    }

    public List<Endpoint> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM webhook_endpoints ORDER BY id").map(ROW).list());
    }

    public Optional<Endpoint> byId(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM webhook_endpoints WHERE id = :id").bind("id", id).map(ROW).findOne());
    }

    public WithSecret create(AuditLog.Actor who, EndpointInput in, Instant now) {
        check(in);
        String secret = newSecret();
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate("""
                            INSERT INTO webhook_endpoints (url, description, events, enabled, secret, created_at, updated_at)
                            VALUES (:url, :description, :events, :enabled, :secret, :now, :now)""")
                    .bind("url", in.url()).bind("description", in.description()).bind("events", words(in.eventTypes()))
                    .bind("enabled", in.enabled()).bind("secret", secret).bind("now", now)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            AuditLog.record(h, who, "webhook endpoint added", in.url(), Map.of("endpoint", id, "events", words(in.eventTypes())), now);
            return new WithSecret(h.createQuery("SELECT * FROM webhook_endpoints WHERE id = :id").bind("id", id).map(ROW).one(), secret);
        });
    }

    /** Saves the endpoint's address, description, events and on/off; empty when there is no such endpoint. */
    public Optional<Endpoint> update(AuditLog.Actor who, long id, EndpointInput in, Instant now) {
        check(in);
        return jdbi.inTransaction(h -> {
            Optional<Endpoint> before = h.createQuery("SELECT * FROM webhook_endpoints WHERE id = :id FOR UPDATE").bind("id", id).map(ROW).findOne();
            if (before.isEmpty()) return Optional.<Endpoint>empty();
            h.createUpdate("""
                            UPDATE webhook_endpoints SET url = :url, description = :description, events = :events, enabled = :enabled,
                                updated_at = :now WHERE id = :id""")
                    .bind("url", in.url()).bind("description", in.description()).bind("events", words(in.eventTypes()))
                    .bind("enabled", in.enabled()).bind("now", now).bind("id", id).execute();
            if (!in.enabled()) {
                h.createUpdate("""
                                UPDATE webhook_deliveries SET state = 'failed', last_error = 'The endpoint was turned off.', finished_at = :now
                                WHERE endpoint_id = :id AND state = 'pending'""")
                        .bind("now", now).bind("id", id).execute();
            }
            String action = before.get().enabled() == in.enabled() ? "webhook endpoint changed"
                    : in.enabled() ? "webhook endpoint turned on" : "webhook endpoint turned off";
            AuditLog.record(h, who, action, in.url(), Map.of("endpoint", id, "events", words(in.eventTypes()),
                    "previousUrl", before.get().url()), now);
            return h.createQuery("SELECT * FROM webhook_endpoints WHERE id = :id").bind("id", id).map(ROW).findOne();
        });
    }

    /** Replaces the endpoint's secret; the new one, shown once, or empty when there is no such endpoint. */
    public Optional<WithSecret> rotateSecret(AuditLog.Actor who, long id, Instant now) {
        String secret = newSecret();
        return jdbi.inTransaction(h -> {
            Optional<Endpoint> e = h.createQuery("UPDATE webhook_endpoints SET secret = :secret, updated_at = :now WHERE id = :id RETURNING *")
                    .bind("secret", secret).bind("now", now).bind("id", id).map(ROW).findOne();
            e.ifPresent(x -> AuditLog.record(h, who, "webhook secret replaced", x.url(), Map.of("endpoint", id), now));
            return e.map(x -> new WithSecret(x, secret));
        });
    }

    private static void check(EndpointInput in) {
        Map<String, String> problems = in.problems();
        if (!problems.isEmpty()) throw new Refused(problems);
    }

    static String[] words(List<EventType> types) {
        return types.stream().map(EventType::word).toArray(String[]::new);
    }

    /** 32 random bytes, as text a receiver can paste into its configuration. */
    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "bswh_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
