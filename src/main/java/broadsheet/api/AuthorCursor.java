package broadsheet.api;

import broadsheet.contributor.ContributorStore.Position;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque position in the Content API's list of authors: the last author seen, by the keys the list is
 * ordered by (person or desk, name, id), so a page starts where the last one ended even when authors are
 * added, renamed or become public meanwhile.
 */
final class AuthorCursor {
    private static final int MAX_NAME = 200;

    private AuthorCursor() {}

    static String encode(Position p) {
        String raw = (p.desk() ? "d" : "p") + ":" + p.id() + ":" + p.name();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The position, or null when the text is not a cursor this API gave out. */
    static Position decode(String text) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            String[] parts = raw.split(":", 3);
            if (parts.length != 3 || !(parts[0].equals("p") || parts[0].equals("d")) || !parts[1].matches("[0-9]{1,18}")) return null;
            long id = Long.parseLong(parts[1]);
            if (id < 1 || parts[2].isEmpty() || parts[2].length() > MAX_NAME || parts[2].indexOf('\0') >= 0) return null;
            return new Position(parts[0].equals("d"), parts[2], id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
