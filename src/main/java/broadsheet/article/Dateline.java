package broadsheet.article;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"};
    /** A zone's short name at an offset, as FORMAT writes it: a handful per paper, found once. */
    private static final Map<ZoneName, String> ZONE_NAMES = new ConcurrentHashMap<>();

    private record ZoneName(ZoneId zone, ZoneOffset offset, boolean daylight) {}

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    public static Dateline of(Instant published, Instant updated, ZoneId zone) {
        if (updated != null && updated.isAfter(published)) {
            return new Dateline("Updated " + format(updated, zone), updated, true);
        }
        return new Dateline(format(published, zone), published, false);
    }

    /** "7 December 2025 12:35pm GMT": the day without a leading zero, as on cards. */
    public static String format(Instant instant, ZoneId zone) {
        ZonedDateTime t = ZonedDateTime.ofInstant(instant, zone);
        if (t.getYear() < 1000 || t.getYear() > 9999) return formatted(t);
        // written by hand (every card and article shows one; java.time's formatter looks the zone's name up each time),
        // exactly as FORMAT would; DatelineTest compares the two over years of instants in many zones
        int hour = t.getHour() % 12;
        StringBuilder b = new StringBuilder(32).append(t.getDayOfMonth()).append(' ').append(MONTHS[t.getMonthValue() - 1])
                .append(' ').append(t.getYear()).append(' ').append(hour == 0 ? 12 : hour).append(':');
        two(b, t.getMinute()).append(t.getHour() < 12 ? "am" : "pm").append(' ');
        return b.append(ZONE_NAMES.computeIfAbsent(new ZoneName(zone, t.getOffset(), zone.getRules().isDaylightSavings(instant)),
                k -> zoneName(t))).toString();
    }

    /** The formatter's own answer, for the few instants the hand-written one does not cover. */
    static String formatted(ZonedDateTime t) {
        String text = FORMAT.format(t);
        // British English names only British and a few European zones ("BST"); elsewhere use the US names ("EST").
        return text.contains(" GMT+") || text.contains(" GMT-") ? US_FORMAT.format(t) : text;
    }

    private static String zoneName(ZonedDateTime t) {
        String text = formatted(t);
        return text.substring(text.lastIndexOf(' ') + 1);
    }

    private static StringBuilder two(StringBuilder b, int n) {
        return b.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
    }

    public static String day(Instant instant, ZoneId zone) {
        return DAY.format(ZonedDateTime.ofInstant(instant, zone));
    }

    /** The machine-readable form for {@code <time datetime>} and JSON-LD: ISO-8601 with the zone's offset. */
    public static String iso(Instant instant, ZoneId zone) {
        ZonedDateTime t = ZonedDateTime.ofInstant(instant, zone);
        if (t.getYear() < 1000 || t.getYear() > 9999) return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.withNano(0));
        StringBuilder b = new StringBuilder(25).append(t.getYear()).append('-');
        two(b, t.getMonthValue()).append('-');
        two(b, t.getDayOfMonth()).append('T');
        two(b, t.getHour()).append(':');
        two(b, t.getMinute()).append(':');
        two(b, t.getSecond());
        // "Z" for UTC, else "+01:00" (with seconds only when the offset has them), as ISO_OFFSET_DATE_TIME writes it
        return b.append(t.getOffset().getId()).toString();
    }
}
