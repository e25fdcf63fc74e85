package broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatelineTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void updatedTimeWinsAndReadsInGmtInWinter() {
        var d = Dateline.of(Instant.parse("2025-12-07T09:00:00Z"), Instant.parse("2025-12-07T12:35:00Z"), LONDON);
        assertThat(d.label()).isEqualTo("Updated 7 December 2025 12:35pm GMT");
        assertThat(d.updated()).isTrue();
        assertThat(Dateline.iso(d.instant(), LONDON)).isEqualTo("2025-12-07T12:35:00Z");
    }

    @Test
    void publishedTimeWhenNeverUpdated() {
        var d = Dateline.of(Instant.parse("2025-12-07T09:00:00Z"), null, LONDON);
        assertThat(d.label()).isEqualTo("7 December 2025 9:00am GMT");
        assertThat(d.updated()).isFalse();
    }

    @Test
    void summerTimesReadInBst() {
        var d = Dateline.of(Instant.parse("2025-07-01T08:00:00Z"), Instant.parse("2025-07-01T23:30:00Z"), LONDON);
        assertThat(d.label()).isEqualTo("Updated 2 July 2025 12:30am BST");
        assertThat(Dateline.iso(d.instant(), LONDON)).isEqualTo("2025-07-02T00:30:00+01:00");
    }

    @ParameterizedTest
    @CsvSource({
            "2025-03-30T00:59:00Z, 30 March 2025 12:59am GMT",
            "2025-03-30T01:00:00Z, 30 March 2025 2:00am BST",
            "2025-10-26T00:59:00Z, 26 October 2025 1:59am BST",
            "2025-10-26T01:00:00Z, 26 October 2025 1:00am GMT",
            "2025-12-31T12:00:00Z, 31 December 2025 12:00pm GMT"})
    void changesOfClockAreRespected(String instant, String expected) {
        assertThat(Dateline.format(Instant.parse(instant), LONDON)).isEqualTo(expected);
    }

    @Test
    void anUpdateNoLaterThanPublicationIsNotAnUpdate() {
        Instant t = Instant.parse("2025-12-07T09:00:00Z");
        assertThat(Dateline.of(t, t, LONDON).updated()).isFalse();
    }

    @Test
    void otherZonesAreShownInTheirOwnTime() {
        assertThat(Dateline.format(Instant.parse("2025-12-07T09:00:00Z"), ZoneId.of("America/New_York")))
                .isEqualTo("7 December 2025 4:00am EST");
    }
}
