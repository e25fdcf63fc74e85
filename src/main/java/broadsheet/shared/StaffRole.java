package broadsheet.shared;

import java.util.Locale;
import java.util.Optional;

/**
 * What a member of staff may do; each role includes the powers of the ones before it. A contributor
 * writes and submits drafts; a reporter also edits their own published articles; an editor edits and
 * publishes anything and manages topics, sections, writers and the media library; an admin also manages
 * staff, tokens and settings.
 */
public enum StaffRole {
    CONTRIBUTOR, REPORTER, EDITOR, ADMIN;

    public boolean atLeast(StaffRole other) {
        return compareTo(other) >= 0;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "Contributor", for people. */
    public String label() {
        return Character.toUpperCase(word().charAt(0)) + word().substring(1);
    }

    public static Optional<StaffRole> fromWord(String word) {
        for (StaffRole r : values()) {
            if (r.word().equals(word)) return Optional.of(r);
        }
        return Optional.empty();
    }
}
