package broadsheet.media;

import broadsheet.shared.AuditLog;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;

/**
 * One picture added to the media library by a person (newsroom upload) or a program (Admin API): checked
 * and processed before anything is stored, then stored in one transaction with its audit entry. A picture
 * that fails at any point leaves no row and no file behind. The same bytes uploaded twice give the same
 * library picture.
 *
 * <p>Uploads arrive on disk (the upload's temporary file) and come into memory only here, a few at a time:
 * a picture in memory is its bytes and then, while it is decoded, up to {@link PictureDecoder#MAX_PIXELS}
 * pixels of four bytes, so {@link #AT_ONCE} of them at most are read and processed together. One that finds
 * no turn within a short wait is refused as {@link Busy}, to be sent again. Who may upload is decided before.
 */
public final class Uploads {
    /** Pictures read and processed at once: two decoded at the largest size fit the default heap of 768 MB. */
    public static final int AT_ONCE = 2;
    /** How long an upload waits for its turn before it is refused. */
    private static final Duration WAIT = Duration.ofSeconds(3);
    private final Jdbi jdbi;
    private final MediaLibrary media;
    private final long maxBytes;
    private final Semaphore turns = new Semaphore(AT_ONCE, true);

    public Uploads(Jdbi jdbi, MediaLibrary media, long maxBytes) {
        this.jdbi = jdbi;
        this.media = media;
        this.maxBytes = maxBytes;
    }

    /** Where an upload's bytes wait until its turn comes: its temporary file, or memory. */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }

    /** A picture in the library: its id, and whether the same bytes were there already. */
    public record Added(long id, boolean existed) {}

    /** Every turn is taken: the picture was not read, and may be sent again in a moment. */
    public static final class Busy extends RuntimeException {
        /** Seconds after which sending it again is worth a try. */
        public static final int RETRY_AFTER_SECONDS = 5;

        Busy() {
            super("other pictures are being processed");
        }
    }

    /** A turn to read and process a picture; closing it gives it back. */
    public interface Turn extends AutoCloseable {
        @Override
        void close();
    }

    /** The limit on one upload, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /** Waits briefly for a turn; throws {@link Busy} when none comes. */
    public Turn turn() {
        try {
            if (!turns.tryAcquire(WAIT.toMillis(), TimeUnit.MILLISECONDS)) throw new Busy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy();
        }
        return turns::release;
    }

    /** As {@link #add(Source, MediaLibrary.Words, AuditLog.Actor, String, Instant)}, for bytes already in memory. */
    public long add(byte[] bytes, MediaLibrary.Words words, AuditLog.Actor actor, String fileName, Instant now) {
        return add(() -> new ByteArrayInputStream(bytes), words, actor, fileName, now).id();
    }

    /**
     * Adds the picture, once it has a turn, and says which library picture it is. Throws {@link PictureException}
     * with a message for people when the bytes are too large, not a picture, or broken; {@link Busy} when it
     * found no turn. Its files reach the media folder only once its row is committed.
     */
    public Added add(Source source, MediaLibrary.Words words, AuditLog.Actor actor, String fileName, Instant now) {
        try (Turn turn = turn()) {
            byte[] bytes = read(source);
            if (bytes.length == 0) throw new PictureException("the file is empty");
            if (bytes.length > maxBytes) {
                throw new PictureException("the file is larger than " + (maxBytes / (1024 * 1024)) + " MB, the limit");
            }
            MediaLibrary.Prepared prepared = media.prepare(bytes);
            try (var staged = media.stage()) {
                Added added = jdbi.inTransaction(h -> {
                    boolean existed = MediaLibrary.existing(h, prepared.sha256()).isPresent();
                    long id = media.store(h, prepared, words, now, staged);
                    if (!existed) {
                        AuditLog.record(h, actor, "picture uploaded", fileName == null ? "" : fileName, Map.of("image", id), now);
                    }
                    return new Added(id, existed);
                });
                staged.publish();
                return added;
            }
        }
    }

    /** The bytes, reading no more than one past the limit: enough to know a file is too large. */
    private byte[] read(Source source) {
        try (InputStream in = source.open()) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
