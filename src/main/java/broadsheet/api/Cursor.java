package broadsheet.api;

import broadsheet.article.ArticleCard;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;

/**
 * The opaque position in a newest-first list of articles: the publication time (in microseconds, as
 * PostgreSQL keeps it) and the id of the last article seen, so pages stay stable while new ones publish.
 * The Admin API uses it too, with the time an article last changed.
 */
public record Cursor(Instant time, long id) {
    static String encode(ArticleCard last) {
        return encode(last.published(), last.id());
    }

    public static String encode(Instant t, long id) {
        long micros = t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
        String raw = micros + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor, or null when the text is not one. */
    public static Cursor decode(String text) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
            int colon = raw.indexOf(':');
            if (colon < 1) return null;
            long micros = Long.parseLong(raw.substring(0, colon));
            long id = Long.parseLong(raw.substring(colon + 1));
            if (id < 1) return null;
            return new Cursor(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L), id);
        } catch (IllegalArgumentException | ArithmeticException | DateTimeException e) {
            return null;
        }
    }
}
