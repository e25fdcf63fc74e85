package broadsheet;

import broadsheet.editing.DraftCheck;
import broadsheet.editing.EditingException;
import broadsheet.editing.EditorPages;
import broadsheet.web.Access;
import broadsheet.web.BodyLimits;
import broadsheet.web.CachedPageAnswers;
import broadsheet.web.ErrorPages;
import broadsheet.web.HttpProblem;
import broadsheet.web.LowLevelErrors;
import broadsheet.web.PageCache;
import broadsheet.web.ReaderAccess;
import broadsheet.web.SecurityHeaders;
import broadsheet.web.TrustedProxies;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.eclipse.jetty.http.MimeTypes;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: Javalin on Jetty with virtual threads, the route table, the access check, security
 * headers, error pages, request metrics and an access log. Nothing here knows what a page contains.
 */
public final class Server {
    private static final Logger accessLog = LoggerFactory.getLogger("broadsheet.access");

    private Server() {}

    /**
     * Makes ready what starting the web server needs and nothing of ours does, so that it can be done on another
     * thread while the site is built: Jetty's table of media types, read from its properties files as its class is first
     * used (some 6 % of a start's time on the main thread, measured with the sampling profiler).
     */
    static void prepare() {
        try {
            Class.forName(MimeTypes.class.getName(), true, Server.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * PostgreSQL text cannot hold NUL, so a query parameter with one could only fail deep in a query (as a
     * 500): it is refused here, once for every address.
     */
    private static void refuseNul(Context ctx) {
        String query = ctx.queryString();
        if (query != null && query.contains("%00")) throw HttpProblem.badRequest("An address cannot contain the character %00.");
    }

    public static Javalin create(Config config, Routes.Handlers handlers, Routes.Newsroom newsroom, Routes.Readers readers,
                                 ErrorPages errors, PageCache cache, Access access, ReaderAccess readerAccess,
                                 MeterRegistry metrics) {
        var requestTimers = new RequestTimers(metrics);
        return Javalin.create(c -> {
            c.concurrency.useVirtualThreads = true;
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.http.compressionStrategy = CompressionStrategy.NONE;
            c.http.generateEtags = false;
            c.http.prefer405over404 = true;
            // Picture uploads (multipart) are parsed by Jetty, streaming each file to a temporary file past
            // 1 MB. Up to twice the limit is read, so the library can answer "the file is 25 MB; the limit
            // is 20" on its own page; past that the parser stops reading and Access answers 413.
            long multipartCap = 2L * config.uploadMegabytes() + 1;
            c.jetty.multipartConfig.maxFileSize(multipartCap, SizeUnit.MB);
            c.jetty.multipartConfig.maxTotalRequestSize(multipartCap, SizeUnit.MB);
            c.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
            var limits = BodyLimits.Sizes.forArticles(config.formKilobytes() * 1024L, DraftCheck.MAX_BODY, multipartCap * 1024 * 1024);
            // each address's own limit is BodyLimits'; Javalin's single one must not be the smaller
            c.http.maxRequestSize = limits.largest();
            c.router.ignoreTrailingSlashes = false;
            c.router.treatMultipleSlashesAsSingleSlash = false;
            var proxies = new TrustedProxies(config.trustedProxies());
            CachedPageAnswers.Answered answered = (method, path, status, route, nanos) -> {
                requestTimers.timer(method, status, route).record(nanos, TimeUnit.NANOSECONDS);
                if (accessLog.isDebugEnabled()) accessLog.debug("{} {} {} {}ms", method, path, status, Math.round(nanos / 1e6));
            };
            c.contextResolver.ip = proxies::ip;
            c.contextResolver.scheme = proxies::scheme;
            c.jetty.host = config.host();
            c.jetty.port = config.port();
            c.jetty.modifyServer(s -> {
                // Javalin puts its servlet inside BodyLimits, so every body is read through it; ahead of both, an
                // anonymous request for a page the cache holds is answered at once, as the site would answer it
                s.setHandler(new CachedPageAnswers(cache, proxies, answered, new BodyLimits(limits)));
                // stopping, Jetty stops accepting at once and waits this long for requests in flight (GracefulShutdownIT)
                s.setStopTimeout(config.shutdown().timeoutSeconds() * 1000L);
                s.setErrorHandler(new LowLevelErrors());
            });
            c.jetty.modifyHttpConfiguration(hc -> hc.setSendServerVersion(false));
            c.routes.before(SecurityHeaders::apply);
            c.routes.before(Server::refuseNul);
            // who is reading, before the access check (Role.READER) and the page cache (which skips readers) ask
            c.routes.beforeMatched(readerAccess::identify);
            c.routes.beforeMatched(access::check);
            // after the access check, so only what the visitor may see is ever answered from memory
            c.routes.beforeMatched(cache::serve);
            c.routes.exception(HttpProblem.class, errors::problem);
            c.routes.exception(EditingException.class, (e, ctx) -> errors.problem(EditorPages.problem(e), ctx));
            c.routes.exception(HttpResponseException.class, errors::httpException);
            c.routes.exception(Exception.class, errors::unexpected);
            c.routes.error(404, errors::notFoundStatus);
            c.routes.error(405, errors::methodNotAllowed);
            c.requestLogger.http((ctx, ms) -> {
                String route;
                try {
                    route = ctx.endpoint().path;
                } catch (RuntimeException e) {
                    route = "unmatched";
                }
                answered.answered(ctx.method().name(), ctx.path(), ctx.statusCode(), route, (long) (ms * 1_000_000));
            });
            Routes.register(c, handlers, newsroom, readers);
        });
    }

    /**
     * The {@code http.server.requests} timers, one per method, status and route, each found once: asking the registry
     * for a timer builds its name and tags and looks them up, a cost every request would pay again.
     */
    private static final class RequestTimers {
        private record Key(String method, int status, String route) {}

        private final MeterRegistry metrics;
        private final java.util.concurrent.ConcurrentHashMap<Key, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();

        RequestTimers(MeterRegistry metrics) {
            this.metrics = metrics;
        }

        Timer timer(String method, int status, String route) {
            return timers.computeIfAbsent(new Key(method, status, route), k -> Timer.builder("http.server.requests")
                    .description("HTTP requests answered, by method, status and route (the route's pattern, never the path asked for)")
                    .tag("method", k.method())
                    .tag("status", String.valueOf(k.status()))
                    .tag("route", k.route())
                    .register(metrics));
        }
    }
}
