package broadsheet.editing;

import broadsheet.shared.AuditLog;
import broadsheet.article.Article;
import broadsheet.article.ArticleStore;
import broadsheet.article.BodyRebuild;
import broadsheet.media.PictureUses;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * What the media library's changes do to the articles that show a picture, inside the library's transaction.
 * Its words changing renders the bodies that show them again. A picture that is leaving the library is taken
 * out of the articles that use it: the lead picture (with its per-article words) is cleared, and the body keeps its Markdown
 * reference, which now renders as nothing. Each article changed this way gets a new version and a
 * revision, so an editor who had it open sees a conflict instead of putting the picture back, and its
 * history shows what happened. Deleting the picture itself is the media library's job.
 */
public final class PictureRemoval implements PictureUses {

    /** Locks the articles using the picture (in id order, so two removals never wait on each other) and returns their ids. */
    @Override
    public List<Long> lockArticles(Handle h, long imageId) {
        return h.createQuery("""
                        SELECT id FROM articles
                        WHERE lead_image_id = :img OR id IN (SELECT article_id FROM article_inline_images WHERE image_id = :img)
                        ORDER BY id FOR UPDATE""")
                .bind("img", imageId).mapTo(Long.class).list();
    }

    /** Renders again the bodies that show the picture, which show the library's words where they give none. */
    @Override
    public void wordsChanged(Handle h, long imageId) {
        record Body(long id, String source) {}
        List<Body> bodies = h.createQuery("""
                        SELECT a.id, a.body_source FROM articles a
                        WHERE a.id IN (SELECT article_id FROM article_inline_images WHERE image_id = :id)""")
                .bind("id", imageId).map((rs, c) -> new Body(rs.getLong(1), rs.getString(2))).list();
        for (Body b : bodies) BodyRebuild.store(h, b.id(), b.source());
    }

    /** Drops every reference to the picture from articles; call before the picture's row is deleted. */
    @Override
    public void detach(Handle h, long imageId) {
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
    @Override
    public void removed(Handle h, List<Long> articleIds, long imageId, AuditLog.Actor actor, Instant now) {
        for (long id : articleIds) {
            Article before = ArticleStore.byId(h, id).orElseThrow();
            BodyRebuild.store(h, id, before.bodySource());
            NewVersion.record(h, id, actor, "picture " + imageId + " removed", now);
        }
    }
}
