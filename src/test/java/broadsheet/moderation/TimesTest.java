package broadsheet.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Times on the moderation pages: in the paper's zone for people, and a datetime HTML accepts (at most milliseconds). */
class TimesTest {
    private final Times times = new Times(ZoneId.of("Europe/London"));

    @Test
    void aDatabaseTimeWithMicrosecondsIsWrittenToTheSecondForHtml() {
        assertThat(times.iso(Instant.parse("2026-07-06T06:44:46.575172Z"))).isEqualTo("2026-07-06T06:44:46Z");
    }

    @Test
    void peopleReadThePapersZone() {
        assertThat(times.time(Instant.parse("2026-07-06T06:44:46Z"))).isEqualTo("6 Jul 2026, 07:44");
        assertThat(times.time(null)).isEmpty();
    }
}
