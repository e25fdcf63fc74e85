package broadsheet.moderation;

import broadsheet.web.CachePolicy;
import broadsheet.web.HttpProblem;
import broadsheet.web.NextAddress;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** How the moderation pages read their forms and answer them: ids from the path, the page to go back to, the redirect. */
final class PageForms {
    private PageForms() {}

    static String field(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.strip();
    }

    /** A path parameter that must be an id; anything else is an address with nothing at it. */
    static long id(Context ctx, String param) {
        String raw = ctx.pathParam(param);
        if (!raw.matches("[0-9]{1,18}")) throw HttpProblem.notFound();
        return Long.parseLong(raw);
    }

    /** The newsroom page a form came from ({@code back}), without its notice; {@code otherwise} when it names none or another site. */
    static String back(Context ctx, String otherwise) {
        String back = ctx.formParam("back");
        if (back == null || !NextAddress.plain(back) || !NextAddress.path(back).startsWith("/newsroom/")) return otherwise;
        return back.replaceAll("([?&])notice=[^&#]*&?", "$1").replaceAll("[?&]$", "");
    }

    /** 303 to the page, with a notice word added to its query. */
    static void redirect(Context ctx, String to, String notice) {
        String address = notice == null ? to : to + (to.contains("?") ? "&" : "?") + "notice=" + notice;
        ctx.header("Cache-Control", CachePolicy.NO_STORE.header());
        ctx.redirect(address, HttpStatus.SEE_OTHER);
    }
}
