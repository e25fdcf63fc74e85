package broadsheet.editing;

import broadsheet.article.ArticleStore;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * The editorial timeline of a published article, as data: a significant update moves the public "Updated"
 * time; updates, corrections and clarifications are kept with their date and note for the article page's
 * "What changed" list and for JSON-LD. A minor edit leaves nothing here.
 */
final class Timeline {
    private Timeline() {}

    static void record(Handle h, long articleId, ChangeKind kind, String note, long revisionId, Instant now) {
        if (kind.movesUpdatedTime()) ArticleStore.setUpdatedAt(h, articleId, now);
        if (!kind.isPublic()) return;
        h.createUpdate("""
                        INSERT INTO article_changes (article_id, kind, note, at, revision_id)
                        VALUES (:a, :kind, :note, :at, :rev)""")
                .bind("a", articleId).bind("kind", kind.word()).bind("note", note).bind("at", now).bind("rev", revisionId)
                .execute();
    }
}
