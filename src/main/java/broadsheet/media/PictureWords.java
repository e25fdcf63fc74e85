package broadsheet.media;

import broadsheet.shared.AuditLog;
import broadsheet.storage.ChangeFeed;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * A picture's words in the library (caption, credit, alt text) and its "can be syndicated" flag: checking
 * them, and changing them in one transaction with an audit entry. Article bodies show the library's words
 * wherever they do not give their own, so the bodies that show the picture are rendered again in the same
 * transaction, and every instance is told to drop cached pages.
 */
public final class PictureWords {
    public static final int MAX_CAPTION = 1000;
    public static final int MAX_CREDIT = 200;
    public static final int MAX_ALT = 500;
    private final Jdbi jdbi;
    private final PictureUses articles;

    public PictureWords(Jdbi jdbi, PictureUses uses) {
        this.jdbi = jdbi;
        this.articles = uses;
    }

    /** What is wrong with the words, keyed by form field; empty when they may be stored. */
    public static Map<String, String> problems(MediaLibrary.Words w) {
        Map<String, String> p = new LinkedHashMap<>();
        if (w.caption().length() > MAX_CAPTION) p.put("caption", "A caption can have at most " + MAX_CAPTION + " characters.");
        if (w.credit().length() > MAX_CREDIT) p.put("credit", "A credit can have at most " + MAX_CREDIT + " characters.");
        if (w.alt().length() > MAX_ALT) p.put("alt", "Alt text can have at most " + MAX_ALT + " characters.");
        return p;
    }

    /** Stores checked words; false when the picture does not exist. */
    public boolean change(long id, MediaLibrary.Words w, AuditLog.Actor actor, Instant now) {
        if (!problems(w).isEmpty()) throw new IllegalArgumentException("unchecked words: " + problems(w));
        return jdbi.inTransaction(h -> {
            if (!LibraryStore.updateWords(h, id, w)) return false;
            articles.wordsChanged(h, id);
            AuditLog.record(h, actor, "picture changed", w.caption().isBlank() ? "picture " + id : w.caption(),
                    Map.of("image", id, "syndicatable", w.syndicatable()), now);
            ChangeFeed.announce(h, "picture " + id);
            return true;
        });
    }
}
