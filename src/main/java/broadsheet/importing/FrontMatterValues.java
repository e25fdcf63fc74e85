package broadsheet.importing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the front matter's words mean: slugs, ISO-8601 times, and the fixed words of {@code access} and
 * {@code comments}. Owns the rules and the wording of their errors; leaves finding the values and their
 * lines to {@link FrontMatter}.
 */
final class FrontMatterValues {
    static final String EXAMPLE_TIME = "2025-12-07T09:00:00Z";

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern DATE_ONLY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern NO_ZONE =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?");

    private FrontMatterValues() {
    }

    /** The slug under the key, if given; it must be lower-case letters and digits joined by single hyphens. */
    static Optional<String> slug(FrontMatter frontMatter, String key) {
        Optional<String> slug = frontMatter.text(key);
        slug.filter(s -> !SLUG.matcher(s).matches()).ifPresent(s -> {
            throw frontMatter.error(key, quoted(s)
                    + " is not a slug: use lower-case letters and digits joined by single hyphens, such as world-news");
        });
        return slug;
    }

    /** The article's id under the key, if given: the same id from any folder is the same article. */
    static Optional<String> id(FrontMatter frontMatter, String key) {
        Optional<String> id = frontMatter.text(key);
        id.filter(s -> !ImportKeys.isId(s)).ifPresent(s -> {
            throw frontMatter.error(key, quoted(s.length() > 40 ? s.substring(0, 40) + "…" : s)
                    + " is not an id: use letters, digits and . _ : / - (at most 200), such as harbour-2025-0042");
        });
        return id;
    }

    /** The time under the key, if given: an ISO-8601 date and time with Z or an offset such as +01:00. */
    static Optional<Instant> time(FrontMatter frontMatter, String key) {
        return frontMatter.text(key).map(text -> {
            try {
                return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                throw frontMatter.error(key, whyNotATime(text));
            }
        });
    }

    private static String whyNotATime(String text) {
        if (DATE_ONLY.matcher(text).matches()) {
            return quoted(text) + " is a date without a time; give the time and its zone too, such as "
                    + text + "T09:00:00Z";
        }
        if (NO_ZONE.matcher(text).matches()) {
            return quoted(text) + " has no time zone; end it with Z for UTC or with an offset such as +01:00";
        }
        return quoted(text) + " is not an ISO-8601 time such as " + EXAMPLE_TIME;
    }

    /** One of an enum's front matter words, or the default when the key is not given. */
    static <E extends Enum<E>> E word(FrontMatter frontMatter, String key, E[] choices,
                                      Function<String, Optional<E>> fromWord, E otherwise) {
        Optional<String> text = frontMatter.text(key);
        if (text.isEmpty()) {
            return otherwise;
        }
        return fromWord.apply(text.get()).orElseThrow(() -> frontMatter.error(key, quoted(text.get())
                + " is not one of " + Arrays.stream(choices).map(FrontMatterValues::wordOf)
                .collect(Collectors.joining(", "))));
    }

    private static String wordOf(Enum<?> choice) {
        return choice.name().toLowerCase(Locale.ROOT);
    }

    static String quoted(String text) {
        return "\"" + text + "\"";
    }
}
