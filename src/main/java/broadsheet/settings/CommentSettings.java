package broadsheet.settings;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The paper's rules for readers' comments, part of {@link SiteSettings}. Posting and moderation obey them; here
 * they are only stored and checked against their limits.
 *
 * @param who               who may comment: any signed-in reader, or subscribers only
 * @param closeDays         days after first publication when an article's comments close by themselves (0: never);
 *                          an article may say otherwise
 * @param editMinutes       minutes in which a reader may still edit their comment (0: never)
 * @param minSeconds        seconds a reader waits between two comments (0: no wait)
 * @param perHour           comments one reader may post in an hour
 * @param linksAfter        approved comments a reader needs before a comment with a link goes up without review
 * @param premoderateFirst  a reader's first comments that wait for a moderator
 * @param premoderateAll    every comment on every article waits for a moderator
 * @param onDeletion        what happens to a reader's comments when they delete their account
 */
public record CommentSettings(Who who, int closeDays, int editMinutes, int minSeconds, int perHour, int linksAfter,
                              int premoderateFirst, boolean premoderateAll, OnDeletion onDeletion) {
    public static final int MAX_CLOSE_DAYS = 3650;
    public static final int MAX_EDIT_MINUTES = 60;
    public static final int MAX_MIN_SECONDS = 3600;
    public static final int MAX_PER_HOUR = 1000;
    public static final int MAX_LINKS_AFTER = 100;
    public static final int MAX_PREMODERATE_FIRST = 100;
    /** What each rule is until an admin changes it. */
    public static final CommentSettings DEFAULTS = new CommentSettings(Who.SUBSCRIBERS, 7, 5, 10, 30, 3, 1, false,
            OnDeletion.ANONYMISE);

    public CommentSettings {
        who = who == null ? Who.SUBSCRIBERS : who;
        onDeletion = onDeletion == null ? OnDeletion.ANONYMISE : onDeletion;
    }

    public Duration editWindow() {
        return Duration.ofMinutes(editMinutes);
    }

    /** Who may comment. */
    public enum Who {
        /** Any signed-in reader. */
        READERS,
        /** Readers with a subscription (or complimentary access) only. */
        SUBSCRIBERS;

        /** The word in the database and the settings form. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Who> fromWord(String word) {
            for (Who w : values()) if (w.word().equals(word)) return Optional.of(w);
            return Optional.empty();
        }
    }

    /** What a deleted account leaves of its comments. */
    public enum OnDeletion {
        /** The comments stay, shown as by "a deleted reader". */
        ANONYMISE,
        /** The comments go (a reply to one of them stays, under "comment deleted"). */
        REMOVE;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<OnDeletion> fromWord(String word) {
            for (OnDeletion d : values()) if (d.word().equals(word)) return Optional.of(d);
            return Optional.empty();
        }
    }
}
