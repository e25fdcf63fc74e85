package broadsheet.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final Instant T0 = Instant.parse("2025-12-07T15:00:00Z");

    @Test
    void waitsDoubleFromTheFirstUpToAnHour() {
        var backoff = new Backoff(Duration.ofSeconds(30));
        Instant giveUp = T0.plus(Backoff.WINDOW);
        assertThat(backoff.next(1, T0, giveUp)).contains(T0.plusSeconds(30));
        assertThat(backoff.next(2, T0, giveUp)).contains(T0.plusSeconds(60));
        assertThat(backoff.next(3, T0, giveUp)).contains(T0.plusSeconds(120));
        assertThat(backoff.next(7, T0, giveUp)).contains(T0.plus(Duration.ofSeconds(30 * 64)));
        assertThat(backoff.next(8, T0, giveUp)).contains(T0.plus(Duration.ofHours(1)));
        assertThat(backoff.next(9, T0, giveUp)).contains(T0.plus(Duration.ofHours(1)));
        assertThat(backoff.next(500, T0, giveUp)).contains(T0.plus(Duration.ofHours(1)));
    }

    @Test
    void theLastTryFallsAtTheEndOfTheWindowAndThenItStops() {
        var backoff = new Backoff(Duration.ofSeconds(30));
        Instant giveUp = T0.plus(Backoff.WINDOW);
        List<Instant> tries = new ArrayList<>();
        Instant now = T0;
        for (int attempt = 1; attempt < 100; attempt++) {
            Optional<Instant> next = backoff.next(attempt, now, giveUp);
            if (next.isEmpty()) break;
            now = next.get();
            tries.add(now);
        }
        assertThat(tries.getLast()).isEqualTo(giveUp);
        assertThat(tries).isSorted().hasSizeBetween(20, 40);
        assertThat(backoff.next(1, giveUp, giveUp)).isEmpty();
    }
}
