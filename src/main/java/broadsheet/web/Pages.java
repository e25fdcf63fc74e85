package broadsheet.web;

import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Renders the precompiled jte templates (each a typed {@link Template} taking one view record) and sends responses with the
 * caching headers a CDN can use: {@code Cache-Control}, a strong {@code ETag} answered with 304 when it
 * matches, and {@code Surrogate-Key}. Bodies are gzipped here, not by the server, so each encoding has
 * its own strong ETag as HTTP requires. Public answers are offered to the {@link PageCache}.
 *
 * <p>A signed-in reader's pages are theirs alone: the masthead's "Sign in" becomes their name, linking to their
 * account, and the answer is sent {@link CachePolicy#PRIVATE} with {@code Vary: Cookie}, never offered to the page
 * cache. Anonymous answers are sent exactly as before.
 */
public final class Pages {
    private static final int GZIP_MIN_BYTES = 1024;
    private final PageCache cache;

    public Pages(PageCache cache) {
        this.cache = cache;
    }

    /** A response body with everything needed to send it again: its gzip form, hash and headers. */
    public record Rendered(byte[] body, byte[] gzip, String hash, String contentType, CachePolicy policy,
                           String surrogateKeys, Map<String, String> extraHeaders) {
        int weight() {
            return body.length + (gzip == null ? 0 : gzip.length) + 256;
        }
    }

    /**
     * Renders a template, such as a page class's {@code PAGE} constant, as jte's precompiled engine does for
     * {@code ContentType.Html}: through the OWASP-escaping output, with no HTML interceptor.
     */
    public static <V> String render(Template<V> template, V view) {
        StringOutput out = new StringOutput(16 * 1024);
        template.render(new OwaspHtmlTemplateOutput(out), null, view);
        return out.toString();
    }

    /** Renders a template and sends it as an HTML page, as {@link #send} does. */
    public <V> void html(Context ctx, Template<V> template, V view, CachePolicy policy, Collection<String> surrogateKeys) {
        String html = render(template, view);
        Optional<SignedInReader> reader = ReaderAccess.current(ctx);
        if (reader.isPresent()) {
            // the reader's name goes in before the page is encoded, once
            byte[] body = withReader(html, reader.get()).getBytes(StandardCharsets.UTF_8);
            write(ctx, prepare(body, HTML, CachePolicy.PRIVATE, surrogateKeys, Map.of(), Deflater.BEST_SPEED));
            return;
        }
        send(ctx, html.getBytes(StandardCharsets.UTF_8), HTML, policy, surrogateKeys, Map.of());
    }

    private static final String HTML = "text/html; charset=utf-8";

    /** Sends a body with caching headers (answering 304 when the client has it) and offers it to the page cache. */
    public void send(Context ctx, byte[] body, String contentType, CachePolicy policy, Collection<String> surrogateKeys,
                     Map<String, String> extraHeaders) {
        if (ReaderAccess.current(ctx).isPresent()) {
            write(ctx, forReader(ctx, body, contentType, surrogateKeys, extraHeaders));
            return;
        }
        // an answer the page cache keeps is compressed once for many requests: it gets the smaller gzip
        boolean kept = policy.shared() && cache.marked(ctx);
        Rendered r = prepare(body, contentType, policy, surrogateKeys, extraHeaders, kept ? Deflater.DEFAULT_COMPRESSION : Deflater.BEST_SPEED);
        if (kept) cache.keep(ctx, r);
        write(ctx, r);
    }

    /** The masthead's account link, as {@code layout/page.jte} writes it for anonymous visitors. */
    private static final String ACCOUNT_LINK = "<a class=\"account-link\" href=\"";

    /** The answer for this request's signed-in reader: private, and with their name in the masthead. */
    private static Rendered forReader(Context ctx, byte[] body, String contentType, Collection<String> keys, Map<String, String> extra) {
        return prepare(withReader(body, contentType, ReaderAccess.current(ctx).orElseThrow()), contentType, CachePolicy.PRIVATE, keys, extra,
                Deflater.BEST_SPEED);
    }

    /** An HTML page with the masthead's "Sign in" turned into the reader's name, linking to their account. */
    static byte[] withReader(byte[] body, String contentType, SignedInReader reader) {
        if (!contentType.startsWith("text/html")) return body;
        String html = new String(body, StandardCharsets.UTF_8);
        String changed = withReader(html, reader);
        return changed == html ? body : changed.getBytes(StandardCharsets.UTF_8);
    }

    /** As {@link #withReader(byte[], String, SignedInReader)}, on a page not yet encoded; the same string when it has no such link. */
    static String withReader(String html, SignedInReader reader) {
        int start = html.indexOf(ACCOUNT_LINK);
        int end = start < 0 ? -1 : html.indexOf("</a>", start);
        if (end < 0) return html;
        String link = ACCOUNT_LINK + "/account\">" + escape(reader.shownName()) + "</a>";
        return html.substring(0, start) + link + html.substring(end + 4);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    /** As {@link #send}, never cached in memory (for content already held in memory). */
    public static void sendUncached(Context ctx, byte[] body, String contentType, CachePolicy policy, Collection<String> keys) {
        write(ctx, prepare(body, contentType, policy, keys, Map.of()));
    }

    static Rendered prepare(byte[] body, String contentType, CachePolicy policy, Collection<String> keys, Map<String, String> extra) {
        return prepare(body, contentType, policy, keys, extra, Deflater.DEFAULT_COMPRESSION);
    }

    /**
     * {@code level}: the gzip level; the fastest for an answer made for one request, where compressing costs more CPU
     * than the few per cent of bytes the default saves. Only a shared answer gets a hash (its {@code ETag}).
     */
    static Rendered prepare(byte[] body, String contentType, CachePolicy policy, Collection<String> keys, Map<String, String> extra,
                            int level) {
        byte[] gzip = body.length >= GZIP_MIN_BYTES ? gzip(body, level) : null;
        return new Rendered(body, gzip, policy.shared() ? hash(body) : null, contentType, policy, String.join(" ", keys), extra);
    }

    /**
     * Sends an error answer (a page or problem JSON, its status already set) as pages are sent, gzipped when the
     * client accepts it, but without an {@code ETag}: a refusal is not a version of anything to revalidate.
     */
    public static void sendError(Context ctx, byte[] body, String contentType, CachePolicy policy) {
        boolean reader = ReaderAccess.current(ctx).isPresent();
        write(ctx, reader ? forReader(ctx, body, contentType, List.of(), Map.of())
                : prepare(body, contentType, policy, List.of(), Map.of(), Deflater.BEST_SPEED), false);
    }

    /** Writes a prepared response, choosing gzip when the client accepts it. */
    static void write(Context ctx, Rendered r) {
        write(ctx, r, r.policy().shared());
    }

    /** {@code validated}: with an {@code ETag}, answering 304 when the client already has this body. */
    private static void write(Context ctx, Rendered r, boolean validated) {
        boolean gzip = r.gzip() != null && acceptsGzip(ctx.header("Accept-Encoding"));
        ctx.header("Cache-Control", r.policy().header());
        ctx.header("Vary", r.policy() == CachePolicy.PRIVATE ? "Accept-Encoding, Cookie" : "Accept-Encoding");
        if (validated) ctx.header("ETag", "\"" + r.hash() + (gzip ? "-gz" : "") + "\"");
        if (!r.surrogateKeys().isEmpty()) ctx.header("Surrogate-Key", r.surrogateKeys());
        r.extraHeaders().forEach(ctx::header);
        if (validated && notModified(ctx.header("If-None-Match"), ctx.header("If-Modified-Since"), r)) {
            ctx.status(304);
            return;
        }
        ctx.contentType(r.contentType());
        if (gzip) {
            ctx.header("Content-Encoding", "gzip");
            ctx.result(r.gzip());
        } else {
            ctx.result(r.body());
        }
    }

    /**
     * Whether the client already has this body: its {@code If-None-Match} names it, or, when it sends no
     * {@code If-None-Match} (which then decides alone, as RFC 9110 says), its {@code If-Modified-Since} is at or after
     * the answer's {@code Last-Modified}. The same whether the answer was just rendered or comes from the page cache.
     */
    static boolean notModified(String ifNoneMatch, String ifModifiedSince, Rendered r) {
        return notModified(ifNoneMatch, ifModifiedSince, r.hash(), r.extraHeaders().get("Last-Modified"));
    }

    /**
     * As {@link #notModified(String, String, Rendered)}, for an answer written outside this class (the feeds): its
     * version as its {@code ETag} names it (without quotes or {@code -gz}) and its {@code Last-Modified} (null: none).
     */
    public static boolean notModified(String ifNoneMatch, String ifModifiedSince, String version, String lastModified) {
        if (ifNoneMatch != null) return matches(ifNoneMatch, version);
        return lastModified != null && notModifiedSince(ifModifiedSince, lastModified);
    }

    /** Whether an {@code If-Modified-Since} date is at or after {@code lastModified} (both HTTP dates); false when either is unreadable. */
    static boolean notModifiedSince(String ifModifiedSince, String lastModified) {
        if (ifModifiedSince == null) return false;
        try {
            Instant since = ZonedDateTime.parse(ifModifiedSince.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Instant modified = ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return !modified.isAfter(since);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** An instant as an HTTP date ({@code Sun, 7 Dec 2025 14:58:00 GMT}), for {@code Last-Modified}. */
    public static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(ZoneOffset.UTC));
    }

    /** True when an If-None-Match header names this content, in any encoding. */
    static boolean matches(String ifNoneMatch, String hash) {
        if (ifNoneMatch == null) return false;
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || t.equals("\"" + hash + "\"") || t.equals("\"" + hash + "-gz\"")) return true;
        }
        return false;
    }

    /** Whether an {@code Accept-Encoding} takes gzip (named, and not with {@code q=0}). */
    public static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) return false;
        for (String part : acceptEncoding.split(",")) {
            String[] bits = part.strip().split(";");
            if (bits[0].strip().equalsIgnoreCase("gzip")) {
                return bits.length < 2 || !bits[1].replace(" ", "").matches("q=0(\\.0*)?");
            }
        }
        return false;
    }

    static String hash(byte[] body) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d).substring(0, 27);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(byte[] body, int level) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3);
        try (GZIPOutputStream gz = new LeveledGzip(out, level)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A gzip stream at a chosen level (the standard one offers only the default). */
    private static final class LeveledGzip extends GZIPOutputStream {
        LeveledGzip(ByteArrayOutputStream out, int level) throws IOException {
            super(out, 8192);
            def.setLevel(level);
        }
    }
}
