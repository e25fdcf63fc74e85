package broadsheet.web;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * How large a request body each address takes, enforced in Jetty before the site sees the request, so a body
 * is never read, let alone kept in memory, past its address's limit. A body declared larger is answered with
 * 413 at once, before any of it is read; then, up to {@link #DRAINED}, it is read and dropped so that the client
 * sees the answer, and past that the connection is closed and the rest never waited for. A chunked body is cut
 * off with 413 at the byte that passes the limit. Forms get the small limit; the article
 * editor and the Admin API room for an article at its longest; the picture limit is for the upload addresses
 * alone, whose bodies are read only after {@link Access} has let the person or token in. Which route a path
 * is lies in {@link Routes}; this class only knows the few addresses that take more than a form.
 */
public final class BodyLimits extends Handler.Wrapper {
    /** The upload addresses, the only ones that take a picture-sized body. */
    static final Set<String> UPLOADS = Set.of("/newsroom/media", "/api/admin/v1/images");
    /** Stripe's webhook, whose events are a few kilobytes: room for the largest, and no more. */
    static final String WEBHOOK = "/payments/stripe/webhook";
    static final long WEBHOOK_LIMIT = 256 * 1024;
    /**
     * The comment word lists' form: two lists of at most 500 entries of at most 60 characters, each character
     * percent-encoded as up to nine bytes and each line break as six ({@code %0D%0A}): 546,000 bytes, and room for
     * the token. Larger than a form, and only for this address.
     */
    static final String WORD_LISTS = "/newsroom/comments/words";
    static final long WORD_LISTS_LIMIT = 560 * 1024;
    /**
     * A body declared past its limit by a client that sends it whole (a browser posting a form) is read and dropped
     * after the 413 has gone out, up to this size: closing the connection while unread bytes wait in it makes the
     * operating system reset it, and the client may then lose the answer it had not yet read. A larger one is not
     * read; its connection is closed after the answer.
     */
    static final long DRAINED = 1024 * 1024;
    private final Sizes sizes;

    /**
     * The limits in bytes: {@code form} for every form and anything else, {@code editor} for the article
     * editor's forms, {@code json} for the Admin API, {@code upload} for the upload addresses.
     */
    public record Sizes(long form, long editor, long json, long upload) {
        /**
         * Readers' account forms ({@code /account/...}): an email, a name and two passwords of at most 1,000
         * characters each, percent-encoded, fit with room to spare; anything larger is refused unread.
         */
        public static final long ACCOUNT_FORM = 24 * 1024;

        /**
         * Readers' comment forms ({@code POST /comments/...}): a comment of 5,000 characters, each percent-encoded as
         * twelve bytes at worst (four bytes of UTF-8, an emoji), and the form's few other fields, whatever the paper's
         * form limit; nothing larger is read.
         */
        public static final long COMMENT_FORM = 12L * 5000 + 8 * 1024;

        /**
         * Limits that fit an article body of {@code bodyCharacters} characters in every way a client may send it:
         * percent-encoded in a form, a character outside ASCII takes nine bytes ({@code %D0%96}... three per byte
         * of UTF-8); written as JSON by a client that escapes all of them ({@code \u0416}, as Python does by
         * default), six. The rest of an article (headline, names, words) fits in a form's room.
         */
        public static Sizes forArticles(long form, int bodyCharacters, long upload) {
            return new Sizes(form, form + 9L * bodyCharacters, form + 6L * bodyCharacters, upload);
        }

        public long largest() {
            return Math.max(Math.max(form, editor), Math.max(json, upload));
        }

        /** The limit for a request to this path with this method. */
        long of(String method, String path) {
            boolean post = "POST".equals(method);
            if (post && UPLOADS.contains(path)) return upload;
            if (post && path.equals(WEBHOOK)) return WEBHOOK_LIMIT;
            if (post && path.equals(WORD_LISTS)) return Math.max(form, WORD_LISTS_LIMIT);
            if (path.startsWith("/api/admin/")) return json;
            if (path.equals("/account") || path.startsWith("/account/")) return Math.min(form, ACCOUNT_FORM);
            if (post && path.startsWith("/comments/")) return COMMENT_FORM;
            // an article's comment controls are a small form, whatever the editor's forms beside them take
            boolean editorForm = path.equals("/newsroom/articles") || path.equals("/newsroom/preview")
                    || path.startsWith("/newsroom/articles/") && !path.endsWith("/comments");
            if (post && editorForm) {
                return editor;
            }
            return form;
        }
    }

    public BodyLimits(Sizes sizes) {
        this.sizes = sizes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long limit = sizes.of(request.getMethod(), Request.getPathInContext(request));
        long declared = request.getLength();
        if (declared > limit) {
            // nothing of the body is read before the answer, which goes out now; then a body of at most DRAINED is read
            // and dropped, so that a client still sending it reads the answer rather than a reset connection, and a
            // larger one is not waited for: the connection is closed
            if (declared > DRAINED) {
                Response.writeError(request, response, callback, 413, tooLarge(limit));
                return true;
            }
            // written here rather than through Jetty's error handling, which would give up on the body unread
            response.setStatus(413);
            LowLevelErrors.write(request, response, 413, tooLarge(limit), Callback.from(
                    () -> Content.Source.consumeAll(request, Callback.from(callback::succeeded, callback::failed)), callback::failed));
            return true;
        }
        return super.handle(new Limited(request, limit), response, callback);
    }

    /** What a 413 says: the limit, in words a person can act on. */
    static String tooLarge(long limit) {
        return "What you sent is too large for this address (at most " + size(limit) + "). Nothing was saved.";
    }

    private static String size(long bytes) {
        if (bytes >= 1024 * 1024) return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024)).replace(".0 ", " ");
        return (bytes + 1023) / 1024 + " KB";
    }

    /**
     * The refusal for a body that could not be read: one cut off at its limit (413), or malformed or cut short
     * on the wire (400: a broken chunk, a connection ended early). Empty when the failure was something else.
     */
    public static Optional<HttpProblem> unreadable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpException h) {
                if (h.getCode() == 413) {
                    String reason = h.getReason();
                    return Optional.of(new HttpProblem(413, "Too large", reason != null && reason.startsWith("What you sent")
                            ? reason : "What you sent is too large for this address. Nothing was saved."));
                }
                return Optional.of(HttpProblem.badRequest("The request's body could not be read: it was malformed or cut short. Nothing was saved."));
            }
        }
        return Optional.empty();
    }

    /** Counts the bytes of a body read without a declared length, and fails the read that passes the limit. */
    private static final class Limited extends Request.Wrapper {
        private final long limit;
        private long read;

        Limited(Request request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk chunk = super.read();
            if (chunk == null || Content.Chunk.isFailure(chunk)) return chunk;
            read += chunk.remaining();
            if (read <= limit) return chunk;
            chunk.release();
            var failure = new HttpException.RuntimeException(413, tooLarge(limit));
            // every later read and demand fails the same way, and the connection is not reused
            getWrapped().fail(failure);
            return Content.Chunk.from(failure, true);
        }
    }
}
