package broadsheet.section;

import broadsheet.content.Section;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.List;

/**
 * The sections in their order, as every page's navigation and the front page show them: held in memory,
 * read again after {@link #refresh} (which the change feed runs on every instance) and at most every 30
 * seconds without any messaging.
 */
public final class SectionMenu {
    private final LoadingCache<String, List<Section>> sections;

    public SectionMenu(SectionStore store) {
        this.sections = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(30)).build(k -> store.all());
    }

    public List<Section> all() {
        return sections.get("all");
    }

    /** The sections as last read, without asking the database: none when they were never read. */
    public List<Section> lastKnown() {
        List<Section> held = sections.getIfPresent("all");
        return held == null ? List.of() : held;
    }

    /** Forgets the held list (after a change on this instance or a change notice). */
    public void refresh() {
        sections.invalidateAll();
    }
}
