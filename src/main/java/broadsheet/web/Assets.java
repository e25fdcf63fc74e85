package broadsheet.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The site's own static files (stylesheet, icons) from {@code src/main/resources/assets}, held in memory.
 * Pages link them with a content hash ({@code ?v=...}) so they can be cached for a year and still change.
 */
public final class Assets {
    private static final List<String> FILES = List.of("site.css", "favicon.svg", "newsroom.css", "newsroom.js", "share.js",
            "comments.js", "moderation.js", "preview.css");
    private final Map<String, byte[]> content = new HashMap<>();
    private final Map<String, String> versions = new HashMap<>();

    public Assets() {
        for (String name : FILES) {
            try (InputStream in = Assets.class.getResourceAsStream("/assets/" + name)) {
                if (in == null) throw new IllegalStateException("missing asset " + name);
                byte[] bytes = in.readAllBytes();
                content.put(name, bytes);
                versions.put(name, Pages.hash(bytes).substring(0, 12));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The address to link, with its version. */
    public String url(String name) {
        return "/assets/" + name + "?v=" + versions.get(name);
    }

    public void serve(Context ctx) {
        String name = ctx.pathParam("name");
        byte[] bytes = content.get(name);
        if (bytes == null) throw HttpProblem.notFound();
        boolean versioned = versions.get(name).equals(ctx.queryParam("v"));
        Pages.sendUncached(ctx, bytes, type(name), versioned ? CachePolicy.IMMUTABLE : CachePolicy.PUBLIC_PAGE, List.of("assets"));
    }

    private static String type(String name) {
        if (name.endsWith(".css")) return "text/css; charset=utf-8";
        if (name.endsWith(".svg")) return "image/svg+xml";
        if (name.endsWith(".js")) return "text/javascript; charset=utf-8";
        return "text/plain; charset=utf-8";
    }
}
