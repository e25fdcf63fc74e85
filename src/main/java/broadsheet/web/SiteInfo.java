package broadsheet.web;

import broadsheet.Config;
import broadsheet.section.Section;
import broadsheet.section.SectionStore;
import broadsheet.settings.Settings;
import broadsheet.settings.SiteSettings;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.List;

/**
 * Builds the {@link Site} every page is framed with: the paper's name and tagline from the newsroom's
 * settings (the configured name while none is set there), and the section list. Both are held in memory and
 * read again after {@link #refresh}, which the change feed runs on every instance; the section list is
 * also read at most every 30 seconds without any messaging.
 */
public final class SiteInfo {
    private final Config config;
    private final Settings settings;
    private final String stylesheet;
    private final LoadingCache<String, List<Section>> sections;

    public SiteInfo(Config config, SectionStore store, Settings settings, String stylesheet) {
        this.config = config;
        this.settings = settings;
        this.stylesheet = stylesheet;
        this.sections = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(30)).build(k -> store.all());
    }

    public Site site() {
        SiteSettings s = settings.current();
        return new Site(s.nameOr(config.siteName()), s.tagline(), config.baseUrl(), config.zone(), sections.get("all"), stylesheet);
    }

    /** The site, or when the database cannot be read, {@link #lastKnown()} (for error pages). */
    public Site siteOrBare() {
        try {
            return site();
        } catch (RuntimeException e) {
            return lastKnown();
        }
    }

    /** The site as last read, without asking the database: the sections still held, or none (for pages shown while it is down). */
    public Site lastKnown() {
        SiteSettings s = settings.lastKnown();
        List<Section> held = sections.getIfPresent("all");
        return new Site(s.nameOr(config.siteName()), s.tagline(), config.baseUrl(), config.zone(), held == null ? List.of() : held, stylesheet);
    }

    /** The paper's name in effect; the last one known when the database cannot be read. */
    public String name() {
        try {
            return settings.current().nameOr(config.siteName());
        } catch (RuntimeException e) {
            return settings.lastKnown().nameOr(config.siteName());
        }
    }

    /** Forgets the cached section list and settings (after a change on this instance or a change notice). */
    public void refresh() {
        sections.invalidateAll();
        settings.refresh();
    }
}
