package broadsheet.shared;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * What public pages read from the database that is the same for every reader (a front page's stories, the first page
 * of a listing), kept in memory until the next content change, so a signed-in reader's private page, which no shared
 * cache may hold, is rendered without reading it again. The composition root empties it on every change announced on
 * the change feed (and when the feed reconnects, as notices may have been missed), as it empties the page cache.
 *
 * <p>A value read before a change and kept after it would outlive the change: each {@link #clear} starts a new
 * generation, and a value is kept only when the generation it was read in is still the current one (otherwise it
 * serves the request that read it, and no other). At most {@code maxEntries} values are kept; the least used go first;
 * with {@code maxEntries} 0 nothing is kept, and every call reads.
 */
public final class UntilChanged<K, V> {
    private final Cache<K, V> kept;
    private final AtomicLong generation = new AtomicLong();

    public UntilChanged(int maxEntries) {
        if (maxEntries < 0) throw new IllegalArgumentException("maxEntries must be 0 or more: " + maxEntries);
        this.kept = maxEntries == 0 ? null : Caffeine.newBuilder().maximumSize(maxEntries).build();
    }

    /** The value kept for {@code key}, or the one {@code read} returns, kept unless a change came while it was read. */
    public V get(K key, Function<K, V> read) {
        if (kept == null) return read.apply(key);
        V value = kept.getIfPresent(key);
        if (value != null) return value;
        long readIn = generation.get();
        value = read.apply(key);
        if (value == null) return null;
        kept.put(key, value);
        // a clear that ran between the read and the put has already emptied the cache: undo the put
        if (generation.get() != readIn) kept.invalidate(key);
        return value;
    }

    /** Forgets the values of these keys: something only they show has changed. */
    public void forget(Collection<K> keys) {
        generation.incrementAndGet();
        if (kept != null) kept.invalidateAll(keys);
    }

    /** Forgets every value: something they show may have changed. */
    public void clear() {
        generation.incrementAndGet();
        if (kept != null) kept.invalidateAll();
    }

    /** How many values are kept now (approximate, as the cache's own count is). */
    public long size() {
        return kept == null ? 0 : kept.estimatedSize();
    }
}
