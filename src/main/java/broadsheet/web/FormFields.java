package broadsheet.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * How the newsroom's smaller pages read a form and answer it: a field stripped (empty when absent), an id from the
 * path (anything else is an address with nothing at it), and the redirect after a change, never stored.
 */
public final class FormFields {
    private FormFields() {}

    public static String field(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.strip();
    }

    /** A path parameter that must be an id; anything else is an address with nothing at it. */
    public static long id(Context ctx, String param) {
        String raw = ctx.pathParam(param);
        if (!raw.matches("[0-9]{1,18}")) throw HttpProblem.notFound();
        return Long.parseLong(raw);
    }

    /** 303 to a page of this site after a change, never stored. */
    public static void redirect(Context ctx, String to) {
        ctx.header("Cache-Control", CachePolicy.NO_STORE.header());
        ctx.redirect(to, HttpStatus.SEE_OTHER);
    }
}
