package broadsheet.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Rendered public pages kept in memory, so a popular article is served without touching the database.
 * Only answers that anyone may see are kept (200s sent with a public cache policy); the whole cache is
 * emptied when published content changes on any instance (see {@code ChangeFeed}), only an article's pages when its
 * comments change ({@link #evict}), and nothing stays
 * longer than five minutes in any case. A request with a live reader session is neither answered from here nor
 * kept (it runs after {@link ReaderAccess#identify}), since its page shows who is reading. It also empties at midnight in
 * the paper's zone, so the home page's masthead never shows yesterday's date: a page rendered before midnight is
 * not kept after it. Most hits never reach the routes: {@link CachedPageAnswers} answers them in Jetty, through
 * {@link #direct}, with the answer {@link #serve} would send.
 */
public final class PageCache implements MeterBinder {
    private static final String KEY_ATTRIBUTE = "broadsheet.pageCacheKey";
    private static final String DAY_ATTRIBUTE = "broadsheet.pageCacheDay";
    private static final String GENERATION_ATTRIBUTE = "broadsheet.pageCacheGeneration";
    private final Cache<String, Kept> pages;
    private final boolean enabled;
    private final LongAdder clears = new LongAdder();
    /**
     * Moved on by every clear and eviction: a page whose request began before one is not kept after it, since it may
     * have been rendered from what the change made stale.
     */
    private final AtomicLong generation = new AtomicLong();
    /** Counted here rather than from Caffeine's statistics, which count every GET asked (health checks, /metrics) as a miss. */
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    /** Of the hits, those answered by {@link CachedPageAnswers} before the request reached the routes. */
    private final LongAdder direct = new LongAdder();
    private final Clock clock;
    private final ZoneId zone;
    /** The paper's next midnight, in epoch milliseconds: the cache empties when a request comes after it. */
    private volatile long dayEnds;

    /** A cache that empties at midnight UTC (for tests that do not care about the day). */
    public PageCache(int megabytes) {
        this(megabytes, Clock.systemUTC(), ZoneOffset.UTC);
    }

    /** {@code zone}: the paper's, whose midnight empties the cache (pages show today's date in it). */
    public PageCache(int megabytes, Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
        this.dayEnds = nextMidnight(clock.millis());
        this.enabled = megabytes > 0;
        this.pages = Caffeine.newBuilder()
                .maximumWeight(Math.max(1, megabytes) * 1024L * 1024L)
                .weigher((String k, Kept p) -> k.length() + p.rendered().weight() + p.route().length())
                .expireAfterWrite(Duration.ofMinutes(5))
                .recordStats()
                .build();
    }

    /**
     * A kept answer: the response, the pattern of the route that made it (the request metrics' {@code route} tag), and
     * whether that route is open to anyone ({@link Role#ANYONE}), so that no check of who is asking stood before it.
     */
    record Kept(Pages.Rendered rendered, String route, boolean open) {}

    /**
     * A before-handler: answers from the cache when it can, and otherwise marks the request as cacheable. HEAD is
     * answered from the cache as GET is (the same headers, no body), but only a GET's answer is kept.
     */
    public void serve(Context ctx) {
        boolean get = ctx.method() == HandlerType.GET;
        if (!enabled || !get && ctx.method() != HandlerType.HEAD || ReaderAccess.current(ctx).isPresent()) return;
        long day = today();
        String key = key(ctx);
        Kept hit = pages.getIfPresent(key);
        if (hit != null) {
            hits.increment();
            Pages.Rendered r = hit.rendered();
            Pages.write(ctx, r);
            if (ctx.statusCode() == 200) {
                // its length is known: declared, so that any size is sent whole rather than in chunks (and HEAD tells it)
                ctx.res().setContentLength("gzip".equals(ctx.res().getHeader("Content-Encoding")) ? r.gzip().length : r.body().length);
            }
            ctx.skipRemainingHandlers();
            return;
        }
        if (!get) return;
        ctx.attribute(KEY_ATTRIBUTE, key);
        ctx.attribute(DAY_ATTRIBUTE, day);
        ctx.attribute(GENERATION_ATTRIBUTE, generation.get());
    }

    /**
     * The kept answer for this path and query string (raw, as the request wrote them), when {@link #serve} would answer
     * an anonymous visitor with it whoever they are: kept for a route open to anyone. Null otherwise, and for a page
     * not kept; then nothing is counted, since the request goes on to {@link #serve}.
     */
    Kept direct(String key) {
        today();
        Kept hit = pages.getIfPresent(key);
        if (hit == null || !hit.open()) return null;
        hits.increment();
        direct.increment();
        return hit;
    }

    /**
     * The end of the paper's day now, in epoch milliseconds; the first request after midnight empties the cache (once,
     * whichever request sees it first).
     */
    private long today() {
        long now = clock.millis();
        long ends = dayEnds;
        if (now < ends) return ends;
        synchronized (this) {
            if (now >= dayEnds) {
                dayEnds = nextMidnight(now);
                pages.invalidateAll(); // not counted as a clear, which the metric keeps for content changes
            }
            return dayEnds;
        }
    }

    private long nextMidnight(long millis) {
        var date = Instant.ofEpochMilli(millis).atZone(zone).toLocalDate().plusDays(1);
        return date.atStartOfDay(zone).toInstant().toEpochMilli();
    }

    /** Whether pages are kept at all (a size of 0 turns the cache off). */
    boolean on() {
        return enabled;
    }

    /** Whether {@link #serve} marked this request as one whose answer may be kept. */
    boolean marked(Context ctx) {
        return ctx.attribute(KEY_ATTRIBUTE) != null;
    }

    /** Keeps a response rendered for a request {@link #serve} marked. */
    void keep(Context ctx, Pages.Rendered rendered) {
        String key = ctx.attribute(KEY_ATTRIBUTE);
        // a page rendered on a day that has since ended (it may print that day's date) is sent, but not kept
        Long day = ctx.attribute(DAY_ATTRIBUTE);
        Long begun = ctx.attribute(GENERATION_ATTRIBUTE);
        if (key != null && ctx.statusCode() == 200 && ReaderAccess.current(ctx).isEmpty() && day != null && day == today()
                && begun != null && begun == generation.get()) {
            misses.increment();
            pages.put(key, new Kept(rendered, route(ctx), ctx.routeRoles().contains(Role.ANYONE)));
            // a clear or eviction that ran between the check and the put has already emptied the cache: undo the put
            if (generation.get() != begun) pages.invalidate(key);
        }
    }

    /** The matched route's pattern, as the request metrics name it. */
    private static String route(Context ctx) {
        try {
            return ctx.endpoint().path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }

    /**
     * Forgets the pages at these paths, with any query string: what one article's thread changing leaves out of date,
     * so the rest of the cache stays warm.
     */
    public void evict(Collection<String> paths) {
        generation.incrementAndGet();
        pages.asMap().keySet().removeIf(key -> {
            int q = key.indexOf('?');
            return paths.contains(q < 0 ? key : key.substring(0, q));
        });
    }

    public void clear() {
        generation.incrementAndGet();
        clears.increment();
        pages.invalidateAll();
    }

    /**
     * The operator's figures (counters, or read from the cache when scraped): hits, misses (a page anyone may see,
     * rendered and kept because the cache did not hold it), pages pushed out for room or age, the whole cache
     * emptied for a content change, and what it holds.
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("broadsheet.page.cache.hits", hits, LongAdder::sum)
                .description("Anonymous page requests answered from this instance's page cache").register(registry);
        FunctionCounter.builder("broadsheet.page.cache.direct", direct, LongAdder::sum)
                .description("Of the page cache's hits, those answered before the request reached the site's routes").register(registry);
        FunctionCounter.builder("broadsheet.page.cache.misses", misses, LongAdder::sum)
                .description("Pages anyone may see that the page cache did not hold, so they were rendered and kept").register(registry);
        FunctionCounter.builder("broadsheet.page.cache.evictions", pages, c -> c.stats().evictionCount())
                .description("Pages the cache dropped to stay within its size or because they were five minutes old").register(registry);
        FunctionCounter.builder("broadsheet.page.cache.clears", clears, LongAdder::sum)
                .description("Times the whole page cache was emptied because published content changed on some instance").register(registry);
        Gauge.builder("broadsheet.page.cache.entries", pages, Cache::estimatedSize)
                .description("Pages the page cache holds now (an estimate)").register(registry);
        Gauge.builder("broadsheet.page.cache.size", pages, PageCache::heldBytes)
                .description("Bytes of pages the page cache holds now, of the configured page-cache-mb").baseUnit("bytes").register(registry);
    }

    /**
     * The bytes the cache holds now. A page just kept is weighed by the cache's own upkeep, which runs a moment later on
     * another thread; it is run here first, so that a scrape right after a page was kept counts it.
     */
    private static long heldBytes(Cache<String, ?> pages) {
        pages.cleanUp();
        return pages.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
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
