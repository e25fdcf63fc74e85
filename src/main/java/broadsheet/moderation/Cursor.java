package broadsheet.moderation;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a page of a queue starts: the time and id of the last item of the page before (keyset paging, so a queue that
 * changes while a moderator works through it neither skips nor repeats items, and a deep page costs what the first
 * does). Written in addresses as {@code seconds.nanos.id}, digits only.
 */
public record Cursor(Instant at, long id) {
    private static final Pattern WORD = Pattern.compile("(-?[0-9]{1,12})\\.([0-9]{1,9})\\.([0-9]{1,18})");

    public String word() {
        return at.getEpochSecond() + "." + at.getNano() + "." + id;
    }

    /** The cursor a word stands for; empty for anything that is not one. */
    public static Optional<Cursor> parse(String word) {
        if (word == null) return Optional.empty();
        var m = WORD.matcher(word);
        if (!m.matches()) return Optional.empty();
        try {
            return Optional.of(new Cursor(Instant.ofEpochSecond(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))),
                    Long.parseLong(m.group(3))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
