package broadsheet.settings;

import broadsheet.content.AccessLevel;
import broadsheet.content.CommentPolicy;
import broadsheet.search.Tuning;
import java.time.Duration;

/**
 * The paper's settings as stored. An empty {@code name} means the configured one is in use; the configured
 * name is not part of the settings, so {@link #nameOr} puts the two together.
 *
 * @param name             the paper's name set in the newsroom, or empty for the configured one
 * @param tagline          what the paper is, in a line, or empty
 * @param defaultAccess    who may read a new article, unless its form or request says
 * @param defaultComments  the comment policy of a new article, unless its form or request says
 * @param requireTwoFactor whether editors and admins must have two-factor sign-in to use the newsroom
 * @param sessionIdleHours hours after which an unused session ends
 * @param readers          the paywall's and gift links' rules
 * @param comments         the rules of readers' comments
 * @param feedsFullText    whether the RSS and Atom feeds carry free articles' full text (else standfirsts only)
 * @param search           how search lifts newer articles
 */
public record SiteSettings(String name, String tagline, AccessLevel defaultAccess, CommentPolicy defaultComments,
                           boolean requireTwoFactor, int sessionIdleHours, ReaderSettings readers, CommentSettings comments,
                           boolean feedsFullText, Tuning search) {
    public static final int MAX_NAME = 80;
    public static final int MAX_TAGLINE = 200;
    public static final int MIN_IDLE_HOURS = 1;
    public static final int MAX_IDLE_HOURS = 168;
    /** What every setting is until an admin changes it. */
    public static final SiteSettings DEFAULTS = new SiteSettings("", "", AccessLevel.FREE, CommentPolicy.OPEN, false, 12,
            ReaderSettings.DEFAULTS, CommentSettings.DEFAULTS, true, Tuning.DEFAULT);

    public SiteSettings {
        name = name == null ? "" : name;
        tagline = tagline == null ? "" : tagline;
        readers = readers == null ? ReaderSettings.DEFAULTS : readers;
        comments = comments == null ? CommentSettings.DEFAULTS : comments;
        search = search == null ? Tuning.DEFAULT : search;
    }

    /** The settings with search tuned as by default. */
    public SiteSettings(String name, String tagline, AccessLevel defaultAccess, CommentPolicy defaultComments,
                        boolean requireTwoFactor, int sessionIdleHours, ReaderSettings readers, CommentSettings comments,
                        boolean feedsFullText) {
        this(name, tagline, defaultAccess, defaultComments, requireTwoFactor, sessionIdleHours, readers, comments, feedsFullText,
                Tuning.DEFAULT);
    }

    /** The settings with the feeds carrying full text, as by default. */
    public SiteSettings(String name, String tagline, AccessLevel defaultAccess, CommentPolicy defaultComments,
                        boolean requireTwoFactor, int sessionIdleHours, ReaderSettings readers, CommentSettings comments) {
        this(name, tagline, defaultAccess, defaultComments, requireTwoFactor, sessionIdleHours, readers, comments, true);
    }

    /** The settings with the comment rules at their defaults. */
    public SiteSettings(String name, String tagline, AccessLevel defaultAccess, CommentPolicy defaultComments,
                        boolean requireTwoFactor, int sessionIdleHours, ReaderSettings readers) {
        this(name, tagline, defaultAccess, defaultComments, requireTwoFactor, sessionIdleHours, readers, CommentSettings.DEFAULTS);
    }

    /** The settings with the readers' rules at their defaults. */
    public SiteSettings(String name, String tagline, AccessLevel defaultAccess, CommentPolicy defaultComments,
                        boolean requireTwoFactor, int sessionIdleHours) {
        this(name, tagline, defaultAccess, defaultComments, requireTwoFactor, sessionIdleHours, ReaderSettings.DEFAULTS,
                CommentSettings.DEFAULTS);
    }

    /** The paper's name: the one set here, or else the configured one. */
    public String nameOr(String configured) {
        return name.isEmpty() ? configured : name;
    }

    public Duration sessionIdle() {
        return Duration.ofHours(sessionIdleHours);
    }
}
