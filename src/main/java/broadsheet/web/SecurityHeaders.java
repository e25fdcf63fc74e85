package broadsheet.web;

import io.javalin.http.Context;
import java.util.function.BiConsumer;

/**
 * Headers on every response that tell browsers to load nothing from elsewhere, frame nothing, sniff
 * nothing and send little of the reader's trail. The site needs no third party, so the policy is tight: the one
 * script set in a page (an article's share buttons) is allowed by its hash, never any inline script.
 */
public final class SecurityHeaders {
    private static final String POLICY = String.join("; ",
            "default-src 'self'",
            "img-src 'self' data:",
            "style-src 'self'",
            "script-src 'self' " + Assets.SHARE_SCRIPT_HASH,
            "font-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'");
    private static final String CSP = POLICY + "; frame-ancestors 'none'";

    private SecurityHeaders() {}

    /**
     * Whether a page is kept apart from any window that opened it or that it opens ({@code Cross-Origin-Opener-Policy:
     * same-origin}): the newsroom's and readers' account pages, where sessions, passwords and payments are. The public
     * pages leave it out: they hold nothing of one reader's, and the isolation makes the browser start a page in a
     * fresh process, a cost every reader would pay (a quarter of a second on a slow phone, by Lighthouse's count).
     */
    static boolean isolated(String path) {
        return path.startsWith("/newsroom") || path.startsWith("/account");
    }

    /**
     * Lets pages of this site, and no other, show this response in a frame: the newsroom editor's preview of an
     * article, which has no form or button that a framing page could trick someone into using.
     */
    public static void frameableBySelf(Context ctx) {
        ctx.header("Content-Security-Policy", POLICY + "; frame-ancestors 'self'");
        ctx.header("X-Frame-Options", "SAMEORIGIN");
    }

    public static void apply(Context ctx) {
        apply(ctx.path(), ctx.scheme(), ctx::header);
    }

    /** The headers for a request to {@code path} that came over {@code scheme}, each given to {@code header}. */
    static void apply(String path, String scheme, BiConsumer<String, String> header) {
        header.accept("Content-Security-Policy", CSP);
        header.accept("X-Content-Type-Options", "nosniff");
        header.accept("Referrer-Policy", "strict-origin-when-cross-origin");
        header.accept("X-Frame-Options", "DENY");
        header.accept("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
        if (isolated(path)) header.accept("Cross-Origin-Opener-Policy", "same-origin");
        if ("https".equalsIgnoreCase(scheme)) {
            header.accept("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }
}
