package broadsheet.content;

import java.util.Locale;
import java.util.Optional;

/** Whether readers may comment on an article, and how their comments are moderated. */
public enum CommentPolicy {
    OPEN, PREMODERATED, CLOSED, OFF;

    /** The word used in front matter, the database and the API. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CommentPolicy> fromWord(String word) {
        for (CommentPolicy c : values()) {
            if (c.word().equals(word)) return Optional.of(c);
        }
        return Optional.empty();
    }
}
