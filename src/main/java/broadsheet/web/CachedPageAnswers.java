package broadsheet.web;

import java.nio.ByteBuffer;
import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers an anonymous GET or HEAD of a page the {@link PageCache} holds in Jetty, before the request reaches the
 * site's routes: the answer {@link PageCache#serve} would send, with the same status, headers and body (the same
 * choice of gzip, the same {@code ETag} and 304, the same security headers), counted in the same request metrics, at a
 * fraction of the cost. Only a request whose answer cannot depend on anything the routes look at is answered here:
 * one that carries no session cookie (reader or newsroom), no {@code Authorization}, no body and no {@code Range}, to
 * an address written plainly (no percent-escapes, dot segments, doubled slashes or parameters), whose page was kept
 * from a route open to anyone. Everything else, a page not held included, goes on to the site unchanged.
 */
public final class CachedPageAnswers extends Handler.Wrapper {
    /** Told of every answer sent here, as the site's request log is told of the others. */
    @FunctionalInterface
    public interface Answered {
        void answered(String method, String path, int status, String route, long nanos);
    }

    private final PageCache cache;
    private final TrustedProxies proxies;
    private final Answered answered;

    public CachedPageAnswers(PageCache cache, TrustedProxies proxies, Answered answered, Handler site) {
        super(site);
        this.cache = cache;
        this.proxies = proxies;
        this.answered = answered;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long start = System.nanoTime();
        String method = request.getMethod();
        boolean head = "HEAD".equals(method);
        if (!head && !"GET".equals(method) || !cache.on()) return super.handle(request, response, callback);
        HttpURI uri = request.getHttpURI();
        String path = uri.getPath();
        String query = uri.getQuery();
        HttpFields fields = request.getHeaders();
        if (!plainPath(path) || query != null && !plainQuery(query) || !anonymousAndBodiless(fields)) {
            return super.handle(request, response, callback);
        }
        PageCache.Kept kept = cache.direct(query == null ? path : path + "?" + query);
        if (kept == null) return super.handle(request, response, callback);

        Pages.Rendered r = kept.rendered();
        HttpFields.Mutable out = response.getHeaders();
        SecurityHeaders.apply(path, scheme(request), out::put);
        // as Pages.write sends a shared answer
        boolean gzip = r.gzip() != null && Pages.acceptsGzip(fields.get(HttpHeader.ACCEPT_ENCODING));
        out.put(HttpHeader.CACHE_CONTROL, r.policy().header());
        out.put(HttpHeader.VARY, "Accept-Encoding");
        out.put(HttpHeader.ETAG, "\"" + r.hash() + (gzip ? "-gz" : "") + "\"");
        if (!r.surrogateKeys().isEmpty()) out.put("Surrogate-Key", r.surrogateKeys());
        r.extraHeaders().forEach(out::put);
        int status;
        if (Pages.notModified(fields.get(HttpHeader.IF_NONE_MATCH), fields.get(HttpHeader.IF_MODIFIED_SINCE), r)) {
            status = 304;
            // what the site's 304 carries: the framework's default type on an answer with no body
            out.put(MimeTypes.Type.TEXT_PLAIN.getContentTypeField());
            response.setStatus(304);
            response.write(true, null, callback);
        } else {
            status = 200;
            byte[] body = gzip ? r.gzip() : r.body();
            out.put(contentType(r.contentType()));
            if (gzip) out.put(HttpHeader.CONTENT_ENCODING, "gzip");
            out.put(HttpHeader.CONTENT_LENGTH, body.length);
            response.setStatus(200);
            response.write(true, head ? null : ByteBuffer.wrap(body), callback);
        }
        answered.answered(method, path, status, kept.route(), System.nanoTime() - start);
        return true;
    }

    /**
     * The {@code Content-Type} as the servlet response writes it: a type Jetty knows in its own spelling
     * ({@code text/html;charset=utf-8}), any other as given.
     */
    static HttpField contentType(String type) {
        MimeTypes.Type known = MimeTypes.CACHE.get(type);
        return known != null ? known.getContentTypeField() : new HttpField(HttpHeader.CONTENT_TYPE, type);
    }

    /**
     * The scheme the request came over, as {@link TrustedProxies#scheme} reads it for the site: the last
     * {@code X-Forwarded-Proto} when the peer is a trusted proxy, else the connection's own.
     */
    private String scheme(Request request) {
        if (proxies.trusted(Request.getRemoteAddr(request))) {
            String last = "";
            for (String line : request.getHeaders().getValuesList("X-Forwarded-Proto")) {
                for (String part : line.split(",")) {
                    if (!part.isBlank()) last = part.strip();
                }
            }
            if (last.equalsIgnoreCase("https")) return "https";
            if (last.equalsIgnoreCase("http")) return "http";
        }
        return request.getHttpURI().getScheme();
    }

    /**
     * A path the site sees exactly as written: letters, digits and {@code - . _ ~ /}, starting with a slash, with no
     * doubled slash and no segment starting with a dot. Anything else (escapes, parameters, {@code ..}) is left to the
     * site, which decodes, refuses or routes it as it always has.
     */
    static boolean plainPath(String path) {
        if (path == null || path.isEmpty() || path.charAt(0) != '/') return false;
        char previous = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '~'
                    || c == '/' && previous != '/' || c == '.' && previous != '/';
            if (!ok) return false;
            previous = c;
        }
        return true;
    }

    /** A query string of visible ASCII: the page cache's key holds it as written, so only the very same one finds a page. */
    static boolean plainQuery(String query) {
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '#') return false;
        }
        return true;
    }

    /** Cookies that sign someone in; a request with one goes to the site, which looks the session up. */
    private static final List<String> SESSION_COOKIES = List.of(Cookies.READER + "=", Cookies.SESSION + "=");

    /**
     * No session cookie, credentials, body or range: nothing the site would read before answering from the cache. (A
     * stale or unknown cookie would still get the cached page from the site; it is simply not decided here.)
     */
    static boolean anonymousAndBodiless(HttpFields fields) {
        if (fields.contains(HttpHeader.AUTHORIZATION) || fields.contains(HttpHeader.RANGE) || fields.contains(HttpHeader.TRANSFER_ENCODING)
                || fields.contains(HttpHeader.EXPECT)) {
            return false;
        }
        String length = fields.get(HttpHeader.CONTENT_LENGTH);
        if (length != null && !length.equals("0")) return false;
        for (String line : fields.getValuesList(HttpHeader.COOKIE)) {
            for (String cookie : SESSION_COOKIES) {
                if (line.contains(cookie)) return false;
            }
        }
        return true;
    }
}
