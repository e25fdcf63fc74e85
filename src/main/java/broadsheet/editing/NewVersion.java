package broadsheet.editing;

import broadsheet.article.Article;
import broadsheet.article.ArticleStore;
import broadsheet.shared.AuditLog;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Moves an article to a new version after a change made outside the editor (a picture removed from the library, its
 * comments closed by a moderator) and records the revision, so an editor who still has the older version open is
 * told of the change when they save rather than putting it back unseen.
 */
public final class NewVersion {
    private NewVersion() {}

    /** Call in the transaction that made the change, after it; returns the new version. {@code kind} names the change. */
    public static int record(Handle h, long articleId, AuditLog.Actor actor, String kind, Instant now) {
        int version = h.createQuery("UPDATE articles SET version = version + 1, modified_at = :now WHERE id = :id RETURNING version")
                .bind("now", now).bind("id", articleId).mapTo(Integer.class).one();
        Article after = ArticleStore.byId(h, articleId).orElseThrow();
        Revisions.add(h, articleId, version, actor, kind, Drafts.snapshot(h, after), now);
        return version;
    }
}
