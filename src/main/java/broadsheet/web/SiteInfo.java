package broadsheet.web;

import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;

/**
 * Builds the {@link Site} every page is framed with, from what the paper's settings and sections say now
 * (each held in memory by its own feature and read again after a change) and what the configuration fixes:
 * the base address, the zone and the stylesheet.
 */
public final class SiteInfo {
    /** The paper's name and tagline, its sections in their order, and its own pages that have text, in theirs. */
    public record Paper(String name, String tagline, List<Site.NavLink> sections, List<Site.PageLink> pages) {
        /** A paper without pages of its own. */
        public Paper(String name, String tagline, List<Site.NavLink> sections) {
            this(name, tagline, sections, List.of());
        }
    }

    private final String baseUrl;
    private final ZoneId zone;
    private final String stylesheet;
    private final Supplier<Paper> current;
    private final Supplier<Paper> lastKnown;

    /**
     * {@code current} reads the paper as it is now (it may ask the database); {@code lastKnown} gives it as last
     * read, without asking, for pages shown while the database cannot be reached.
     */
    public SiteInfo(String baseUrl, ZoneId zone, String stylesheet, Supplier<Paper> current, Supplier<Paper> lastKnown) {
        this.baseUrl = baseUrl;
        this.zone = zone;
        this.stylesheet = stylesheet;
        this.current = current;
        this.lastKnown = lastKnown;
    }

    public Site site() {
        return of(current.get());
    }

    /** The site, or when the database cannot be read, {@link #lastKnown()} (for error pages). */
    public Site siteOrBare() {
        try {
            return site();
        } catch (RuntimeException e) {
            return lastKnown();
        }
    }

    /** The site as last read, without asking the database (for pages shown while it is down). */
    public Site lastKnown() {
        return of(lastKnown.get());
    }

    /** The paper's name in effect; the last one known when the database cannot be read. */
    public String name() {
        try {
            return current.get().name();
        } catch (RuntimeException e) {
            return lastKnown.get().name();
        }
    }

    private Site of(Paper paper) {
        return new Site(paper.name(), paper.tagline(), baseUrl, zone, paper.sections(), stylesheet, paper.pages());
    }
}
