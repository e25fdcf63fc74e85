package broadsheet.moderation;

import broadsheet.comment.CommentState;
import broadsheet.newsroom.Frame;
import broadsheet.newsroom.Frames;
import broadsheet.settings.CommentSettings;
import broadsheet.web.Access;
import broadsheet.web.CachePolicy;
import broadsheet.web.FormFields;
import broadsheet.web.HttpProblem;
import broadsheet.web.Pages;
import broadsheet.web.Template;
import gg.jte.generated.precompiled.moderation.JtearticleGenerated;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * An article's comment controls ({@code /newsroom/articles/{id}/comments}), for moderators: whether it takes comments
 * now and why, closing and reopening them, and its own close-after days. The rules are {@link ArticleComments}'.
 */
public final class ArticleCommentPages {
    private static final Template<View> PAGE = JtearticleGenerated::render;
    private final ArticleComments articles;
    private final Supplier<CommentSettings> rules;
    private final Frames frames;
    private final Pages pages;
    private final Clock clock;

    public ArticleCommentPages(ArticleComments articles, Supplier<CommentSettings> rules, Frames frames, Pages pages, Clock clock) {
        this.articles = articles;
        this.rules = rules;
        this.frames = frames;
        this.pages = pages;
        this.clock = clock;
    }

    /** The controls; {@code closeDays} as typed, {@code problem} about it, or null. */
    public record View(Frame frame, ArticleComments.Controls article, CommentState state, int paperCloseDays, String closeDays,
                       String problem, String notice) {}

    /** {@code GET /newsroom/articles/{id}/comments}. */
    public void show(Context ctx) {
        var a = find(ctx);
        String notice = switch (ctx.queryParam("notice") == null ? "" : ctx.queryParam("notice")) {
            case "closed" -> "Comments are closed: the thread shows, nobody can add to it.";
            case "reopened" -> "Comments are open again.";
            case "days" -> "Saved.";
            case "unchanged" -> "Nothing was changed.";
            default -> null;
        };
        show(ctx, 200, a, a.closeDays() == null ? "" : String.valueOf(a.closeDays()), null, notice);
    }

    /** {@code POST /newsroom/articles/{id}/comments}: field {@code action} close, reopen or days (with {@code closeDays}). */
    public void save(Context ctx) {
        var a = find(ctx);
        var actor = Access.visitor(ctx).actor(ctx.ip());
        Instant now = clock.instant();
        String action = FormFields.field(ctx, "action");
        ArticleComments.Outcome outcome = switch (action) {
            case "close" -> articles.setOpen(actor, a.id(), false, rules.get(), now);
            case "reopen" -> articles.setOpen(actor, a.id(), true, rules.get(), now);
            case "days" -> articles.setCloseDays(actor, a.id(), ctx.formParam("closeDays"), now);
            default -> throw HttpProblem.badRequest("Choose to close comments, reopen them or set the days after which they close.");
        };
        String here = "/newsroom/articles/" + a.id() + "/comments";
        switch (outcome) {
            case ArticleComments.Outcome.Done d -> PageForm.redirect(ctx, here, !d.changed() ? "unchanged"
                    : action.equals("close") ? "closed" : action.equals("reopen") ? "reopened" : "days");
            case ArticleComments.Outcome.NotFound n -> throw HttpProblem.notFound();
            case ArticleComments.Outcome.Invalid i -> show(ctx, 400, a, FormFields.field(ctx, "closeDays"), i.problem(), null);
        }
    }

    private ArticleComments.Controls find(Context ctx) {
        return articles.find(FormFields.id(ctx, "id")).orElseThrow(HttpProblem::notFound);
    }

    private void show(Context ctx, int status, ArticleComments.Controls a, String closeDays, String problem, String notice) {
        ctx.status(status);
        CommentSettings r = rules.get();
        pages.html(ctx, PAGE, new View(frames.of(ctx, "comments"), a, a.state(r, clock.instant()), r.closeDays(), closeDays, problem, notice),
                CachePolicy.NO_STORE, List.of());
    }
}
