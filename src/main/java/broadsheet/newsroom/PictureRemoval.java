package broadsheet.newsroom;

import broadsheet.shared.AuditLog;
import broadsheet.article.Article;
import broadsheet.article.ArticleStore;
import broadsheet.article.BodyRebuild;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Takes a picture that is leaving the media library out of the articles that use it, inside the caller's
 * transaction: the lead picture (with its per-article words) is cleared, and the body keeps its Markdown
 * reference, which now renders as nothing. Each article changed this way gets a new version and a
 * revision, so an editor who had it open sees a conflict instead of putting the picture back, and its
 * history shows what happened. Deleting the picture itself is the media library's job.
 */
public final class PictureRemoval {
    private PictureRemoval() {}

    /** Locks the articles using the picture (in id order, so two removals never wait on each other) and returns their ids. */
    public static List<Long> lockArticles(Handle h, long imageId) {
        return h.createQuery("""
                        SELECT id FROM articles
                        WHERE lead_image_id = :img OR id IN (SELECT article_id FROM article_inline_images WHERE image_id = :img)
                        ORDER BY id FOR UPDATE""")
                .bind("img", imageId).mapTo(Long.class).list();
    }

    /** Drops every reference to the picture from articles; call before the picture's row is deleted. */
    public static void detach(Handle h, long imageId) {
        h.createUpdate("""
                        UPDATE articles SET lead_image_id = NULL, lead_image_caption = NULL, lead_image_credit = NULL, lead_image_alt = NULL
                        WHERE lead_image_id = :img""")
                .bind("img", imageId).execute();
        h.createUpdate("DELETE FROM article_inline_images WHERE image_id = :img").bind("img", imageId).execute();
    }

    /**
     * Renders the articles' bodies again (once the picture's row is gone, its references render as nothing),
     * moves each to a new version and records a revision of kind {@code picture N removed}.
     */
    public static void recordRemoval(Handle h, List<Long> articleIds, long imageId, AuditLog.Actor actor, Instant now) {
        for (long id : articleIds) {
            Article before = ArticleStore.byId(h, id).orElseThrow();
            String html = BodyRebuild.render(h, before.bodySource());
            int version = h.createQuery("""
                            UPDATE articles SET body_html = :html, version = version + 1, modified_at = :now
                            WHERE id = :id RETURNING version""")
                    .bind("html", html).bind("now", now).bind("id", id).mapTo(Integer.class).one();
            Article after = ArticleStore.byId(h, id).orElseThrow();
            Revisions.add(h, id, version, actor, "picture " + imageId + " removed", Drafts.snapshot(h, after), now);
        }
    }
}
