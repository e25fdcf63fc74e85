package broadsheet.settings;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The settings in effect on this instance, for the code that obeys them on every request (the access check,
 * sessions, page frames). They are read from the database at most every {@link #FRESH} and at once after
 * {@link #refresh}, which the change feed calls on every instance when an admin saves. The interval is only
 * a safety net for a missed notice. What the settings mean is decided where they are used.
 */
public final class Settings {
    static final Duration FRESH = Duration.ofSeconds(30);
    private final SettingsStore store;
    /** Counts refreshes, so a read that started before one is not kept after it. */
    private final AtomicLong generation = new AtomicLong();
    private volatile Loaded loaded;

    private record Loaded(SiteSettings settings, long atNanos, long generation) {}

    public Settings(SettingsStore store) {
        this.store = store;
    }

    /** The settings, read again when the copy held is old or a refresh asked for it; fails when the database cannot be read. */
    public SiteSettings current() {
        Loaded l = loaded;
        long gen = generation.get();
        if (l != null && l.generation() == gen && System.nanoTime() - l.atNanos() < FRESH.toNanos()) return l.settings();
        SiteSettings read = store.read();
        if (generation.get() == gen) loaded = new Loaded(read, System.nanoTime(), gen);
        return read;
    }

    /** The settings last read, or the defaults before any read: for pages shown while the database is down. */
    public SiteSettings lastKnown() {
        Loaded l = loaded;
        return l == null ? SiteSettings.DEFAULTS : l.settings();
    }

    /** Forgets the copy held, so the next use reads the database. */
    public void refresh() {
        generation.incrementAndGet();
    }
}
