package broadsheet.media;

import broadsheet.account.AuditLog;
import java.time.Instant;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * One picture added to the media library by a person (newsroom upload) or a program (Admin API): checked
 * and processed before anything is stored, then stored in one transaction with its audit entry. A picture
 * that fails at any point leaves no row and no file behind. The same bytes uploaded twice give the same
 * library picture.
 */
public final class Uploads {
    private final Jdbi jdbi;
    private final MediaLibrary media;
    private final long maxBytes;

    public Uploads(Jdbi jdbi, MediaLibrary media, long maxBytes) {
        this.jdbi = jdbi;
        this.media = media;
        this.maxBytes = maxBytes;
    }

    /** The limit on one upload, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Adds the picture and returns its library id. Throws {@link PictureException} with a message for people
     * when the bytes are too large, not a picture, or broken.
     */
    public long add(byte[] bytes, MediaLibrary.Words words, AuditLog.Actor actor, String fileName, Instant now) {
        if (bytes.length == 0) throw new PictureException("the file is empty");
        if (bytes.length > maxBytes) {
            throw new PictureException("the file is " + (bytes.length / (1024 * 1024)) + " MB; the limit is " + (maxBytes / (1024 * 1024)) + " MB");
        }
        MediaLibrary.Prepared prepared = media.prepare(bytes);
        try (var staged = media.stage()) {
            long stored = jdbi.inTransaction(h -> {
                boolean existed = MediaLibrary.existing(h, prepared.sha256()).isPresent();
                long id = media.store(h, prepared, words, now, staged);
                if (!existed) {
                    AuditLog.record(h, actor, "picture uploaded", fileName == null ? "" : fileName, Map.of("image", id), now);
                }
                return id;
            });
            staged.publish();
            return stored;
        }
    }
}
