package broadsheet.moderation;

import java.util.Locale;
import java.util.Optional;

/** The moderators' queues. */
public enum Queue {
    /** Comments held by screening, oldest first: they wait longest. */
    PENDING("Pending"),
    /** Comments with reports no moderator has acted on, by their first open report, oldest first. */
    REPORTED("Reported"),
    /** Every comment, newest first. */
    RECENT("Recent");

    private final String label;

    Queue(String label) {
        this.label = label;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    public static Optional<Queue> fromWord(String word) {
        for (Queue q : values()) if (q.word().equals(word)) return Optional.of(q);
        return Optional.empty();
    }
}
