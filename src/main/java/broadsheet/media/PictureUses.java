package broadsheet.media;

import broadsheet.shared.AuditLog;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * What the library's changes must do to the articles that show a picture, inside the transaction that changes
 * or deletes it. The article workflow answers (the composition root wires it), so the library need not know
 * how an article is stored or rendered.
 */
public interface PictureUses {
    /** Locks the articles that show the picture, before the picture's own row is locked; returns their ids. */
    List<Long> lockArticles(Handle h, long pictureId);

    /** The picture's words changed: the bodies that show them are rendered again. */
    void wordsChanged(Handle h, long pictureId);

    /** The picture is leaving: every reference to it goes (called before its row is deleted). */
    void detach(Handle h, long pictureId);

    /** The picture's row is gone: the articles it was taken out of are rendered again and get a revision. */
    void removed(Handle h, List<Long> articleIds, long pictureId, AuditLog.Actor actor, Instant now);
}
