package broadsheet.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the errors Jetty raises before a request reaches the site (a malformed address, an oversized
 * header, a body over its address's limit): a short HTML page, or problem JSON under {@code /api/}, with the
 * same security headers as every other answer, never Jetty's page.
 */
public final class LowLevelErrors extends ErrorHandler {
    public LowLevelErrors() {
        setShowStacks(false);
        setShowMessageInTitle(false);
        setCacheControl("no-store");
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        write(request, response, code, message, callback);
    }

    /**
     * Writes the answer for {@code code} (its status already set) as {@link #generateResponse} does; for a caller that
     * answers by itself rather than through Jetty's error handling, which gives up on a body not yet read.
     */
    static void write(Request request, Response response, int code, String message, Callback callback) {
        HttpFields.Mutable headers = response.getHeaders();
        secure(headers);
        // only the site's own words are repeated (BodyLimits' 413); Jetty's may name its internals
        String detail = message != null && message.startsWith("What you sent") ? message : null;
        String path = Request.getPathInContext(request);
        if (path != null && path.startsWith("/api/")) {
            headers.put(HttpHeader.CONTENT_TYPE, ProblemJson.CONTENT_TYPE);
            byte[] problem = ProblemJson.of(code, title(code), detail(code, detail)).bytes(path);
            response.write(true, ByteBuffer.wrap(problem), callback);
            return;
        }
        headers.put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        response.write(true, ByteBuffer.wrap(page(code, detail)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        secure(fields);
        fields.put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        return ByteBuffer.wrap(page(status, null));
    }

    private static void secure(HttpFields.Mutable headers) {
        headers.put("Content-Security-Policy", "default-src 'none'; base-uri 'none'; frame-ancestors 'none'");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "strict-origin-when-cross-origin");
        headers.put("Cache-Control", "no-store");
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 404 -> "Page not found";
            case 413, 431 -> "Request too large";
            case 414 -> "Address too long";
            default -> status >= 500 ? "Something went wrong" : "Request refused";
        };
    }

    private static String detail(int status, String detail) {
        return detail != null ? detail : "This site could not read the request (error " + status + ").";
    }

    private static byte[] page(int status, String detail) {
        String title = title(status);
        return ("<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + title + "</title></head><body><main><h1>" + title + "</h1>"
                + "<p>" + detail(status, detail) + "</p>"
                + "<p><a href=\"/\">Go to the front page</a></p></main></body></html>\n").getBytes(StandardCharsets.UTF_8);
    }
}
