package broadsheet.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;

/**
 * Rendered public pages kept in memory, so a popular article is served without touching the database.
 * Only answers that anyone may see are kept (200s sent with a public cache policy); the whole cache is
 * emptied when published content changes on any instance (see {@code ChangeFeed}), only an article's pages when its
 * comments change ({@link #evict}), and nothing stays
 * longer than five minutes in any case. A request with a live reader session is neither answered from here nor
 * kept (it runs after {@link ReaderAccess#identify}), since its page shows who is reading.
 */
public final class PageCache {
    private static final String KEY_ATTRIBUTE = "broadsheet.pageCacheKey";
    private final Cache<String, Pages.Rendered> pages;
    private final boolean enabled;

    public PageCache(int megabytes) {
        this.enabled = megabytes > 0;
        this.pages = Caffeine.newBuilder()
                .maximumWeight(Math.max(1, megabytes) * 1024L * 1024L)
                .weigher((String k, Pages.Rendered r) -> k.length() + r.weight())
                .expireAfterWrite(Duration.ofMinutes(5))
                .recordStats()
                .build();
    }

    /** A before-handler: answers from the cache when it can, and otherwise marks the request as cacheable. */
    public void serve(Context ctx) {
        if (!enabled || ctx.method() != HandlerType.GET || ReaderAccess.current(ctx).isPresent()) return;
        String key = key(ctx);
        Pages.Rendered hit = pages.getIfPresent(key);
        if (hit != null) {
            Pages.write(ctx, hit);
            ctx.skipRemainingHandlers();
            return;
        }
        ctx.attribute(KEY_ATTRIBUTE, key);
    }

    /** Whether {@link #serve} marked this request as one whose answer may be kept. */
    boolean marked(Context ctx) {
        return ctx.attribute(KEY_ATTRIBUTE) != null;
    }

    /** Keeps a response rendered for a request {@link #serve} marked. */
    void keep(Context ctx, Pages.Rendered rendered) {
        String key = ctx.attribute(KEY_ATTRIBUTE);
        if (key != null && ctx.statusCode() == 200 && ReaderAccess.current(ctx).isEmpty()) pages.put(key, rendered);
    }

    /**
     * Forgets the pages at these paths, with any query string: what one article's thread changing leaves out of date,
     * so the rest of the cache stays warm.
     */
    public void evict(Collection<String> paths) {
        pages.asMap().keySet().removeIf(key -> {
            int q = key.indexOf('?');
            return paths.contains(q < 0 ? key : key.substring(0, q));
        });
    }

    public void clear() {
        pages.invalidateAll();
    }

    public Map<String, Number> stats() {
        var s = pages.stats();
        return Map.of("hits", s.hitCount(), "misses", s.missCount(), "size", pages.estimatedSize());
    }

    private static String key(Context ctx) {
        String q = ctx.queryString();
        return q == null ? ctx.path() : ctx.path() + "?" + q;
    }
}
