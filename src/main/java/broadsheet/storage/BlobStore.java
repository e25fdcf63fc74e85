package broadsheet.storage;

import java.io.InputStream;
import java.util.Optional;

/**
 * Where files live (picture masters and renditions): keys like {@code images/ab/ab12...-640.jpg}.
 * Keys are named by content, so a key once written never changes and may be cached for ever.
 * The database says which keys belong to what; the store only keeps bytes.
 */
public interface BlobStore {
    /** Stores the bytes under the key; returns false when the key already existed (and is left as it was). */
    boolean put(String key, byte[] bytes);

    Optional<Blob> get(String key);

    boolean exists(String key);

    void delete(String key);

    /** A stored file: its size and a way to read it. */
    interface Blob {
        long size();

        InputStream open();
    }
}
