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

    @Test
    void theHandWrittenFormsMatchJavaTimesFormattersEverywhere() {
        var zones = java.util.List.of("Europe/London", "Europe/Paris", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe",
                "Pacific/Chatham", "Africa/Monrovia", "UTC", "Asia/Tokyo", "America/St_Johns", "Europe/Dublin", "America/Sao_Paulo");
        var iso = java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        for (String id : zones) {
            ZoneId zone = ZoneId.of(id);
            // every 23 hours and 13 minutes for six years: all hours, both sides of noon and midnight, every clock change
            for (Instant t = Instant.parse("2020-01-01T00:00:00Z"); t.isBefore(Instant.parse("2026-01-01T00:00:00Z"));
                 t = t.plusSeconds(23 * 3600 + 13 * 60 + 7)) {
                var local = java.time.ZonedDateTime.ofInstant(t, zone);
                assertThat(Dateline.format(t, zone)).as(id + " " + t).isEqualTo(Dateline.formatted(local));
                assertThat(Dateline.iso(t, zone)).as(id + " " + t).isEqualTo(iso.format(local.withNano(0)));
            }
        }
        // 1890 London ran on local mean time, an offset with seconds
        Instant old = Instant.parse("1890-06-01T12:00:00Z");
        assertThat(Dateline.iso(old, LONDON)).isEqualTo(iso.format(java.time.ZonedDateTime.ofInstant(old, LONDON)));
        assertThat(Dateline.format(old, LONDON)).isEqualTo(Dateline.formatted(java.time.ZonedDateTime.ofInstant(old, LONDON)));
    }
}
