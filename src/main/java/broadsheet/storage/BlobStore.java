package broadsheet.storage;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

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

    /**
     * Starts a set of files for one unit of work (an import, an upload) that stay out of the store until
     * {@link Staged#publish}, which the caller runs once its transaction has committed. A process that dies
     * before then leaves them where {@link #leftovers()} finds them, never among the stored files.
     */
    Staged stage();

    /** Staged sets of processes that ended without publishing or discarding them (none of this process's). */
    List<Staged> leftovers();

    /** Files staged for one unit of work. */
    interface Staged extends AutoCloseable {
        /** Stages the bytes under the key; false when the store or this set already has the key (nothing is written). */
        boolean put(String key, byte[] bytes);

        /** The keys staged, in no particular order. */
        List<String> keys();

        /** Moves the staged files whose keys {@code keep} accepts into the store, drops the others, and ends the set. */
        void publish(Predicate<String> keep);

        /** Moves every staged file into the store and ends the set. */
        default void publish() {
            publish(key -> true);
        }

        /**
         * Ends the set: unless it was published, its files are dropped. When publishing failed part way, they
         * are left for {@link BlobStore#leftovers()}, since rows committed may name them.
         */
        @Override
        void close();
    }

    /** A stored file: its size and a way to read it. */
    interface Blob {
        long size();

        InputStream open();
    }
}
