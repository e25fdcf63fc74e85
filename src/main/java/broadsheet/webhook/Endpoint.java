package broadsheet.webhook;

import java.time.Instant;
import java.util.List;

/** A registered endpoint as the newsroom shows it; its secret is never part of it (only the sender reads that). */
public record Endpoint(long id, String url, String description, List<EventType> events, boolean enabled, Instant createdAt,
                       Instant updatedAt) {
    public boolean wants(EventType type) {
        return events.contains(type);
    }
}
