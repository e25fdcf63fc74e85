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
 * header): a short HTML page with the same security headers as every other answer, never Jetty's page.
 */
final class LowLevelErrors extends ErrorHandler {
    LowLevelErrors() {
        setShowStacks(false);
        setShowMessageInTitle(false);
        setCacheControl("no-store");
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        HttpFields.Mutable headers = response.getHeaders();
        secure(headers);
        headers.put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        response.write(true, ByteBuffer.wrap(page(code)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        secure(fields);
        fields.put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        return ByteBuffer.wrap(page(status));
    }

    private static void secure(HttpFields.Mutable headers) {
        headers.put("Content-Security-Policy", "default-src 'none'; base-uri 'none'; frame-ancestors 'none'");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "strict-origin-when-cross-origin");
        headers.put("Cache-Control", "no-store");
    }

    private static byte[] page(int status) {
        String title = switch (status) {
            case 400 -> "Bad request";
            case 404 -> "Page not found";
            case 413, 431 -> "Request too large";
            case 414 -> "Address too long";
            default -> status >= 500 ? "Something went wrong" : "Request refused";
        };
        return ("<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + title + "</title></head><body><main><h1>" + title + "</h1>"
                + "<p>This site could not read the request (error " + status + ").</p>"
                + "<p><a href=\"/\">Go to the front page</a></p></main></body></html>\n").getBytes(StandardCharsets.UTF_8);
    }
}
