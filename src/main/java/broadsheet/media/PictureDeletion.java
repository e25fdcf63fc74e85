package broadsheet.media;

import broadsheet.shared.AuditLog;
import broadsheet.storage.BlobStore;
import broadsheet.storage.ChangeFeed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes a picture from the media library. A picture in use is deleted only when the caller confirms it;
 * then, in one transaction with its audit entry, it is taken out of every article ({@link PictureUses})
 * and contributor profile that shows it, its rows go, and every instance is told to drop cached pages. Its
 * files are removed from the {@link BlobStore} only after the commit, so a failed deletion never leaves rows
 * pointing at missing files. Who may delete is decided by the route table, not here.
 */
public final class PictureDeletion {
    private static final Logger log = LoggerFactory.getLogger(PictureDeletion.class);
    private final Jdbi jdbi;
    private final BlobStore blobs;
    private final PictureUses articles;

    public PictureDeletion(Jdbi jdbi, BlobStore blobs, PictureUses uses) {
        this.jdbi = jdbi;
        this.blobs = blobs;
        this.articles = uses;
    }

    /** What happened. */
    public sealed interface Outcome {
        /** There is no such picture (perhaps someone else deleted it first). */
        record NotFound() implements Outcome {}

        /** The picture is in use and the caller did not confirm: nothing was changed. */
        record InUse(LibraryStore.Uses uses) implements Outcome {}

        /** Deleted; {@code articles} are the ids of the articles it was taken out of. */
        record Deleted(List<Long> articles, int contributors) implements Outcome {}
    }

    public Outcome delete(long id, boolean confirmed, AuditLog.Actor actor, Instant now) {
        record Files(String sha256, Set<String> keys) {}
        record Done(Outcome outcome, Files files) {}
        Done done = jdbi.inTransaction(h -> {
            // Articles first, then the picture: the same order as an article save, which locks its row and
            // then checks the pictures it names, so the two never wait on each other in a circle.
            articles.lockArticles(h, id);
            var row = h.createQuery("SELECT sha256, master_key, caption FROM images WHERE id = :id FOR UPDATE")
                    .bind("id", id).map((rs, c) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).findOne();
            if (row.isEmpty()) return new Done(new Outcome.NotFound(), null);
            LibraryStore.Uses uses = LibraryStore.uses(h, id);
            if (!uses.isEmpty() && !confirmed) return new Done(new Outcome.InUse(uses), null);
            Set<String> keys = new LinkedHashSet<>();
            keys.add(row.get()[1]);
            keys.addAll(h.createQuery("SELECT blob_key FROM image_renditions WHERE image_id = :id").bind("id", id).mapTo(String.class).list());
            List<Long> changed = uses.articles().stream().map(LibraryStore.ArticleUse::id).toList();
            articles.detach(h, id);
            int contributors = h.createUpdate("UPDATE contributors SET picture_id = NULL WHERE picture_id = :id").bind("id", id).execute();
            h.createUpdate("DELETE FROM images WHERE id = :id").bind("id", id).execute();
            articles.removed(h, changed, id, actor, now);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("image", id);
            details.put("articles", changed);
            details.put("contributors", contributors);
            String caption = row.get()[2];
            AuditLog.record(h, actor, "picture deleted", caption.isBlank() ? "picture " + id : caption, details, now);
            ChangeFeed.announce(h, "picture " + id);
            return new Done(new Outcome.Deleted(changed, contributors), new Files(row.get()[0], keys));
        });
        if (done.files() != null) removeFiles(done.files().sha256(), done.files().keys());
        return done.outcome();
    }

    /** Removes the files, unless the same original was uploaded again meanwhile (its files have the same names). */
    private void removeFiles(String sha256, Set<String> keys) {
        boolean back = jdbi.withHandle(h -> MediaLibrary.existing(h, sha256).isPresent());
        if (back) return;
        List<String> failed = new ArrayList<>();
        for (String key : keys) {
            try {
                blobs.delete(key);
            } catch (RuntimeException e) {
                failed.add(key);
            }
        }
        if (!failed.isEmpty()) log.warn("Could not remove the files {} of a deleted picture; nothing refers to them", failed);
    }
}
