package broadsheet.editing;

import java.util.Locale;
import java.util.Optional;

/**
 * What a change to a published article means to readers. A minor edit leaves no public trace. A
 * significant update moves the public "Updated" time and {@code dateModified}, with an optional note. A
 * correction or clarification is listed at the foot of the article with its date and its text (which is
 * required), and given to search engines as {@code correction}; it does not move "Updated" by itself.
 */
public enum ChangeKind {
    MINOR, UPDATE, CORRECTION, CLARIFICATION;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return switch (this) {
            case MINOR -> "Minor edit (no public trace)";
            case UPDATE -> "Significant update (moves the Updated time)";
            case CORRECTION -> "Correction (shown at the foot of the article)";
            case CLARIFICATION -> "Clarification (shown at the foot of the article)";
        };
    }

    /** Whether readers see this change listed. */
    public boolean isPublic() {
        return this != MINOR;
    }

    /** Whether the change moves the public "Updated" time. */
    public boolean movesUpdatedTime() {
        return this == UPDATE;
    }

    /** Whether a note for readers must be given. */
    public boolean needsNote() {
        return this == CORRECTION || this == CLARIFICATION;
    }

    public static Optional<ChangeKind> fromWord(String word) {
        for (ChangeKind k : values()) if (k.word().equals(word)) return Optional.of(k);
        return Optional.empty();
    }
}
