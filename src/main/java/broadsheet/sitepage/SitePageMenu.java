package broadsheet.sitepage;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.List;

/**
 * The paper's own pages that have text, in the footer's order, as every page's footer links them: held in memory, read
 * again after {@link #refresh} (which the change feed runs on every instance) and at most every 30 seconds without any
 * messaging.
 */
public final class SitePageMenu {
    private final LoadingCache<String, List<SitePage>> written;

    public SitePageMenu(SitePageStore store) {
        this.written = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(30))
                .build(k -> store.all().stream().filter(SitePage::written).toList());
    }

    public List<SitePage> all() {
        return written.get("all");
    }

    /** The pages as last read, without asking the database: none when they were never read. */
    public List<SitePage> lastKnown() {
        List<SitePage> held = written.getIfPresent("all");
        return held == null ? List.of() : held;
    }

    /** Forgets the held list (after a change on this instance or a change notice). */
    public void refresh() {
        written.invalidateAll();
    }
}
