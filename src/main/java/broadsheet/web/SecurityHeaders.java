package broadsheet.web;

import io.javalin.http.Context;

/**
 * Headers on every response that tell browsers to load nothing from elsewhere, frame nothing, sniff
 * nothing and send little of the reader's trail. The site needs no third party, so the policy is tight.
 */
public final class SecurityHeaders {
    private static final String POLICY = String.join("; ",
            "default-src 'self'",
            "img-src 'self' data:",
            "style-src 'self'",
            "script-src 'self'",
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
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
        if (isolated(ctx.path())) ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        if ("https".equalsIgnoreCase(ctx.scheme())) {
            ctx.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }
}
