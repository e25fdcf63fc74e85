package broadsheet.content;

import java.util.Locale;
import java.util.Optional;

/** Who may read an article's body: everyone, signed-in readers, or subscribers. */
public enum AccessLevel {
    FREE, REGISTERED, PREMIUM;

    /** The word used in front matter, the database and the API: {@code free}, {@code registered}, {@code premium}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AccessLevel> fromWord(String word) {
        for (AccessLevel a : values()) {
            if (a.word().equals(word)) return Optional.of(a);
        }
        return Optional.empty();
    }
}
