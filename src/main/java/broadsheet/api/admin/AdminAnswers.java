package broadsheet.api.admin;

import broadsheet.shared.StaffRole;
import broadsheet.editing.ArticleEditing;
import broadsheet.editing.EditingException;
import broadsheet.editing.Editor;
import broadsheet.web.Access;
import broadsheet.web.CachePolicy;
import broadsheet.shared.Json;
import broadsheet.web.Site;
import broadsheet.web.SiteInfo;
import broadsheet.web.Visitor;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the Admin API's article handlers answer: JSON that is never stored by caches, an article with its
 * version as the {@code ETag}, and every refusal as problem JSON. A refusal of the editing services becomes
 * 404 (no such article), 403 (not this token's to do: its role or the article's owner), 409 (an editor's
 * token asking for a move the article's status does not allow) or 422 (a request the rules refuse).
 */
final class AdminAnswers {
    private final ArticleEditing editing;
    private final SiteInfo siteInfo;

    AdminAnswers(ArticleEditing editing, SiteInfo siteInfo) {
        this.editing = editing;
        this.siteInfo = siteInfo;
    }

    /** The work of one request, for the token's editor. */
    interface Work {
        void run(Editor who);
    }

    void run(Context ctx, Work work) {
        Editor who = editor(ctx);
        try {
            work.run(who);
        } catch (AdminProblem p) {
            p.write(ctx, site().baseUrl());
        } catch (EditingException e) {
            problem(who, e, ctx.pathParamMap().get("id")).write(ctx, site().baseUrl());
        }
    }

    /** The request's token, as the editing services see it. */
    private static Editor editor(Context ctx) {
        Visitor.Token token = (Visitor.Token) Access.visitor(ctx);
        return Editor.token(token.id(), token.role(), token.actor(ctx.ip()));
    }

    Site site() {
        return siteInfo.site();
    }

    AdminJson json() {
        return new AdminJson(site());
    }

    /** Answers with the article as it is now, if this editor may open it. */
    void current(Context ctx, int status, Editor who, long id) {
        var state = editing.load(who, id);
        article(ctx, status, state.article().version(), json().article(state.article(), state.snapshot().content()));
    }

    void article(Context ctx, int status, int version, Map<String, Object> body) {
        ctx.header("ETag", "\"" + version + "\"");
        send(ctx, status, body);
    }

    void send(Context ctx, int status, Object body) {
        ctx.status(status);
        ctx.header("Cache-Control", CachePolicy.NO_STORE.header());
        ctx.contentType("application/json");
        ctx.result(Json.bytes(body));
    }

    static long id(Context ctx) {
        String raw = ctx.pathParam("id");
        if (!raw.matches("[0-9]{1,18}")) throw AdminProblem.notFound("There is no article \"" + raw + "\"; ids are whole numbers.");
        return Long.parseLong(raw);
    }

    /** The editing service's field problems, named as the request names the fields. */
    static AdminProblem invalid(ArticleEditing.Result.Invalid i) {
        Map<String, String> errors = new LinkedHashMap<>();
        i.problems().forEach((k, v) -> errors.put(ArticleInput.field(k), v));
        return AdminProblem.invalid(errors);
    }

    static AdminProblem problem(Editor who, EditingException e, String id) {
        return switch (e.kind()) {
            case NOT_FOUND -> AdminProblem.notFound("There is no article " + id + ".");
            // an editor may do anything the status allows, so an editor refused was refused by the status
            case NOT_ALLOWED -> who.role().atLeast(StaffRole.EDITOR)
                    ? new AdminProblem(409, "Not possible now", e.getMessage())
                    : new AdminProblem(403, "Not allowed", e.getMessage());
            case INVALID -> new AdminProblem(422, "Refused", e.getMessage());
        };
    }
}
