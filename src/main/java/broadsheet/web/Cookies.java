package broadsheet.web;

import io.javalin.http.Context;

/**
 * The site's cookies, all {@code HttpOnly} and {@code SameSite=Lax}, and {@code Secure} when the request
 * came over HTTPS (directly, or through a trusted proxy that says so). Anonymous readers' pages set few, so they
 * stay cacheable: the meter of a visitor not signed in, and the gift links' cookies. A reader who signs in gets
 * {@link #READER}, and from then on every page they are sent is private ({@link Pages}) and skips the
 * {@link PageCache}.
 */
public final class Cookies {
    /** The newsroom session. */
    public static final String SESSION = "bs_session";
    /** A reader's session on the public site (never the newsroom's). */
    public static final String READER = "bs_reader";
    /** The token forms carry before there is a session (sign-in, setup). */
    public static final String FORM = "bs_form";

    private Cookies() {}

    public static void set(Context ctx, String name, String value, int maxAgeSeconds) {
        StringBuilder c = new StringBuilder(name).append('=').append(value)
                .append("; Path=/; HttpOnly; SameSite=Lax");
        if (maxAgeSeconds >= 0) c.append("; Max-Age=").append(maxAgeSeconds);
        if (secure(ctx)) c.append("; Secure");
        ctx.res().addHeader("Set-Cookie", c.toString());
    }

    public static void clear(Context ctx, String name) {
        set(ctx, name, "", 0);
    }

    public static boolean secure(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme());
    }
}
