package broadsheet.comment;

import broadsheet.storage.ChangeFeed;
import java.util.OptionalLong;
import org.jdbi.v3.core.Handle;

/**
 * Tells every instance that an article's thread changed (a comment went up, came down, was picked), inside the
 * transaction that changed it, so each empties only that article's cached pages rather than the whole cache.
 */
public final class CommentNotices {
    private static final String PREFIX = "comments ";

    private CommentNotices() {}

    public static void announce(Handle h, long articleId) {
        ChangeFeed.announce(h, PREFIX + articleId);
    }

    /** The article a change notice is about, when it is a thread's notice. */
    public static OptionalLong article(String notice) {
        if (notice == null || !notice.startsWith(PREFIX)) return OptionalLong.empty();
        try {
            return OptionalLong.of(Long.parseLong(notice.substring(PREFIX.length())));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
