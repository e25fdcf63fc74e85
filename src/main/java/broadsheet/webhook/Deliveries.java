package broadsheet.webhook;

import broadsheet.shared.AuditLog;
import broadsheet.storage.Rows;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The queue of deliveries in the database: fanning queued events out to the endpoints that want them, claiming due
 * deliveries for one sender, recording each attempt and what follows from it, test events and redelivery by hand,
 * the newsroom's keyset-paged lists, and removing old ones. Sending is {@link WebhookWorker}'s.
 */
public final class Deliveries {
    static final RowMapper<Delivery> ROW = (rs, ctx) -> new Delivery(rs.getLong("id"), rs.getObject("uuid", UUID.class),
            rs.getLong("endpoint_id"), rs.getString("type"), rs.getObject("event_uuid", UUID.class), Rows.instant(rs, "occurred_at"),
            Delivery.State.valueOf(rs.getString("state").toUpperCase(java.util.Locale.ROOT)), rs.getInt("attempts"),
            Rows.instant(rs, "created_at"), Rows.instant(rs, "next_attempt_at"), Rows.instant(rs, "give_up_at"),
            (Integer) rs.getObject("last_status"), rs.getString("last_error"), Rows.instant(rs, "finished_at"), rs.getString("payload"));
    private static final RowMapper<Delivery.Attempt> ATTEMPT = (rs, ctx) -> new Delivery.Attempt(rs.getLong("id"), Rows.instant(rs, "at"),
            (Integer) rs.getObject("status_code"), rs.getString("error"), rs.getInt("duration_ms"), rs.getString("response_body"));
    private static final String SELECT = """
            SELECT d.*, ev.type, ev.uuid AS event_uuid, ev.occurred_at, ev.payload
            FROM webhook_deliveries d JOIN webhook_events ev ON ev.id = d.event_id""";
    private final Jdbi jdbi;

    public Deliveries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A queued event that has no body yet. */
    public record Waiting(long id, UUID uuid, String type, Long articleId, Long commentId, Instant occurredAt) {}

    /** Writes each waiting event's body (once) and queues a delivery of it to each endpoint that wants it; returns how many events. */
    public int fanOut(PayloadSource payloads, Instant now) {
        return jdbi.inTransaction(h -> {
            // SKIP LOCKED: several instances fan out at once, each event exactly once
            List<Waiting> waiting = h.createQuery("""
                            SELECT id, uuid, type, article_id, comment_id, occurred_at FROM webhook_events WHERE NOT fanned_out
                            ORDER BY id LIMIT 100 FOR UPDATE SKIP LOCKED""")
                    .map((rs, ctx) -> new Waiting(rs.getLong("id"), rs.getObject("uuid", UUID.class), rs.getString("type"),
                            (Long) rs.getObject("article_id"), (Long) rs.getObject("comment_id"), Rows.instant(rs, "occurred_at")))
                    .list();
            for (Waiting w : waiting) {
                h.createUpdate("UPDATE webhook_events SET payload = :payload, fanned_out = true WHERE id = :id")
                        .bind("payload", payloads.body(w)).bind("id", w.id()).execute();
                h.createUpdate("""
                                INSERT INTO webhook_deliveries (endpoint_id, event_id, created_at, next_attempt_at, give_up_at)
                                SELECT e.id, ev.id, :now, :now, :giveUp FROM webhook_events ev JOIN webhook_endpoints e
                                    ON (ev.endpoint_id IS NULL AND e.enabled AND ev.type = ANY (e.events)) OR e.id = ev.endpoint_id
                                WHERE ev.id = :event""")
                        .bind("now", now).bind("giveUp", now.plus(Backoff.WINDOW)).bind("event", w.id()).execute();
            }
            return waiting.size();
        });
    }

    /** How an event's body is made (from the article as it is now). */
    @FunctionalInterface
    public interface PayloadSource {
        String body(Waiting event);
    }

    /** A delivery a sender holds: what to send, where, and with which key. */
    public record Claimed(long id, UUID uuid, long endpointId, String url, String secret, String type, String payload, int attempts,
                          Instant giveUpAt) {}

    /**
     * Hands this sender up to {@code limit} due deliveries and moves each one's due time on by {@code lease}: no other
     * sender takes them while this one is sending, and if this one dies they fall due again when the lease is over.
     */
    public List<Claimed> claim(Instant now, int limit, Duration lease) {
        return jdbi.withHandle(h -> h.createQuery("""
                        WITH due AS (
                            SELECT id FROM webhook_deliveries WHERE state = 'pending' AND next_attempt_at <= :now
                            ORDER BY next_attempt_at, id LIMIT :limit FOR UPDATE SKIP LOCKED),
                        claimed AS (
                            UPDATE webhook_deliveries d SET next_attempt_at = :leaseEnd, attempts = d.attempts + 1
                            FROM due WHERE d.id = due.id
                            RETURNING d.id, d.uuid, d.endpoint_id, d.event_id, d.attempts, d.give_up_at)
                        SELECT c.id, c.uuid, c.endpoint_id, c.attempts, c.give_up_at, e.url, e.secret, ev.type, ev.payload
                        FROM claimed c JOIN webhook_endpoints e ON e.id = c.endpoint_id JOIN webhook_events ev ON ev.id = c.event_id
                        ORDER BY c.id""")
                .bind("now", now).bind("limit", limit).bind("leaseEnd", now.plus(lease))
                .map((rs, ctx) -> new Claimed(rs.getLong("id"), rs.getObject("uuid", UUID.class), rs.getLong("endpoint_id"),
                        rs.getString("url"), rs.getString("secret"), rs.getString("type"), rs.getString("payload"), rs.getInt("attempts"),
                        Rows.instant(rs, "give_up_at")))
                .list());
    }

    /** What one attempt came to. */
    public record Outcome(Instant at, Integer statusCode, String error, int durationMillis, String responseBody) {
        public boolean succeeded() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    /** Records the attempt and settles the delivery: delivered, due again when {@code backoff} says, or failed for good. */
    public void record(Claimed c, Outcome o, Backoff backoff, Instant now) {
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                            INSERT INTO webhook_attempts (delivery_id, at, status_code, error, duration_ms, response_body)
                            VALUES (:id, :at, :status, :error, :ms, :body)""")
                    .bind("id", c.id()).bind("at", o.at()).bind("status", o.statusCode()).bind("error", o.error())
                    .bind("ms", o.durationMillis()).bind("body", o.responseBody()).execute();
            Optional<Instant> next = o.succeeded() ? Optional.empty() : backoff.next(c.attempts(), now, c.giveUpAt());
            String state = o.succeeded() ? "delivered" : next.isPresent() ? "pending" : "failed";
            // only a delivery still pending: one turned off (failed) meanwhile stays as it is
            h.createUpdate("""
                            UPDATE webhook_deliveries SET state = :state, next_attempt_at = coalesce(:next, next_attempt_at),
                                last_status = :status, last_error = :error, finished_at = :finished
                            WHERE id = :id AND state = 'pending'""")
                    .bind("state", state).bind("next", next.orElse(null)).bind("status", o.statusCode()).bind("error", o.error())
                    .bind("finished", state.equals("pending") ? null : now).bind("id", c.id()).execute();
        });
    }

    /** Queues a test event for this endpoint only; false when there is no such endpoint. */
    public boolean ping(AuditLog.Actor who, Endpoint endpoint, Instant now) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("INSERT INTO webhook_events (type, endpoint_id, occurred_at) VALUES (:type, :endpoint, :now)")
                    .bind("type", EventType.PING).bind("endpoint", endpoint.id()).bind("now", now).execute();
            AuditLog.record(h, who, "webhook test sent", endpoint.url(), Map.of("endpoint", endpoint.id()), now);
            return true;
        });
    }

    /** Sends the delivery again from now, with a fresh 24 hours of retries; false when the endpoint has no such delivery. */
    public boolean redeliver(AuditLog.Actor who, Endpoint endpoint, long deliveryId, Instant now) {
        return jdbi.inTransaction(h -> {
            int changed = h.createUpdate("""
                            UPDATE webhook_deliveries SET state = 'pending', next_attempt_at = :now, give_up_at = :giveUp, finished_at = NULL
                            WHERE id = :id AND endpoint_id = :endpoint""")
                    .bind("now", now).bind("giveUp", now.plus(Backoff.WINDOW)).bind("id", deliveryId).bind("endpoint", endpoint.id())
                    .execute();
            if (changed == 0) return false;
            AuditLog.record(h, who, "webhook redelivered", endpoint.url(), Map.of("endpoint", endpoint.id(), "delivery", deliveryId), now);
            return true;
        });
    }

    /** The endpoint's deliveries, newest first, {@code size} of them from before the delivery {@code before} (null: the newest). */
    public List<Delivery> ofEndpoint(long endpointId, Long before, int size) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + """

                         WHERE d.endpoint_id = :endpoint AND (CAST(:before AS bigint) IS NULL OR d.id < :before)
                        ORDER BY d.id DESC LIMIT :size""")
                .bind("endpoint", endpointId).bind("before", before).bind("size", size).map(ROW).list());
    }

    public Optional<Delivery> byId(long endpointId, long deliveryId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE d.id = :id AND d.endpoint_id = :endpoint")
                .bind("id", deliveryId).bind("endpoint", endpointId).map(ROW).findOne());
    }

    /** The delivery's attempts, newest first, as {@link #ofEndpoint} pages. */
    public List<Delivery.Attempt> attempts(long deliveryId, Long before, int size) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM webhook_attempts WHERE delivery_id = :delivery AND (CAST(:before AS bigint) IS NULL OR id < :before)
                        ORDER BY id DESC LIMIT :size""")
                .bind("delivery", deliveryId).bind("before", before).bind("size", size).map(ATTEMPT).list());
    }

    /** Removes events queued before {@code cutoff} whose deliveries are all settled, with those deliveries and their attempts. */
    public int prune(Instant cutoff) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        DELETE FROM webhook_events ev WHERE ev.occurred_at < :cutoff AND ev.fanned_out
                        AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = ev.id AND d.state = 'pending')""")
                .bind("cutoff", cutoff).execute());
    }
}
