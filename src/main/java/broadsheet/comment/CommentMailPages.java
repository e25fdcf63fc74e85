package broadsheet.comment;

import broadsheet.web.CachePolicy;
import broadsheet.web.FormTokens;
import broadsheet.web.Meta;
import broadsheet.web.Pages;
import broadsheet.web.SiteInfo;
import broadsheet.web.Template;
import gg.jte.generated.precompiled.comment.JtemailoffGenerated;
import io.javalin.http.Context;
import java.util.List;
import java.util.OptionalLong;

/**
 * The one link in every comment mail: {@code GET /account/comment-mail/off?token=...} shows a button, and its
 * {@code POST} turns the reader's comment mails off. No sign-in: the signed token is the proof. A token this site
 * did not make, or one for an account deleted since, gets a page that says so (400).
 */
public final class CommentMailPages {
    private static final Template<CommentMailView> PAGE = JtemailoffGenerated::render;
    private static final String PATH = "/account/comment-mail/off";
    private final CommentMailTokens tokens;
    private final CommentMailChoices choices;
    private final FormTokens formTokens;
    private final SiteInfo siteInfo;
    private final Pages pages;

    public CommentMailPages(CommentMailTokens tokens, CommentMailChoices choices, FormTokens formTokens, SiteInfo siteInfo, Pages pages) {
        this.tokens = tokens;
        this.choices = choices;
        this.formTokens = formTokens;
        this.siteInfo = siteInfo;
        this.pages = pages;
    }

    public void offPage(Context ctx) {
        String token = ctx.queryParam("token");
        if (tokens.reader(token).isEmpty()) {
            unusable(ctx);
            return;
        }
        show(ctx, new CommentMailView(siteInfo.site(), meta("Stop mail about your comments"), "Stop mail about your comments",
                "Press the button and we will no longer email you when someone replies to one of your comments or the newsroom "
                        + "picks one. You can turn these mails on again on your account page.",
                formTokens.issue(ctx), token, null, null));
    }

    public void off(Context ctx) {
        formTokens.require(ctx);
        OptionalLong reader = tokens.reader(ctx.formParam("token"));
        if (reader.isEmpty() || !choices.set(reader.getAsLong(), false)) {
            unusable(ctx);
            return;
        }
        show(ctx, new CommentMailView(siteInfo.site(), meta("Mail about your comments is off"), "Mail about your comments is off",
                "We will no longer email you about replies to your comments or editor's picks. To have these mails again, turn "
                        + "them on on your account page.", null, null, "/account", "Your account"));
    }

    private void unusable(Context ctx) {
        ctx.status(400);
        show(ctx, new CommentMailView(siteInfo.site(), meta("This link cannot be used"), "This link cannot be used",
                "The link is incomplete, or its account no longer exists. Copy the whole link from the mail, or sign in and "
                        + "choose which mails you get on your account page.", null, null, "/account", "Your account"));
    }

    private void show(Context ctx, CommentMailView view) {
        // the address holds the reader's token: no other site learns it
        ctx.header("Referrer-Policy", "no-referrer");
        pages.html(ctx, PAGE, view, CachePolicy.NO_STORE, List.of());
    }

    private Meta meta(String title) {
        return Meta.of(title + " - " + siteInfo.name(), "Mail about your comments on " + siteInfo.name() + ".",
                siteInfo.site().absolute(PATH)).asNoindex();
    }
}
