package broadsheet.api.admin;

import broadsheet.api.Cursor;
import broadsheet.content.AccessLevel;
import broadsheet.content.CommentPolicy;
import broadsheet.article.Status;
import broadsheet.editing.ArticleEditing;
import broadsheet.editing.Revisions;
import broadsheet.editing.Workflow;
import broadsheet.settings.SiteSettings;
import broadsheet.web.SiteInfo;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Articles in the Admin API: create, list, read and replace them, and read their revisions. Who may see
 * and change which article is decided by {@link ArticleEditing} and {@link Workflow}, exactly as in the
 * newsroom's editor; this class reads JSON, calls the service and answers JSON or a problem. Moving an
 * article through the workflow is {@link AdminWorkflowApi}'s. A new article without {@code access} or
 * {@code comments} gets the paper's defaults from its settings; a replaced one without them is free and open.
 */
public final class AdminArticlesApi {
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    private final ArticleEditing editing;
    private final Revisions revisions;
    private final AdminArticleList list;
    private final AdminAnswers answers;
    private final Supplier<SiteSettings> settings;
    private final Clock clock;

    public AdminArticlesApi(ArticleEditing editing, Revisions revisions, Jdbi jdbi, SiteInfo siteInfo,
                            Supplier<SiteSettings> settings, Clock clock) {
        this.settings = settings;
        this.editing = editing;
        this.revisions = revisions;
        this.list = new AdminArticleList(jdbi);
        this.answers = new AdminAnswers(editing, siteInfo);
        this.clock = clock;
    }

    public void create(Context ctx) {
        answers.run(ctx, who -> {
            Instant now = clock.instant();
            AdminRequest r = AdminRequest.of(ctx, false, new LinkedHashMap<>());
            SiteSettings paper = settings.get();
            ArticleInput in = ArticleInput.read(r, false, paper.defaultAccess(), paper.defaultComments());
            if (!r.errors().isEmpty()) throw AdminProblem.invalid(r.errors());
            switch (editing.create(who, in.content(), now)) {
                case ArticleEditing.Result.Saved s -> {
                    ctx.header("Location", "/api/admin/v1/articles/" + s.id());
                    answers.article(ctx, 201, s.version(), answers.json().created(s.id(), revisions.get(s.id(), 1).orElseThrow()));
                }
                case ArticleEditing.Result.Invalid i -> throw AdminAnswers.invalid(i);
                case ArticleEditing.Result.Conflict c -> throw new IllegalStateException("a new article cannot conflict");
            }
        });
    }

    public void list(Context ctx) {
        answers.run(ctx, who -> {
            for (String name : ctx.queryParamMap().keySet()) {
                if (!List.of("status", "limit", "cursor").contains(name)) {
                    throw AdminProblem.badRequest("Unknown parameter \"" + name + "\"; use status, limit or cursor.");
                }
            }
            Status status = null;
            String word = ctx.queryParam("status");
            if (word != null && !word.isBlank()) {
                try {
                    status = Status.fromWord(word.strip());
                } catch (IllegalArgumentException e) {
                    throw AdminProblem.badRequest("There is no status \"" + word + "\"; use draft, submitted, scheduled, published or unpublished.");
                }
            }
            int limit = DEFAULT_LIMIT;
            String rawLimit = ctx.queryParam("limit");
            if (rawLimit != null) {
                if (!rawLimit.matches("[0-9]{1,3}") || Integer.parseInt(rawLimit) < 1 || Integer.parseInt(rawLimit) > MAX_LIMIT) {
                    throw AdminProblem.badRequest("limit must be a whole number from 1 to " + MAX_LIMIT + ".");
                }
                limit = Integer.parseInt(rawLimit);
            }
            Cursor cursor = null;
            if (ctx.queryParam("cursor") != null) {
                cursor = Cursor.decode(ctx.queryParam("cursor"));
                if (cursor == null) throw AdminProblem.badRequest("cursor is not one this API gave out; start again without it.");
            }
            List<AdminArticleList.Row> rows = list.page(who.onlyOwn(), status, cursor == null ? null : cursor.time(),
                    cursor == null ? null : cursor.id(), limit + 1);
            boolean more = rows.size() > limit;
            if (more) rows = rows.subList(0, limit);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("items", rows.stream().map(answers.json()::summary).toList());
            if (more) {
                var last = rows.get(rows.size() - 1);
                String next = Cursor.encode(last.modifiedAt(), last.id());
                body.put("nextCursor", next);
                body.put("next", answers.site().absolute("/api/admin/v1/articles?" + (status == null ? "" : "status=" + status.word() + "&")
                        + (limit == DEFAULT_LIMIT ? "" : "limit=" + limit + "&") + "cursor=" + next));
            }
            answers.send(ctx, 200, body);
        });
    }

    public void show(Context ctx) {
        answers.run(ctx, who -> answers.current(ctx, 200, who, AdminAnswers.id(ctx)));
    }

    public void replace(Context ctx) {
        answers.run(ctx, who -> {
            long id = AdminAnswers.id(ctx);
            Instant now = clock.instant();
            AdminRequest r = AdminRequest.of(ctx, false, new LinkedHashMap<>());
            ArticleInput in = ArticleInput.read(r, true, AccessLevel.FREE, CommentPolicy.OPEN);
            int version = r.version(ctx);
            switch (editing.save(who, id, version, in.content(), in.change(), in.note(), now)) {
                case ArticleEditing.Result.Saved s -> answers.current(ctx, 200, who, id);
                case ArticleEditing.Result.Conflict c -> {
                    Map<String, Object> current = new LinkedHashMap<>();
                    current.put("status", c.theirs().status());
                    current.putAll(AdminJson.content(c.theirs().content()));
                    throw AdminProblem.versionConflict(version, c.theirVersion(), current);
                }
                case ArticleEditing.Result.Invalid i -> throw AdminAnswers.invalid(i);
            }
        });
    }

    public void revisions(Context ctx) {
        answers.run(ctx, who -> {
            long id = AdminAnswers.id(ctx);
            editing.load(who, id);
            answers.send(ctx, 200, Map.of("items", revisions.list(id).stream().map(AdminJson::revision).toList()));
        });
    }

    public void revision(Context ctx) {
        answers.run(ctx, who -> {
            long id = AdminAnswers.id(ctx);
            String raw = ctx.pathParam("number");
            editing.load(who, id);
            if (!raw.matches("[0-9]{1,9}")) throw AdminProblem.notFound("There is no revision \"" + raw + "\" of article " + id + ".");
            var full = revisions.get(id, Integer.parseInt(raw))
                    .orElseThrow(() -> AdminProblem.notFound("There is no revision " + raw + " of article " + id + "."));
            answers.send(ctx, 200, AdminJson.revision(full));
        });
    }
}
