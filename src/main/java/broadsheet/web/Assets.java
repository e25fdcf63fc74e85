package broadsheet.web;

import broadsheet.shared.Json;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The site's own static files (stylesheet, scripts, font, icons) from {@code src/main/resources/assets}, held in memory
 * with their answers made once. Pages link them with a content hash ({@code ?v=...}) so they can be cached for a year and
 * still change; a stylesheet's {@code url(fonts/...)} gets its file's hash the same way (before the stylesheet's own hash
 * is taken, so a new font gives the stylesheet a new address too). Also the addresses browsers and phones ask for without
 * being told: {@code /favicon.ico}, {@code /apple-touch-icon.png}, and the web app manifest.
 */
public final class Assets {
    private static final List<String> FILES = List.of("fonts/broadsheet-serif.woff2", "fonts/broadsheet-serif-more.woff2",
            "fonts/broadsheet-serif-italic.woff2", "fonts/broadsheet-serif-italic-more.woff2", "fonts/OFL.txt",
            "icons/favicon.ico", "icons/apple-touch-icon.png", "icons/icon-192.png", "icons/icon-512.png",
            "site.css", "favicon.svg", "newsroom.css", "newsroom.js", "share.js", "comments.js", "moderation.js", "preview.css");
    /** The body font's part for plain English text, which every public page preloads. */
    public static final String FONT = "fonts/broadsheet-serif.woff2";
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern CSS_FILE = Pattern.compile("url\\((fonts/[^)?]+)\\)");
    private static final Map<String, File> LOADED = load();
    /**
     * The script of an article's share and copy buttons, set in the page itself rather than fetched: on a slow phone a
     * file of its own is one more request racing the lead picture. The content security policy allows exactly this text,
     * by its hash ({@link #SHARE_SCRIPT_HASH}).
     */
    public static final String SHARE_SCRIPT = withoutLineComments(new String(read("share.js"), StandardCharsets.UTF_8));
    /** The policy's source expression for {@link #SHARE_SCRIPT}. */
    static final String SHARE_SCRIPT_HASH = "'sha256-" + Base64.getEncoder().encodeToString(sha256(SHARE_SCRIPT)) + "'";
    /** The page's background, the colour of the browser's bar and of an installed app's splash screen. */
    public static final String THEME_COLOUR = "#ffffff";

    /** One file: the answer for its versioned address (kept for a year) and for its bare one (kept briefly). */
    private record File(String version, Pages.Rendered versioned, Pages.Rendered bare, Pages.Rendered wellKnown) {}

    private final Supplier<String> siteName;

    /** {@code siteName}: the paper's name now, for the manifest. */
    public Assets(Supplier<String> siteName) {
        this.siteName = siteName;
    }

    /** The address to link, with its version. */
    public static String link(String name) {
        File file = LOADED.get(name);
        if (file == null) throw new IllegalArgumentException("no asset " + name);
        return "/assets/" + name + "?v=" + file.version();
    }

    /** The address to link, with its version. */
    public String url(String name) {
        return link(name);
    }

    public void serve(Context ctx) {
        String name = ctx.pathParam("name");
        File file = LOADED.get(name);
        if (file == null) throw HttpProblem.notFound();
        Pages.write(ctx, file.version().equals(ctx.queryParam("v")) ? file.versioned() : file.bare());
    }

    /** {@code /favicon.ico}, which browsers ask for whatever the page links. */
    public void favicon(Context ctx) {
        Pages.write(ctx, LOADED.get("icons/favicon.ico").wellKnown());
    }

    /** {@code /apple-touch-icon.png}, which iOS asks for whatever the page links. */
    public void touchIcon(Context ctx) {
        Pages.write(ctx, LOADED.get("icons/apple-touch-icon.png").wellKnown());
    }

    /**
     * {@code /manifest.webmanifest}: what a browser needs to install the site as an app, named after the paper (a change of
     * the name in the settings purges every page, this one with them).
     */
    public void manifest(Context ctx) {
        String name = siteName.get();
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("name", name);
        manifest.put("short_name", name);
        manifest.put("start_url", "/");
        manifest.put("scope", "/");
        manifest.put("display", "browser");
        manifest.put("theme_color", THEME_COLOUR);
        manifest.put("background_color", THEME_COLOUR);
        manifest.put("icons", List.of(
                Map.of("src", link("icons/icon-192.png"), "sizes", "192x192", "type", "image/png", "purpose", "any maskable"),
                Map.of("src", link("icons/icon-512.png"), "sizes", "512x512", "type", "image/png", "purpose", "any maskable"),
                Map.of("src", link("favicon.svg"), "sizes", "any", "type", "image/svg+xml")));
        Pages.sendUncached(ctx, Json.bytes(manifest), "application/manifest+json", CachePolicy.PUBLIC_PAGE,
                List.of("manifest"));
    }

    private static Map<String, File> load() {
        Map<String, File> files = new HashMap<>();
        for (String name : FILES) {
            byte[] bytes = read(name);
            if (name.endsWith(".css")) bytes = versionFonts(minified(new String(bytes, StandardCharsets.UTF_8)), files);
            String type = type(name);
            files.put(name, new File(Pages.hash(bytes).substring(0, 12), answer(bytes, type, CachePolicy.IMMUTABLE),
                    answer(bytes, type, CachePolicy.PUBLIC_PAGE), answer(bytes, type, CachePolicy.PUBLIC_FILE)));
        }
        return Map.copyOf(files);
    }

    /** A script without its whole-line comments, which only its readers in the source need. */
    static String withoutLineComments(String script) {
        return script.replaceAll("(?m)^[ \\t]*//.*\\n", "");
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(String name) {
        try (InputStream in = Assets.class.getResourceAsStream("/assets/" + name)) {
            if (in == null) throw new IllegalStateException("missing asset " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A stylesheet without its comments and indentation, a fifth fewer bytes before gzip: the file stays readable in the
     * source. Only whitespace next to a line break goes, so strings and values keep their spaces.
     */
    static String minified(String css) {
        return COMMENT.matcher(css).replaceAll("").replaceAll("[ \\t]*\\n\\s*", "\n");
    }

    /** {@code url(fonts/x.woff2)} in a stylesheet becomes {@code url(fonts/x.woff2?v=...)}; the files are loaded first. */
    private static byte[] versionFonts(String css, Map<String, File> loaded) {
        Matcher m = CSS_FILE.matcher(css);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            File file = loaded.get(m.group(1));
            if (file == null) throw new IllegalStateException("the stylesheet names " + m.group(1) + ", which is not an asset loaded before it");
            m.appendReplacement(out, Matcher.quoteReplacement("url(" + m.group(1) + "?v=" + file.version() + ")"));
        }
        m.appendTail(out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Text is gzipped once here; fonts and pictures are compressed already. */
    private static Pages.Rendered answer(byte[] bytes, String type, CachePolicy policy) {
        boolean compressed = type.startsWith("font/") || type.equals("image/png");
        return compressed ? new Pages.Rendered(bytes, null, Pages.hash(bytes), type, policy, "assets", Map.of())
                : Pages.prepare(bytes, type, policy, List.of("assets"), Map.of());
    }

    private static String type(String name) {
        if (name.endsWith(".css")) return "text/css; charset=utf-8";
        if (name.endsWith(".svg")) return "image/svg+xml";
        if (name.endsWith(".js")) return "text/javascript; charset=utf-8";
        if (name.endsWith(".woff2")) return "font/woff2";
        if (name.endsWith(".png")) return "image/png";
        if (name.endsWith(".ico")) return "image/x-icon";
        return "text/plain; charset=utf-8";
    }
}
