package broadsheet.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collection;
import java.util.zip.GZIPOutputStream;

/**
 * Renders the precompiled jte templates (each takes one view record) and sends responses with the
 * caching headers a CDN can use: {@code Cache-Control}, a strong {@code ETag} answered with 304 when it
 * matches, and {@code Surrogate-Key}. Bodies are gzipped here, not by the server, so each encoding has
 * its own strong ETag as HTTP requires.
 */
public final class Pages {
    private static final int GZIP_MIN_BYTES = 1024;
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /** Renders a template, e.g. {@code render("article/page.jte", view)}. */
    public String render(String template, Object view) {
        StringOutput out = new StringOutput(16 * 1024);
        engine.render(template, view, out);
        return out.toString();
    }

    public void html(Context ctx, String template, Object view, CachePolicy cache, Collection<String> surrogateKeys) {
        send(ctx, render(template, view).getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8", cache, surrogateKeys);
    }

    /** Sends a body with caching headers; answers 304 when the client already has this version. */
    public static void send(Context ctx, byte[] body, String contentType, CachePolicy cache, Collection<String> surrogateKeys) {
        boolean gzip = body.length >= GZIP_MIN_BYTES && acceptsGzip(ctx.header("Accept-Encoding"));
        String hash = hash(body);
        String etag = "\"" + hash + (gzip ? "-gz" : "") + "\"";
        ctx.header("Cache-Control", cache.header());
        ctx.header("Vary", "Accept-Encoding");
        if (cache != CachePolicy.NO_STORE) ctx.header("ETag", etag);
        if (!surrogateKeys.isEmpty()) ctx.header("Surrogate-Key", String.join(" ", surrogateKeys));
        if (cache != CachePolicy.NO_STORE && matches(ctx.header("If-None-Match"), hash)) {
            ctx.status(304);
            return;
        }
        ctx.contentType(contentType);
        if (gzip) {
            ctx.header("Content-Encoding", "gzip");
            ctx.result(gzip(body));
        } else {
            ctx.result(body);
        }
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

    static boolean acceptsGzip(String acceptEncoding) {
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

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
