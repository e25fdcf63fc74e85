package broadsheet.section;

import broadsheet.content.Section;
import broadsheet.shared.AuditLog;
import broadsheet.newsroom.Frame;
import broadsheet.newsroom.Frames;
import broadsheet.web.Access;
import broadsheet.web.CachePolicy;
import broadsheet.web.HttpProblem;
import broadsheet.web.Pages;
import broadsheet.web.Template;
import gg.jte.generated.precompiled.section.JtesectionGenerated;
import gg.jte.generated.precompiled.section.JtesectionsGenerated;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The newsroom's section pages: the sections in navigation order with their article counts and the form
 * for a new one, one section's form, moving a section up or down, and deleting one no article uses (after
 * a ticked confirmation). The rules are {@link SectionChanges}'; this class reads forms and picks pages,
 * and who may use them is the route table's. After a change it empties this instance's caches at once, so
 * the very next page shows it; other instances hear of it through the change feed.
 */
public final class SectionPages {
    private static final Template<ListView> LIST = JtesectionsGenerated::render;
    private static final Template<EditView> EDIT = JtesectionGenerated::render;
    private static final Form BLANK = new Form("", "", "");
    private final SectionStore sections;
    private final SectionChanges changes;
    private final Runnable refresh;
    private final Frames frames;
    private final Pages pages;
    private final Clock clock;

    /** {@code refresh} empties this instance's page cache and navigation after a change. */
    public SectionPages(SectionStore sections, SectionChanges changes, Runnable refresh, Frames frames, Pages pages, Clock clock) {
        this.sections = sections;
        this.changes = changes;
        this.refresh = refresh;
        this.frames = frames;
        this.pages = pages;
        this.clock = clock;
    }

    /** What a section form holds (the slug only for a new section). */
    public record Form(String name, String slug, String description) {}

    /** The list and the new-section form; problems are keyed by field ("name", "slug", "description"). */
    public record ListView(Frame frame, List<SectionStore.Counted> sections, Form form, Map<String, String> problems, String notice) {
        public String problem(String field) {
            return problems.get(field);
        }

        public boolean first(SectionStore.Counted c) {
            return c.equals(sections.get(0));
        }

        public boolean last(SectionStore.Counted c) {
            return c.equals(sections.get(sections.size() - 1));
        }
    }

    /** One section; problems are keyed by field ("name", "description") or "delete". */
    public record EditView(Frame frame, SectionStore.Counted counted, Form form, Map<String, String> problems, String notice) {
        public Section section() {
            return counted.section();
        }

        public String problem(String field) {
            return problems.get(field);
        }
    }

    /** {@code GET /newsroom/sections/}. */
    public void list(Context ctx) {
        String notice = notice(ctx.queryParam("notice"));
        showList(ctx, 200, BLANK, Map.of(), notice);
    }

    /** {@code GET /newsroom/sections}: the list lives at the address with the slash. */
    public void toList(Context ctx) {
        redirect(ctx, "/newsroom/sections/");
    }

    /** {@code POST /newsroom/sections}: a new section, last in the navigation. */
    public void create(Context ctx) {
        String name = field(ctx, "name");
        String typed = field(ctx, "slug");
        String description = field(ctx, "description");
        String slug = SectionChanges.slugFor(name, typed);
        switch (changes.create(actor(ctx), name, slug, description, clock.instant())) {
            case SectionChanges.Outcome.Done d -> {
                refresh.run();
                redirect(ctx, "/newsroom/sections/?notice=created#section-" + d.section().id());
            }
            // a slug made from the name is put in the field, so the editor sees what was refused and can change it
            case SectionChanges.Outcome.Invalid i -> showList(ctx, 400,
                    new Form(name, typed.isEmpty() && i.problems().containsKey("slug") ? slug : typed, description), i.problems(), null);
            default -> throw new IllegalStateException("creating a section cannot find it missing or in use");
        }
    }

    /** {@code GET /newsroom/sections/{id}}. */
    public void edit(Context ctx) {
        SectionStore.Counted c = find(ctx);
        showEdit(ctx, 200, c, new Form(c.section().name(), c.section().slug(), c.section().description()), Map.of(),
                notice(ctx.queryParam("notice")));
    }

    /** {@code POST /newsroom/sections/{id}}: a new name and description. */
    public void update(Context ctx) {
        SectionStore.Counted c = find(ctx);
        String name = field(ctx, "name");
        String description = field(ctx, "description");
        switch (changes.update(actor(ctx), c.section().id(), name, description, clock.instant())) {
            case SectionChanges.Outcome.Done d -> {
                refresh.run();
                redirect(ctx, "/newsroom/sections/" + d.section().id() + "?notice=saved");
            }
            case SectionChanges.Outcome.Invalid i -> showEdit(ctx, 400, c, new Form(name, c.section().slug(), description), i.problems(), null);
            case SectionChanges.Outcome.NotFound n -> throw HttpProblem.notFound();
            case SectionChanges.Outcome.InUse u -> throw new IllegalStateException("saving a section cannot find it in use");
        }
    }

    /** {@code POST /newsroom/sections/{id}/move} with {@code direction=up} or {@code down}. */
    public void move(Context ctx) {
        long id = id(ctx);
        String direction = field(ctx, "direction");
        if (!direction.equals("up") && !direction.equals("down")) throw HttpProblem.badRequest("Move a section up or down.");
        switch (changes.move(actor(ctx), id, direction.equals("up"), clock.instant())) {
            case SectionChanges.Outcome.Done d -> {
                refresh.run();
                redirect(ctx, "/newsroom/sections/?notice=moved#section-" + id);
            }
            case SectionChanges.Outcome.NotFound n -> throw HttpProblem.notFound();
            default -> throw new IllegalStateException("moving a section cannot be refused");
        }
    }

    /** {@code POST /newsroom/sections/{id}/delete} with {@code confirm=yes}, for a section no article uses. */
    public void delete(Context ctx) {
        SectionStore.Counted c = find(ctx);
        Form form = new Form(c.section().name(), c.section().slug(), c.section().description());
        if (!"yes".equals(ctx.formParam("confirm"))) {
            showEdit(ctx, 400, c, form, Map.of("delete", "Tick the box to confirm that " + c.section().name() + " should be deleted."), null);
            return;
        }
        switch (changes.delete(actor(ctx), c.section().id(), clock.instant())) {
            case SectionChanges.Outcome.Done d -> {
                refresh.run();
                redirect(ctx, "/newsroom/sections/?notice=deleted");
            }
            case SectionChanges.Outcome.InUse u -> {
                SectionStore.Counted now = sections.counted(c.section().id()).orElse(c);
                showEdit(ctx, 409, now, form, Map.of("delete", inUse(u.articles())), null);
            }
            case SectionChanges.Outcome.NotFound n -> throw HttpProblem.notFound();
            case SectionChanges.Outcome.Invalid i -> throw new IllegalStateException("deleting a section has no fields to refuse");
        }
    }

    /** Why a section with articles cannot go. */
    public static String inUse(long articles) {
        return (articles == 1 ? "1 article uses" : articles + " articles use") + " this section (counting drafts and unpublished ones). "
                + "Move " + (articles == 1 ? "it" : "them") + " to another section first; then the section can be deleted.";
    }

    private void showList(Context ctx, int status, Form form, Map<String, String> problems, String notice) {
        ctx.status(status);
        pages.html(ctx, LIST, new ListView(frames.of(ctx, "sections"), sections.withCounts(), form, problems, notice),
                CachePolicy.NO_STORE, List.of());
    }

    private void showEdit(Context ctx, int status, SectionStore.Counted c, Form form, Map<String, String> problems, String notice) {
        ctx.status(status);
        pages.html(ctx, EDIT, new EditView(frames.of(ctx, "sections"), c, form, problems, notice),
                CachePolicy.NO_STORE, List.of());
    }

    private SectionStore.Counted find(Context ctx) {
        return sections.counted(id(ctx)).orElseThrow(HttpProblem::notFound);
    }

    private static long id(Context ctx) {
        String raw = ctx.pathParam("id");
        if (!raw.matches("[0-9]{1,18}")) throw HttpProblem.notFound();
        return Long.parseLong(raw);
    }

    private static AuditLog.Actor actor(Context ctx) {
        return Access.visitor(ctx).actor(ctx.ip());
    }

    private static String field(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.strip();
    }

    private static String notice(String word) {
        if (word == null) return null;
        return switch (word) {
            case "created" -> "Section created. Readers see it in the site's navigation now.";
            case "saved" -> "Saved. The site shows the new words now.";
            case "moved" -> "Moved. The site's navigation follows this order now.";
            case "deleted" -> "Section deleted. It is gone from the site's navigation, and its address no longer answers.";
            default -> null;
        };
    }

    private static void redirect(Context ctx, String to) {
        ctx.header("Cache-Control", CachePolicy.NO_STORE.header());
        ctx.redirect(to, HttpStatus.SEE_OTHER);
    }
}
