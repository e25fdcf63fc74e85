package broadsheet.editing;

import broadsheet.article.Status;
import broadsheet.newsroom.Frames;
import broadsheet.web.CachePolicy;
import broadsheet.web.HttpProblem;
import broadsheet.web.Pages;
import broadsheet.web.Template;
import gg.jte.generated.precompiled.editing.JterevisionGenerated;
import gg.jte.generated.precompiled.editing.JterevisionsGenerated;
import gg.jte.generated.precompiled.editing.JterevisionscompareGenerated;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/**
 * An article's revisions in the newsroom: the list, one revision's content, two revisions side by side
 * with a word-level diff, and restoring a revision as a new save. Whoever may edit the article may see
 * and restore its revisions; the rules (and the edit check on restoring) are {@link ArticleEditing}'s,
 * the diff is {@link WordDiff}'s, and a restore based on an old version shows the editor's conflict screen.
 */
public final class RevisionPages {
    private static final Template<RevisionViews.Listing> LIST = JterevisionsGenerated::render;
    private static final Template<RevisionViews.Comparison> COMPARE = JterevisionscompareGenerated::render;
    private static final Template<RevisionViews.One> ONE = JterevisionGenerated::render;
    private final ArticleEditing editing;
    private final Revisions revisions;
    private final EditorPages editor;
    private final Frames frames;
    private final Pages pages;
    private final Clock clock;
    private final ZoneId zone;

    public RevisionPages(ArticleEditing editing, Revisions revisions, EditorPages editor, Frames frames, Pages pages, Clock clock,
                         ZoneId zone) {
        this.editing = editing;
        this.revisions = revisions;
        this.editor = editor;
        this.frames = frames;
        this.pages = pages;
        this.clock = clock;
        this.zone = zone;
    }

    public void list(Context ctx) {
        long id = EditorPages.id(ctx);
        var state = load(ctx, id);
        var entries = revisions.list(id);
        var view = new RevisionViews.Listing(frames.of(ctx, "articles"), RevisionViews.Article.of(state), entries,
                entries.size() > 1 ? entries.get(1).number() : 0, entries.isEmpty() ? 0 : entries.get(0).number(), zone);
        show(ctx, 200, LIST, view);
    }

    public void compare(Context ctx) {
        long id = EditorPages.id(ctx);
        var state = load(ctx, id);
        var a = revision(id, number(ctx.queryParam("a"), "a"));
        var b = revision(id, number(ctx.queryParam("b"), "b"));
        var fields = WordDiff.fields(a.snapshot(), b.snapshot());
        var view = new RevisionViews.Comparison(frames.of(ctx, "articles"), RevisionViews.Article.of(state), a.entry(), b.entry(),
                fields.stream().filter(WordDiff.Field::changed).toList(), fields.stream().filter(f -> !f.changed()).toList(),
                revisions.list(id), RevisionViews.Restore.fresh(state), zone);
        show(ctx, 200, COMPARE, view);
    }

    public void show(Context ctx) {
        long id = EditorPages.id(ctx);
        var state = load(ctx, id);
        var revision = revision(id, pathNumber(ctx));
        show(ctx, 200, ONE, new RevisionViews.One(frames.of(ctx, "articles"), RevisionViews.Article.of(state),
                revision, latest(id), RevisionViews.Restore.fresh(state), zone));
    }

    /** Saves the revision's content again as a new revision; for a published article, as the kind of change chosen. */
    public void restore(Context ctx) {
        long id = EditorPages.id(ctx);
        int n = pathNumber(ctx);
        var state = load(ctx, id);
        var revision = revision(id, n);
        int version = EditorForm.version(ctx);
        ChangeKind kind = EditorForm.kind(ctx);
        String note = EditorForm.note(ctx);
        switch (editing.restore(EditorPages.editor(ctx), id, version, n, kind, note, clock.instant())) {
            case ArticleEditing.Result.Saved s -> {
                ctx.header("Cache-Control", CachePolicy.NO_STORE.header());
                ctx.redirect("/newsroom/articles/" + id + "?notice=restored", HttpStatus.SEE_OTHER);
            }
            case ArticleEditing.Result.Conflict c -> editor.conflict(ctx, c);
            case ArticleEditing.Result.Invalid i -> {
                var restore = new RevisionViews.Restore(state.article().version(), state.article().status() == Status.PUBLISHED,
                        kind, note, i.problems());
                show(ctx, 400, ONE, new RevisionViews.One(frames.of(ctx, "articles"),
                        RevisionViews.Article.of(state), revision, latest(id), restore, zone));
            }
        }
    }

    private ArticleEditing.State load(Context ctx, long id) {
        return editing.load(EditorPages.editor(ctx), id);
    }

    private int latest(long id) {
        var entries = revisions.list(id);
        return entries.isEmpty() ? 0 : entries.get(0).number();
    }

    private Revisions.Full revision(long id, int number) {
        return revisions.get(id, number).orElseThrow(() ->
                new HttpProblem(404, "No such revision", "This article has no revision " + number + "."));
    }

    private static int pathNumber(Context ctx) {
        String raw = ctx.pathParam("n");
        if (!raw.matches("[0-9]{1,9}")) throw HttpProblem.notFound();
        return Integer.parseInt(raw);
    }

    private static int number(String raw, String name) {
        if (raw == null || !raw.strip().matches("[0-9]{1,9}")) {
            throw HttpProblem.badRequest("Choose the revisions to compare by number (\"" + name + "\" is missing or not a number).");
        }
        return Integer.parseInt(raw.strip());
    }

    private <V> void show(Context ctx, int status, Template<V> template, V view) {
        ctx.status(status);
        pages.html(ctx, template, view, CachePolicy.NO_STORE, List.of());
    }
}
