package broadsheet.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed delivery is tried again: after {@code first}, then twice as long each time, never more than an hour
 * apart, until {@link #WINDOW} after the delivery was queued; one last try falls at that moment, and after it the
 * delivery has failed. Pure, so its schedule is tested without a clock.
 */
public record Backoff(Duration first) {
    /** How long a delivery keeps being tried. */
    public static final Duration WINDOW = Duration.ofHours(24);
    static final Duration LONGEST = Duration.ofHours(1);

    public Backoff {
        if (first.isNegative() || first.isZero()) throw new IllegalArgumentException("the first wait must be positive");
    }

    /** The next try after the {@code attempts}-th failed at {@code now}, or empty when the delivery has failed for good. */
    public Optional<Instant> next(int attempts, Instant now, Instant giveUpAt) {
        if (!now.isBefore(giveUpAt)) return Optional.empty();
        Duration wait = first;
        for (int i = 1; i < attempts && wait.compareTo(LONGEST) < 0; i++) wait = wait.multipliedBy(2);
        if (wait.compareTo(LONGEST) > 0) wait = LONGEST;
        Instant at = now.plus(wait);
        return Optional.of(at.isAfter(giveUpAt) ? giveUpAt : at);
    }
}
