package broadsheet.moderation;

import broadsheet.web.FormFields;
import broadsheet.web.NextAddress;
import io.javalin.http.Context;

/** How the moderation pages answer their forms: the page to go back to, and the redirect there saying what was done. */
final class PageForm {
    private PageForm() {}

    /** The newsroom page a form came from ({@code back}), without its notice; {@code otherwise} when it names none or another site. */
    static String back(Context ctx, String otherwise) {
        String back = ctx.formParam("back");
        if (back == null || !NextAddress.plain(back) || !NextAddress.path(back).startsWith("/newsroom/")) return otherwise;
        return back.replaceAll("([?&])notice=[^&#]*&?", "$1").replaceAll("[?&]$", "");
    }

    /** 303 to the page, with a notice word added to its query. */
    static void redirect(Context ctx, String to, String notice) {
        FormFields.redirect(ctx, notice == null ? to : to + (to.contains("?") ? "&" : "?") + "notice=" + notice);
    }
}
