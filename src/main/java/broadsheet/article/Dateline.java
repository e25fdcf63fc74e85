package broadsheet.article;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Map;

/**
 * The dateline readers see under the byline: "Updated 7 December 2025 12:35pm GMT" when the article has
 * had a significant update, otherwise its first publication time in the same form. Times are shown in the
 * paper's zone, so Europe/London reads GMT in winter and BST in summer.
 *
 * @param label    the words shown
 * @param instant  the time the label describes, for {@code <time datetime>}
 * @param updated  whether the label is an update time
 */
public record Dateline(String label, Instant instant, boolean updated) {
    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .appendPattern("d MMMM yyyy h:mm")
            .appendText(ChronoField.AMPM_OF_DAY, Map.of(0L, "am", 1L, "pm"))
            .appendLiteral(' ')
            .appendZoneText(TextStyle.SHORT)
            .toFormatter(Locale.UK);
    private static final DateTimeFormatter US_FORMAT = FORMAT.withLocale(Locale.US);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    public static Dateline of(Instant published, Instant updated, ZoneId zone) {
        if (updated != null && updated.isAfter(published)) {
            return new Dateline("Updated " + format(updated, zone), updated, true);
        }
        return new Dateline(format(published, zone), published, false);
    }

    /** "7 December 2025 12:35pm GMT": the day without a leading zero, as on cards. */
    public static String format(Instant instant, ZoneId zone) {
        String text = FORMAT.format(ZonedDateTime.ofInstant(instant, zone));
        // British English names only British and a few European zones ("BST"); elsewhere use the US names ("EST").
        return text.contains(" GMT+") || text.contains(" GMT-") ? US_FORMAT.format(ZonedDateTime.ofInstant(instant, zone)) : text;
    }

    /** "7 December 2025", for listings. */
    public static String day(Instant instant, ZoneId zone) {
        return DAY.format(ZonedDateTime.ofInstant(instant, zone));
    }

    /** The machine-readable form for {@code <time datetime>} and JSON-LD: ISO-8601 with the zone's offset. */
    public static String iso(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(ZonedDateTime.ofInstant(instant, zone).withNano(0));
    }
}
