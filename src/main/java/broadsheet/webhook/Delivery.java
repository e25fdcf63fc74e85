package broadsheet.webhook;

import java.time.Instant;
import java.util.UUID;

/**
 * One event on its way to one endpoint, as the newsroom lists it. {@code nextAttemptAt} means something only while
 * the delivery is pending; {@code payload} is the body sent (null until the event is fanned out).
 */
public record Delivery(long id, UUID uuid, long endpointId, String type, UUID eventId, Instant occurredAt, State state, int attempts,
                       Instant createdAt, Instant nextAttemptAt, Instant giveUpAt, Integer lastStatus, String lastError,
                       Instant finishedAt, String payload) {
    /** Where a delivery stands. */
    public enum State {
        PENDING, DELIVERED, FAILED;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One POST of a delivery: the answer's status and the start of its body, or the error; how long it took. */
    public record Attempt(long id, Instant at, Integer statusCode, String error, int durationMillis, String responseBody) {}
}
