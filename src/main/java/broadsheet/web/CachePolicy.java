package broadsheet.web;

/**
 * How long browsers and CDNs may keep a response. Anonymous pages are shared and briefly cached, served
 * stale while a CDN refetches; content-addressed files are kept for ever; personal answers are never stored.
 */
public enum CachePolicy {
    /** Pages anyone sees: a minute in browsers, five minutes at the CDN, stale for a day if the origin is slow or down. */
    PUBLIC_PAGE("public, max-age=60, s-maxage=300, stale-while-revalidate=600, stale-if-error=86400"),
    /**
     * A page that prints today's date (the home page's masthead): a minute in browsers and at the CDN, and served stale
     * for at most a minute more while the CDN refetches, so no cache shows yesterday's date for more than about two
     * minutes after the paper's midnight (the page cache empties at midnight: {@link PageCache}); stale for a day only
     * if the origin is down. Changes purge it at the CDN as they purge any page.
     */
    PUBLIC_DATED("public, max-age=60, s-maxage=60, stale-while-revalidate=60, stale-if-error=86400"),
    /** Public API answers, the same as pages. */
    PUBLIC_API("public, max-age=60, s-maxage=300, stale-while-revalidate=600, stale-if-error=86400"),
    /**
     * Search results anyone sees: a minute in browsers and at the CDN, no longer, and never served stale, since the index
     * takes in a new story within a second and the CDN should not hide it for long.
     */
    PUBLIC_SEARCH("public, max-age=60, s-maxage=60"),
    /** Files at addresses that cannot carry a version ({@code /favicon.ico}): a day, then asked again. */
    PUBLIC_FILE("public, max-age=86400"),
    /** Files whose address changes when their content does. */
    IMMUTABLE("public, max-age=31536000, immutable"),
    /** Error pages: cached briefly so a burst of requests for a missing page does not reach the origin. */
    SHORT("public, max-age=30, s-maxage=60"),
    /** Anything about one person, and server errors. */
    NO_STORE("no-store"),
    /**
     * Text only this visitor may see (a subscriber's, a meter's, a gift link's), and every page a signed-in reader
     * gets (it shows who they are): no cache, shared or not, keeps it.
     */
    PRIVATE("private, no-store");

    private final String header;

    CachePolicy(String header) {
        this.header = header;
    }

    public String header() {
        return header;
    }

    /** Whether a response under this policy may be kept and given to anyone else. */
    public boolean shared() {
        return this != NO_STORE && this != PRIVATE;
    }
}
