package broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A page rendered while the content changed is sent but not kept: it may show what the change made stale, and keeping
 * it would serve the old page (and hand it to a CDN refetching after its purge) until the page ages out. Each request
 * to the stand-in route renders the page afresh and says how many times it was rendered.
 */
class PageCacheTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private final PageCache cache = new PageCache(4);
    private final AtomicInteger renders = new AtomicInteger();
    /** Run by the route once it has rendered and before it offers the page to the cache: what happens meanwhile. */
    private final AtomicReference<Runnable> whileRendering = new AtomicReference<>(() -> {});
    private final Javalin server = Javalin.create(c -> {
        c.startup.showJavalinBanner = false;
        c.jetty.host = "127.0.0.1";
        c.jetty.port = 0;
        c.routes.beforeMatched(cache::serve);
        c.routes.get("/world-news/story/", ctx -> {
            byte[] body = ("rendering " + renders.incrementAndGet()).getBytes(StandardCharsets.UTF_8);
            whileRendering.getAndSet(() -> {}).run();
            var page = new Pages.Rendered(body, null, "h" + renders.get(), "text/plain; charset=utf-8", CachePolicy.PUBLIC_PAGE, "", Map.of());
            if (cache.marked(ctx)) cache.keep(ctx, page);
            Pages.write(ctx, page);
        });
    }).start();

    @AfterEach
    void stop() {
        server.stop();
    }

    private String get() {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/world-news/story/")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The first request, during which {@code change} runs, and the one after it. */
    private List<String> twoRequests(Consumer<PageCache> change) {
        whileRendering.set(() -> change.accept(cache));
        return List.of(get(), get());
    }

    @Test
    void aPageIsKeptAndServedAgain() {
        assertThat(List.of(get(), get(), get())).containsExactly("rendering 1", "rendering 1", "rendering 1");
    }

    @Test
    void aPageRenderedWhileTheCacheWasEmptiedIsSentButNotKept() {
        assertThat(twoRequests(PageCache::clear)).containsExactly("rendering 1", "rendering 2");
        assertThat(get()).as("the page rendered after the change is kept").isEqualTo("rendering 2");
    }

    @Test
    void aPageRenderedWhileAPathWasEvictedIsSentButNotKept() {
        assertThat(twoRequests(c -> c.evict(List.of("/elsewhere/")))).containsExactly("rendering 1", "rendering 2");
        assertThat(get()).isEqualTo("rendering 2");
    }
}
