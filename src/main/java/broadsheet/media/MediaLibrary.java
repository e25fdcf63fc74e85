package broadsheet.media;

import broadsheet.storage.BlobStore;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds pictures to the media library: processes them (renditions, metadata stripped) and stores the files
 * and rows. The same bytes are stored once. Processing is separate from storing so that slow work happens
 * before a transaction opens. Files are staged ({@link BlobStore#stage()}) and published by the caller only
 * after its transaction commits, so a failed or killed unit of work leaves no file in the store;
 * {@link #settleLeftovers} tidies what a killed process staged.
 */
public final class MediaLibrary {
    private static final Logger log = LoggerFactory.getLogger(MediaLibrary.class);
    /** A JPEG master this narrow also serves as the widest rendition (retina lead pictures). */
    private static final int MASTER_AS_RENDITION_MAX_WIDTH = 2000;
    private final BlobStore blobs;
    private final PictureProcessor processor = new PictureProcessor();

    public MediaLibrary(BlobStore blobs) {
        this.blobs = blobs;
    }

    /** A processed picture, not yet stored. */
    public record Prepared(String sha256, ProcessedPicture picture) {}

    /** Words stored with a picture the first time it enters the library, and whether others may republish it. */
    public record Words(String caption, String credit, String alt, boolean syndicatable) {
        /** Words for a picture that may not be syndicated (until an editor says otherwise). */
        public Words(String caption, String credit, String alt) {
            this(caption, credit, alt, false);
        }
    }

    /** Decodes and renders one picture; throws {@link PictureException} for anything that is not a usable picture. */
    public Prepared prepare(byte[] original) {
        return new Prepared(ContentHash.sha256Hex(original), processor.process(original));
    }

    /** The id of the library picture made from these bytes, if it exists. */
    public static Optional<Long> existing(Handle h, String sha256) {
        return h.createQuery("SELECT id FROM images WHERE sha256 = :sha").bind("sha", sha256).mapTo(Long.class).findOne();
    }

    /** Starts staging the files of one unit of work; the caller publishes them after its commit and closes them always. */
    public BlobStore.Staged stage() {
        return blobs.stage();
    }

    /**
     * Stores the picture's rows (or finds it, when the same bytes are already in the library) and stages its
     * files that the store does not have yet.
     */
    public long store(Handle h, Prepared p, Words words, Instant now, BlobStore.Staged staged) {
        Optional<Long> found = existing(h, p.sha256());
        ProcessedPicture pic = p.picture();
        String base = "images/" + p.sha256().substring(0, 2) + "/" + p.sha256();
        String masterKey = base + "." + extension(pic.master().type());
        staged.put(masterKey, pic.master().bytes());
        for (Rendition r : pic.renditions()) {
            staged.put(renditionKey(base, r), r.bytes());
        }
        if (found.isPresent()) return found.get();
        long id = h.createQuery("""
                        INSERT INTO images (sha256, master_key, media_type, width, height, caption, credit, alt, syndicatable, created_at)
                        VALUES (:sha, :key, :type, :w, :h, :caption, :credit, :alt, :syndicatable, :now)
                        ON CONFLICT (sha256) DO UPDATE SET sha256 = excluded.sha256
                        RETURNING id""")
                .bind("sha", p.sha256()).bind("key", masterKey).bind("type", pic.master().type().mediaType())
                .bind("w", pic.width()).bind("h", pic.height())
                .bind("caption", words.caption()).bind("credit", words.credit()).bind("alt", words.alt())
                .bind("syndicatable", words.syndicatable()).bind("now", now)
                .mapTo(Long.class).one();
        if (pic.master().type() == PictureType.JPEG && pic.width() <= MASTER_AS_RENDITION_MAX_WIDTH) {
            h.createUpdate("""
                            INSERT INTO image_renditions (image_id, format, width, height, blob_key, bytes)
                            VALUES (:id, 'jpeg', :w, :h, :key, :bytes) ON CONFLICT DO NOTHING""")
                    .bind("id", id).bind("w", pic.width()).bind("h", pic.height()).bind("key", masterKey)
                    .bind("bytes", pic.master().bytes().length).execute();
        }
        var batch = h.prepareBatch("""
                INSERT INTO image_renditions (image_id, format, width, height, blob_key, bytes)
                VALUES (:id, :format, :w, :h, :key, :bytes) ON CONFLICT DO NOTHING""");
        for (Rendition r : pic.renditions()) {
            batch.bind("id", id).bind("format", r.format()).bind("w", r.width()).bind("h", r.height())
                    .bind("key", renditionKey(base, r)).bind("bytes", r.bytes().length).add();
        }
        batch.execute();
        return id;
    }

    /**
     * Settles the files staged by processes that died (an import killed in its transaction): files that committed
     * rows name go into the store, since their process died between its commit and publishing them; the others
     * are removed. Returns how many files were removed.
     */
    public int settleLeftovers(Jdbi jdbi) {
        int removed = 0;
        for (BlobStore.Staged leftover : blobs.leftovers()) {
            try (leftover) {
                List<String> keys = leftover.keys();
                Set<String> named = keys.isEmpty() ? Set.of() : jdbi.withHandle(h -> Set.copyOf(h.createQuery("""
                                SELECT master_key FROM images WHERE master_key = ANY(:keys)
                                UNION SELECT blob_key FROM image_renditions WHERE blob_key = ANY(:keys)""")
                        .bindArray("keys", String.class, keys).mapTo(String.class).list()));
                leftover.publish(named::contains);
                removed += keys.size() - named.size();
            }
        }
        if (removed > 0) log.info("Removed {} picture files left by an import or upload that did not finish", removed);
        return removed;
    }

    /**
     * Makes the standard renditions ({@link PictureProcessor#RENDITION_WIDTHS}, and where libwebp loads
     * {@link PictureProcessor#DENSE_WIDTHS}) that pictures stored before a width was added lack, from their masters, a picture at a time, each in its own transaction with its files published
     * after it commits. A picture whose master is missing or unreadable is logged and skipped. Several instances may
     * run it at once: rows and files are named by content and a second copy is dropped. Returns how many pictures
     * got renditions.
     */
    public int addMissingRenditions(Jdbi jdbi) {
        record Lacking(long id, String masterKey, int width, List<Integer> missing, List<Integer> missingDense) {}
        boolean dense = PictureEncoder.webpAvailable();
        int done = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Lacking> page = jdbi.withHandle(h -> h.createQuery("""
                            SELECT i.id, i.master_key, i.width,
                                   coalesce(array_agg(r.width) FILTER (WHERE r.format = 'jpeg'), '{}') AS widths,
                                   coalesce(array_agg(r.width) FILTER (WHERE r.format = 'webp-dense'), '{}') AS dense
                            FROM images i LEFT JOIN image_renditions r ON r.image_id = i.id
                            WHERE i.id > :after GROUP BY i.id ORDER BY i.id LIMIT 200""")
                    .bind("after", from)
                    .map((rs, c) -> {
                        Set<Integer> have = Set.of((Integer[]) rs.getArray("widths").getArray());
                        int width = rs.getInt("width");
                        Set<Integer> haveDense = Set.of((Integer[]) rs.getArray("dense").getArray());
                        List<Integer> missing = PictureProcessor.RENDITION_WIDTHS.stream()
                                .filter(w -> w < width && !have.contains(w)).toList();
                        List<Integer> missingDense = !dense ? List.<Integer>of() : PictureProcessor.DENSE_WIDTHS.stream()
                                .filter(w -> w < width && !haveDense.contains(w)).toList();
                        return new Lacking(rs.getLong("id"), rs.getString("master_key"), width, missing, missingDense);
                    }).list());
            if (page.isEmpty()) break;
            after = page.getLast().id();
            for (Lacking l : page) {
                boolean lacks = !l.missing().isEmpty() || !l.missingDense().isEmpty();
                if (lacks && addRenditions(jdbi, l.id(), l.masterKey(), l.missing(), l.missingDense())) done++;
            }
        }
        if (done > 0) log.info("Made the missing renditions of {} pictures", done);
        return done;
    }

    private boolean addRenditions(Jdbi jdbi, long id, String masterKey, List<Integer> widths, List<Integer> denseWidths) {
        List<Rendition> made;
        try {
            var blob = blobs.get(masterKey);
            if (blob.isEmpty()) {
                log.warn("Picture {} has no master file {}: its missing renditions were not made", id, masterKey);
                return false;
            }
            byte[] master;
            try (var in = blob.get().open()) {
                master = in.readAllBytes();
            }
            made = processor.renditionsOfMaster(master, widths, denseWidths);
        } catch (IOException | PictureException e) {
            log.warn("Could not make the missing renditions of picture {}: {}", id, e.getMessage());
            return false;
        }
        if (made.isEmpty()) return false;
        String base = masterKey.substring(0, masterKey.lastIndexOf('.'));
        try (BlobStore.Staged staged = blobs.stage()) {
            for (Rendition r : made) staged.put(renditionKey(base, r), r.bytes());
            boolean stored = jdbi.inTransaction(h -> {
                if (h.createQuery("SELECT 1 FROM images WHERE id = :id FOR UPDATE").bind("id", id).mapTo(Integer.class).findOne().isEmpty()) {
                    return false; // deleted meanwhile
                }
                var batch = h.prepareBatch("""
                        INSERT INTO image_renditions (image_id, format, width, height, blob_key, bytes)
                        VALUES (:id, :format, :w, :h, :key, :bytes) ON CONFLICT DO NOTHING""");
                for (Rendition r : made) {
                    batch.bind("id", id).bind("format", r.format()).bind("w", r.width()).bind("h", r.height())
                            .bind("key", renditionKey(base, r)).bind("bytes", r.bytes().length).add();
                }
                batch.execute();
                return true;
            });
            if (stored) staged.publish();
            return stored;
        }
    }

    private static String renditionKey(String base, Rendition r) {
        return base + "-" + r.width() + switch (r.format()) {
            case Rendition.WEBP -> ".webp";
            case Rendition.DENSE_WEBP -> "-dense.webp";
            default -> ".jpg";
        };
    }

    private static String extension(PictureType type) {
        return switch (type) {
            case JPEG -> "jpg";
            case PNG -> "png";
            case GIF -> "gif";
            case WEBP -> "webp";
        };
    }
}
