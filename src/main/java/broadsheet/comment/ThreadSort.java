package broadsheet.comment;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * The orders a thread's top-level comments come in, and the opaque cursor that says where a page ends, so "show more"
 * reads on from there through an index (keyset pagination) whatever the thread's length: never an offset, never a count.
 */
public enum ThreadSort {
    NEWEST, OLDEST,
    /** Most recommended first. */
    RECOMMENDED,
    /** Editor's picks first (newest pick first), then the rest, newest first. */
    PICKS;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return switch (this) {
            case NEWEST -> "Newest";
            case OLDEST -> "Oldest";
            case RECOMMENDED -> "Most recommended";
            case PICKS -> "Editor's picks first";
        };
    }

    public static Optional<ThreadSort> fromWord(String word) {
        for (ThreadSort s : values()) if (s.word().equals(word)) return Optional.of(s);
        return Optional.empty();
    }

    /**
     * Where a page ended: the last comment's key in this order and its id. {@code picks}: still among the editor's
     * picks (their key is the pick time) rather than the rest (creation time). {@code key} is microseconds since the
     * epoch for times, the count for recommendations.
     */
    public record Cursor(ThreadSort sort, boolean picks, long key, long id) {
        public String encode() {
            String raw = sort.word() + ":" + (picks ? "p" : "n") + ":" + key + ":" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
        }

        public Instant time() {
            return Instant.ofEpochSecond(Math.floorDiv(key, 1_000_000L), Math.floorMod(key, 1_000_000L) * 1_000L);
        }

        /** The position after this comment in this order. */
        public static Cursor after(ThreadSort sort, Comment c) {
            return switch (sort) {
                case NEWEST, OLDEST -> new Cursor(sort, false, micros(c.createdAt()), c.id());
                case RECOMMENDED -> new Cursor(sort, false, c.recommendations(), c.id());
                case PICKS -> c.pick() ? new Cursor(sort, true, micros(c.featuredAt()), c.id())
                        : new Cursor(sort, false, micros(c.createdAt()), c.id());
            };
        }

        /** The cursor this text encodes for this order, or empty when it is not one (or is another order's). */
        public static Optional<Cursor> decode(ThreadSort sort, String text) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII).split(":");
                if (parts.length != 4 || !parts[0].equals(sort.word()) || !(parts[1].equals("p") || parts[1].equals("n"))) return Optional.empty();
                long key = Long.parseLong(parts[2]);
                long id = Long.parseLong(parts[3]);
                if (id < 1 || (parts[1].equals("p") && sort != PICKS)) return Optional.empty();
                if (sort == RECOMMENDED ? key < 0 || key > Integer.MAX_VALUE : Math.abs(key) > LATEST_MICROS) return Optional.empty();
                return Optional.of(new Cursor(sort, parts[1].equals("p"), key, id));
            } catch (IllegalArgumentException | ArithmeticException | DateTimeException e) {
                return Optional.empty();
            }
        }

        /** The end of the year 9999: later times are no comment's. */
        private static final long LATEST_MICROS = 253_402_300_799_000_000L;

        static long micros(Instant t) {
            return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
        }
    }
}
