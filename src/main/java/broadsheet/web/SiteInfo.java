package broadsheet.web;

import broadsheet.Config;
import broadsheet.section.Section;
import broadsheet.section.SectionStore;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.List;

/**
 * Builds the {@link Site} every page is framed with. The section list is read at most every 30 seconds,
 * so a new section shows in the navigation of every instance within that time without any messaging.
 */
public final class SiteInfo {
    private final Config config;
    private final String stylesheet;
    private final LoadingCache<String, List<Section>> sections;

    public SiteInfo(Config config, SectionStore store, String stylesheet) {
        this.config = config;
        this.stylesheet = stylesheet;
        this.sections = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(30)).build(k -> store.all());
    }

    public Site site() {
        return new Site(config.siteName(), config.baseUrl(), config.zone(), sections.get("all"), stylesheet);
    }

    /** The site, or when the database cannot be read, the site without its section list (for error pages). */
    public Site siteOrBare() {
        try {
            return site();
        } catch (RuntimeException e) {
            return new Site(config.siteName(), config.baseUrl(), config.zone(), List.of(), stylesheet);
        }
    }

    /** Forgets the cached section list (after this instance changes sections). */
    public void refresh() {
        sections.invalidateAll();
    }
}
