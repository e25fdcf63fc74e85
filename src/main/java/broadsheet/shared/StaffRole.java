package broadsheet.shared;

import java.util.Locale;
import java.util.Optional;

/**
 * What a member of staff may do. A contributor writes and submits drafts; a reporter also edits their own
 * published articles; an editor edits and publishes anything and manages topics, sections, writers and the
 * media library; an admin also manages staff, tokens and settings. Each of these includes the powers of the
 * ones before it. A moderator looks after readers' comments (and may write drafts as a contributor does): an
 * editor and an admin may do that too, a reporter may not.
 */
public enum StaffRole {
    CONTRIBUTOR, MODERATOR, REPORTER, EDITOR, ADMIN;

    /** Whether this role has every power of {@code other}. */
    public boolean atLeast(StaffRole other) {
        if (this == other || other == CONTRIBUTOR) return true;
        if (this == MODERATOR) return false;
        if (other == MODERATOR) return atLeast(EDITOR);
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
