package broadsheet.web;

import broadsheet.shared.Hmac;
import io.javalin.http.Context;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * The token that forms posted before there is a session (sign-in, its second step, setup) carry, so another
 * site cannot post them. The browser holds a {@link Cookies#FORM} cookie: a random value signed with a key
 * every instance shares; the form holds a second signature of that value. A cookie this server did not issue
 * (planted by another page on the same host, say) is replaced when a form is shown and refused when a form
 * is posted, and the cookie's value alone is never a valid token. Does not protect forms of signed-in
 * people: {@link Access} checks those against the session's own token.
 */
public final class FormTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
    private final Supplier<byte[]> key;

    /** {@code key}: the signing key, the same on every instance. */
    public FormTokens(Supplier<byte[]> key) {
        this.key = key;
    }

    /** The token for a form on this page; sets a new cookie unless the browser has one this server issued. */
    public String issue(Context ctx) {
        String cookie = ctx.cookie(Cookies.FORM);
        if (!genuine(cookie)) {
            byte[] random = new byte[32];
            RANDOM.nextBytes(random);
            String value = BASE64.encodeToString(random);
            cookie = value + "." + sign("cookie", value);
            Cookies.set(ctx, Cookies.FORM, cookie, -1);
        }
        return sign("form", value(cookie));
    }

    /** Refuses the request (403, nothing done) unless its form token matches a cookie this server issued. */
    public void require(Context ctx) {
        String cookie = ctx.cookie(Cookies.FORM);
        if (!genuine(cookie) || !Access.sameToken(sign("form", value(cookie)), ctx.formParam(Access.CSRF_FIELD))) {
            throw new HttpProblem(403, "Form expired", "This form is out of date or did not come from this site. Reload the page and try again.");
        }
    }

    private boolean genuine(String cookie) {
        if (cookie == null) return false;
        int dot = cookie.indexOf('.');
        return dot > 0 && Access.sameToken(sign("cookie", cookie.substring(0, dot)), cookie.substring(dot + 1));
    }

    private static String value(String cookie) {
        return cookie.substring(0, cookie.indexOf('.'));
    }

    /** A signature of {@code value} for one use ("cookie" or "form"), so neither can stand in for the other. */
    private String sign(String use, String value) {
        return Hmac.sign(key.get(), use, value);
    }
}
