package broadsheet.subscription;

import broadsheet.web.FormFields;
import io.javalin.http.Context;

/** How this feature's pages read a form and answer it: {@link FormFields}' ways, under this feature's names. */
final class PageForm {
    private PageForm() {}

    static String field(Context ctx, String name) {
        return FormFields.field(ctx, name);
    }

    static long id(Context ctx, String param) {
        return FormFields.id(ctx, param);
    }

    static void redirect(Context ctx, String to) {
        FormFields.redirect(ctx, to);
    }
}
