package broadsheet.web;

import broadsheet.shared.Staff;
import broadsheet.shared.StaffRole;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The one access check, run before every matched route. A route must name a role; {@link Role#ANYONE}
 * routes pass without looking at cookies. Newsroom routes need a session whose person holds the role: a
 * visitor without one is sent to sign in, a lower role gets 403. The Admin API needs a bearer token of
 * the role instead (401 problem without one). Every state-changing newsroom request must carry the
 * session's CSRF token, or it is refused with 403 and nothing happens. While the paper's settings require
 * two-factor sign-in, an editor or admin without it may only set it up (or sign out): other pages send them
 * to {@link #TWO_FACTOR_SETUP}, other forms are refused.
 *
 * <p>{@link Role#READER} routes need a reader's session instead ({@link ReaderAccess}, which runs before this
 * check): without one, a page sends the visitor to the readers' sign-in and a form is refused with 403; every
 * state-changing request must carry that session's CSRF token. A newsroom session is no reader's, and a reader's
 * cookie is no newsroom session.
 */
public final class Access {
    public static final String CSRF_FIELD = "_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** Where an editor or admin sets up two-factor sign-in when the paper requires it. */
    public static final String TWO_FACTOR_SETUP = "/newsroom/account/two-factor";
    /** What such a person may still use: their account page (password included), the setup steps, and signing out. */
    private static final Set<String> SETUP_PATHS = Set.of("/newsroom/account", "/newsroom/account/password", TWO_FACTOR_SETUP,
            TWO_FACTOR_SETUP + "/confirm", "/newsroom/logout");
    private static final String VISITOR = "broadsheet.visitor";
    private final Visitor.Lookup visitors;
    private final BooleanSupplier twoFactorRequired;
    private final Clock clock;

    /** {@code twoFactorRequired} says whether the paper's settings require two-factor sign-in for editors and admins now. */
    public Access(Visitor.Lookup visitors, BooleanSupplier twoFactorRequired, Clock clock) {
        this.visitors = visitors;
        this.twoFactorRequired = twoFactorRequired;
        this.clock = clock;
    }

    public void check(Context ctx) {
        var roles = ctx.routeRoles();
        if (roles.isEmpty()) throw new HttpProblem(403, "Forbidden", "You may not use this address.");
        if (roles.contains(Role.ANYONE)) return;
        if (roles.contains(Role.READER)) {
            checkReader(ctx);
            return;
        }
        StaffRole needed = roles.stream().map(r -> ((Role) r).staffRole()).min(Enum::compareTo).orElseThrow();
        if (ctx.path().startsWith("/api/admin/")) {
            checkToken(ctx, needed);
            return;
        }
        Optional<Visitor.SignedIn> session = visitors.session(ctx.cookie(Cookies.SESSION), clock.instant());
        if (session.isEmpty()) {
            signInFirst(ctx, "/newsroom/login", "Your session has ended. Sign in again; what you sent was not saved.");
            return;
        }
        Visitor.SignedIn s = session.get();
        if (!s.staff().role().atLeast(needed)) {
            throw new HttpProblem(403, "Not allowed", "This needs the " + needed.label().toLowerCase() + " role; you are a "
                    + s.staff().role().label().toLowerCase() + ".");
        }
        if (changesState(ctx) && !sameToken(s.csrf(), submittedCsrf(ctx))) {
            throw new HttpProblem(403, "Form expired", "This form is out of date or did not come from this site. Reload the page and try again; nothing was saved.");
        }
        if (!SETUP_PATHS.contains(ctx.path()) && mustSetUpTwoFactor(s.staff())) {
            if (ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD) {
                ctx.header("Cache-Control", CachePolicy.NO_STORE.header());
                ctx.redirect(TWO_FACTOR_SETUP, HttpStatus.SEE_OTHER);
                ctx.skipRemainingHandlers();
                return;
            }
            throw new HttpProblem(403, "Two-factor sign-in needed", "This newsroom requires two-factor sign-in for editors and admins. "
                    + "Set it up on your account page first; nothing was saved.");
        }
        ctx.attribute(VISITOR, s);
    }

    /** No session: a page sends the visitor to sign in and come back; anything else is refused (403), nothing done. */
    private static void signInFirst(Context ctx, String signInPath, String refusal) {
        if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD) throw new HttpProblem(403, "Signed out", refusal);
        String next = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        ctx.header("Cache-Control", CachePolicy.NO_STORE.header());
        ctx.redirect(signInPath + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
        ctx.skipRemainingHandlers();
    }

    private static void checkReader(Context ctx) {
        Optional<SignedInReader> reader = ReaderAccess.current(ctx);
        if (reader.isEmpty()) {
            signInFirst(ctx, "/account/signin", "You are not signed in, or your session has ended. Sign in again; nothing was changed.");
            return;
        }
        if (changesState(ctx) && !sameToken(reader.get().csrf(), submittedCsrf(ctx))) {
            throw new HttpProblem(403, "Form expired", "This form is out of date or did not come from this site. Reload the page and try again; nothing was changed.");
        }
    }

    /** Whether this person must set up two-factor sign-in before using the newsroom: the settings require it of their role. */
    public boolean mustSetUpTwoFactor(Staff staff) {
        return staff.role().atLeast(StaffRole.EDITOR) && !staff.twoFactor() && twoFactorRequired.getAsBoolean();
    }

    private void checkToken(Context ctx, StaffRole needed) {
        var token = visitors.token(bearerToken(ctx), clock.instant());
        if (token.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"broadsheet-admin\"");
            throw new HttpProblem(401, "Unauthorized", "Send an Admin API token as: Authorization: Bearer bs_...");
        }
        if (!token.get().role().atLeast(needed)) {
            throw new HttpProblem(403, "Not allowed", "This token's role (" + token.get().role().word() + ") may not do this; it needs "
                    + needed.word() + ".");
        }
        ctx.attribute(VISITOR, token.get());
    }

    /** The token of an {@code Authorization: Bearer ...} header, or null. */
    static String bearerToken(Context ctx) {
        String header = ctx.header("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
    }

    /** Who is making this newsroom or Admin API request (set by the check). */
    public static Visitor visitor(Context ctx) {
        Visitor v = ctx.attribute(VISITOR);
        if (v == null) throw new IllegalStateException("no visitor on a route that needs one");
        return v;
    }

    static boolean changesState(Context ctx) {
        HandlerType m = ctx.method();
        return m == HandlerType.POST || m == HandlerType.PUT || m == HandlerType.PATCH || m == HandlerType.DELETE;
    }

    static String submittedCsrf(Context ctx) {
        String header = ctx.header(CSRF_HEADER);
        if (header != null) return header;
        if (!ctx.isMultipartFormData()) return ctx.formParam(CSRF_FIELD);
        // An upload: Jetty parses the parts (files to temporary files, within the size limits of
        // Server's multipart configuration), and the handler later reads the same parsed parts.
        try {
            return ctx.formParam(CSRF_FIELD);
        } catch (Exception e) { // Jetty's ServletException arrives undeclared, through Kotlin
            throw unreadableUpload(e);
        }
    }

    /** A multipart body the parser gave up on: too large (413) or malformed (400); nothing was stored. */
    private static HttpProblem unreadableUpload(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (m.contains("max length exceeded") || m.contains("max file size exceeded") || m.contains("too large")) {
                return new HttpProblem(413, "Too large", "What you sent is far larger than this site accepts for one picture. Nothing was stored.");
            }
        }
        return HttpProblem.badRequest("The form could not be read. Reload the page and try again; nothing was stored.");
    }

    public static boolean sameToken(String expected, String given) {
        return expected != null && given != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
