package broadsheet.editing;

import broadsheet.article.ArticleContent;
import broadsheet.article.Dateline;
import broadsheet.article.Status;
import broadsheet.media.ImageStore;
import broadsheet.media.Picture;
import broadsheet.newsroom.Frames;
import broadsheet.section.SectionStore;
import broadsheet.settings.SiteSettings;
import broadsheet.web.Access;
import broadsheet.web.CachePolicy;
import broadsheet.web.HttpProblem;
import broadsheet.web.Pages;
import broadsheet.web.Template;
import broadsheet.web.Visitor;
import gg.jte.generated.precompiled.editing.JteconflictGenerated;
import gg.jte.generated.precompiled.editing.JteeditorGenerated;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The article editor: new and existing articles, saving (with the conflict screen when someone else saved
 * first), and the workflow buttons, each of which saves the form first. The rules are in
 * {@link ArticleEditing}, {@link Publishing} and {@link Workflow}; this class reads forms and picks pages.
 * A new article starts with the paper's default access and comment policy from its settings.
 */
public final class EditorPages {
    private static final Template<EditorView> EDITOR = JteeditorGenerated::render;
    private static final Template<ConflictView> CONFLICT = JteconflictGenerated::render;
    private final ArticleEditing editing;
    private final Publishing publishing;
    private final SectionStore sections;
    private final ImageStore images;
    private final Supplier<SiteSettings> settings;
    private final Frames frames;
    private final Pages pages;
    private final Clock clock;
    private final ZoneId zone;

    public EditorPages(ArticleEditing editing, Publishing publishing, SectionStore sections, ImageStore images,
                       Supplier<SiteSettings> settings, Frames frames, Pages pages, Clock clock, ZoneId zone) {
        this.settings = settings;
        this.editing = editing;
        this.publishing = publishing;
        this.sections = sections;
        this.images = images;
        this.frames = frames;
        this.pages = pages;
        this.clock = clock;
        this.zone = zone;
    }

    /** The member of staff signed in to the newsroom, as the editing services see them. */
    public static Editor editor(Context ctx) {
        return Editor.person(((Visitor.SignedIn) Access.visitor(ctx)).staff(), ctx.ip());
    }

    public void newForm(Context ctx) {
        var all = sections.all();
        String section = all.isEmpty() ? "" : all.get(0).slug();
        SiteSettings paper = settings.get();
        Snapshot blank = new Snapshot(ArticleContent.builder().section(section).bylines(editing.defaultBylines(editor(ctx)))
                .access(paper.defaultAccess()).comments(paper.defaultComments()).build(), Status.DRAFT.word());
        show(ctx, 200, newArticle(ctx, blank, Map.of()));
    }

    public void create(Context ctx) {
        SiteSettings paper = settings.get();
        ArticleContent d = EditorForm.draft(ctx, paper.defaultAccess(), paper.defaultComments());
        switch (editing.create(editor(ctx), d, clock.instant())) {
            case ArticleEditing.Result.Saved s -> redirect(ctx, "/newsroom/articles/" + s.id() + "?notice=created");
            case ArticleEditing.Result.Invalid i -> show(ctx, 400, newArticle(ctx, new Snapshot(d, Status.DRAFT.word()), i.problems()));
            case ArticleEditing.Result.Conflict c -> throw new IllegalStateException("a new article cannot conflict");
        }
    }

    public void edit(Context ctx) {
        long id = id(ctx);
        var state = load(ctx, id);
        Snapshot form = "autosave".equals(ctx.queryParam("restore")) && state.autosave() != null ? state.autosave().snapshot() : state.snapshot();
        String notice = "unpublish".equals(ctx.queryParam("notice")) && state.article().status() == Status.DRAFT
                ? "Saved; the schedule is cancelled and the article is a draft again." : notice(ctx.queryParam("notice"));
        Map<String, String> problems = Map.of();
        var a = state.article();
        if (a.status() == Status.SCHEDULED && a.scheduledAt() != null && a.scheduledAt().plusSeconds(60).isBefore(clock.instant())) {
            problems = Map.of("workflow", "This article was due at " + broadcastTime(a.scheduledAt())
                    + " but has not been published; another article may already have its address. Change the slug, or publish it now.");
        }
        if (form != state.snapshot()) notice = "Your unsaved text from " + Dateline.format(state.autosave().savedAt(), zone)
                + " is back in the form. Save to keep it.";
        show(ctx, 200, view(ctx, state, form, problems, notice, ChangeKind.MINOR, ""));
    }

    private String broadcastTime(Instant t) {
        return Dateline.format(t, zone);
    }

    public void save(Context ctx) {
        saveThen(ctx, null);
    }

    public void submit(Context ctx) {
        saveThen(ctx, (who, id, version) -> publishing.submit(who, id, version, clock.instant()));
    }

    public void publish(Context ctx) {
        saveThen(ctx, (who, id, version) -> publishing.publish(who, id, version, clock.instant()));
    }

    public void schedule(Context ctx) {
        Instant at = EditorForm.localTime(ctx.formParam("scheduleAt"), zone);
        saveThen(ctx, (who, id, version) -> publishing.schedule(who, id, version, at, clock.instant()));
    }

    public void unpublish(Context ctx) {
        saveThen(ctx, (who, id, version) -> publishing.unpublish(who, id, version, clock.instant()));
    }

    /** Keeps the form's text without saving it (the editor page calls this every few seconds). */
    public void autosave(Context ctx) {
        editing.autosave(editor(ctx), id(ctx), EditorForm.version(ctx), EditorForm.draft(ctx), clock.instant());
        ctx.header("Cache-Control", CachePolicy.NO_STORE.header());
        ctx.json(Map.of("saved", clock.instant().toString()));
    }

    private interface Move {
        Publishing.Moved apply(Editor who, long id, int version);
    }

    /** Saves the form (when the person may edit), then makes the move; conflicts show the conflict screen. */
    private void saveThen(Context ctx, Move move) {
        long id = id(ctx);
        Editor who = editor(ctx);
        int version = EditorForm.version(ctx);
        ArticleContent d = EditorForm.draft(ctx);
        var state = load(ctx, id);
        var result = editing.save(who, id, version, d, EditorForm.kind(ctx), EditorForm.note(ctx), clock.instant());
        switch (result) {
            case ArticleEditing.Result.Invalid i -> show(ctx, 400, view(ctx, state, new Snapshot(d, state.article().status().word()),
                    i.problems(), null, EditorForm.kind(ctx), EditorForm.note(ctx)));
            case ArticleEditing.Result.Conflict c -> conflict(ctx, c);
            case ArticleEditing.Result.Saved s -> {
                if (move == null) {
                    redirect(ctx, "/newsroom/articles/" + id + "?notice=saved");
                    return;
                }
                try {
                    switch (move.apply(who, id, s.version())) {
                        case Publishing.Moved.Done done -> redirect(ctx, "/newsroom/articles/" + id + "?notice=" + noticeFor(ctx));
                        case Publishing.Moved.Stale stale -> redirect(ctx, "/newsroom/articles/" + id + "?notice=stale");
                    }
                } catch (EditingException e) {
                    if (e.kind() != EditingException.Kind.INVALID) throw e;
                    var after = load(ctx, id);
                    show(ctx, 400, view(ctx, after, after.snapshot(), Map.of("workflow", e.getMessage()), "Your changes were saved.",
                            ChangeKind.MINOR, ""));
                }
            }
        }
    }

    /** The conflict screen (409): the newer saved version beside this person's, whose text stays in a form. */
    void conflict(Context ctx, ArticleEditing.Result.Conflict c) {
        Snapshot yours = new Snapshot(c.yours(), "");
        var view = new ConflictView(frames.of(ctx, "articles"), c.id(), c.theirVersion(), c.theirs(), yours,
                WordDiff.fields(c.theirs(), yours), sections.all(),
                EditorForm.kind(ctx), EditorForm.note(ctx));
        ctx.status(409);
        pages.html(ctx, CONFLICT, view, CachePolicy.NO_STORE, List.of());
    }

    private ArticleEditing.State load(Context ctx, long id) {
        return editing.load(editor(ctx), id);
    }

    /**
     * How the newsroom's pages answer a refusal of the editing services: 404, 403 or 400 with its words. The server
     * maps every {@link EditingException} a page lets through with this, so no page catches one to rethrow it.
     */
    public static HttpProblem problem(EditingException e) {
        return switch (e.kind()) {
            case NOT_FOUND -> HttpProblem.notFound();
            case NOT_ALLOWED -> new HttpProblem(403, "Not allowed", e.getMessage());
            case INVALID -> HttpProblem.badRequest(e.getMessage());
        };
    }

    /** The editor of an article not yet saved: a draft that can only be written. */
    private EditorView newArticle(Context ctx, Snapshot form, Map<String, String> problems) {
        return new EditorView(frames.of(ctx, "new"), null, 0, form, Status.DRAFT, null, null, null, sections.all(),
                EnumSet.of(Workflow.Action.EDIT), problems, null, ChangeKind.MINOR, "", lead(form), null, zone);
    }

    /** The editor of a stored article, showing {@code form} (its saved text, an autosave or what was just sent). */
    private EditorView view(Context ctx, ArticleEditing.State s, Snapshot form, Map<String, String> problems, String notice,
                            ChangeKind change, String note) {
        var a = s.article();
        return new EditorView(frames.of(ctx, "articles"), a.id(), a.version(), form, a.status(),
                a.status() == Status.PUBLISHED ? a.path() : null, a.firstPublishedAt(), a.scheduledAt(), sections.all(),
                s.allowed(), problems, notice, change, note, lead(form), s.autosave() == null ? null : s.autosave().savedAt(), zone);
    }

    private Picture lead(Snapshot form) {
        return form.leadImageId() == null ? null : images.picture(form.leadImageId()).orElse(null);
    }

    private void show(Context ctx, int status, EditorView view) {
        ctx.status(status);
        pages.html(ctx, EDITOR, view, CachePolicy.NO_STORE, List.of());
    }

    private static String noticeFor(Context ctx) {
        String path = ctx.path();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String notice(String word) {
        if (word == null) return null;
        return switch (word) {
            case "created" -> "Draft created.";
            case "saved" -> "Saved.";
            case "submit" -> "Saved and submitted for review.";
            case "publish" -> "Saved and published.";
            case "schedule" -> "Saved and scheduled.";
            case "unpublish" -> "Saved and unpublished; its address now answers that the article is gone.";
            case "restored" -> "Revision restored: its content is saved as a new revision.";
            case "stale" -> "Saved, but someone changed the article meanwhile, so nothing else was done. Check it and try again.";
            default -> null;
        };
    }

    static long id(Context ctx) {
        String raw = ctx.pathParam("id");
        if (!raw.matches("[0-9]{1,18}")) throw HttpProblem.notFound();
        return Long.parseLong(raw);
    }

    private static void redirect(Context ctx, String to) {
        ctx.header("Cache-Control", CachePolicy.NO_STORE.header());
        ctx.redirect(to, HttpStatus.SEE_OTHER);
    }
}
