package broadsheet.contributor;

import broadsheet.shared.AuditLog;
import broadsheet.shared.Page;
import broadsheet.media.ImageStore;
import broadsheet.media.Picture;
import broadsheet.newsroom.Frame;
import broadsheet.newsroom.Frames;
import broadsheet.text.Texts;
import broadsheet.web.Access;
import broadsheet.web.CachePolicy;
import broadsheet.web.HttpProblem;
import broadsheet.web.Pages;
import broadsheet.web.Pagination;
import broadsheet.web.Template;
import gg.jte.generated.precompiled.contributor.JtecontributorGenerated;
import gg.jte.generated.precompiled.contributor.JtecontributorsGenerated;
import gg.jte.generated.precompiled.contributor.JtedeleteGenerated;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The newsroom's pages for contributors (editors and above): the list with search and the form to add one,
 * one contributor's form, and deletion with its confirmation. Reads forms and picks pages; the rules are
 * {@link ContributorEditing}'s, and who may come here is the route table's. After a change it empties this
 * instance's caches at once, so the very next page shows it; other instances hear of it through the change feed.
 */
public final class ContributorNewsroomPages {
    private static final Template<ListView> LIST = JtecontributorsGenerated::render;
    private static final Template<EditView> EDIT = JtecontributorGenerated::render;
    private static final Template<DeleteView> DELETE = JtedeleteGenerated::render;
    public static final int PAGE_SIZE = 50;
    private final ContributorStore contributors;
    private final ContributorEditing editing;
    private final ImageStore images;
    private final Runnable refresh;
    private final Frames frames;
    private final Pages pages;
    private final Clock clock;

    /** {@code refresh} empties this instance's page cache after a change. */
    public ContributorNewsroomPages(ContributorStore contributors, ContributorEditing editing, ImageStore images, Runnable refresh,
                                    Frames frames, Pages pages, Clock clock) {
        this.contributors = contributors;
        this.editing = editing;
        this.images = images;
        this.refresh = refresh;
        this.frames = frames;
        this.pages = pages;
        this.clock = clock;
    }

    /** The list, filtered by {@code q} (part of the name) and {@code kind} ("person", "desk" or empty), with the form to add one. */
    public record ListView(Frame frame, Page<ContributorStore.Listed> page, String q, String kind, String baseQuery,
                           ContributorEditing.Form form, Map<String, String> problems, String notice) {
        public String problem(String field) {
            return problems.get(field);
        }

        public boolean filtered() {
            return !q.isEmpty() || !kind.isEmpty();
        }
    }

    /** One contributor's form; {@code picture} is the stored picture, to show beside its number. */
    public record EditView(Frame frame, Contributor contributor, ContributorEditing.Form form, Map<String, String> problems,
                           String notice, ContributorStore.Uses uses, Picture picture, List<ContributorStore.StaffChoice> staff) {
        public String problem(String field) {
            return problems.get(field);
        }

        /** The accounts that can be linked here: those not writing under this byline already. */
        public List<ContributorStore.StaffChoice> linkable() {
            return staff.stream().filter(s -> uses.staff().stream().noneMatch(l -> l.id() == s.id())).toList();
        }
    }

    /** The answer to a delete: a confirmation to send, or the reason it cannot be done. */
    public record DeleteView(Frame frame, Contributor contributor, ContributorStore.Uses uses) {}

    /** {@code GET /newsroom/contributors}: the list lives at the address with the slash (a refused add is shown here). */
    public void toList(Context ctx) {
        redirect(ctx, "/newsroom/contributors/");
    }

    /** {@code GET /newsroom/contributors/}. */
    public void list(Context ctx) {
        showList(ctx, 200, ContributorEditing.Form.blank(), Map.of(), notice(ctx.queryParam("notice")));
    }

    /** {@code POST /newsroom/contributors}: adds one and opens its page; a refused form comes back with its problems. */
    public void create(Context ctx) {
        ContributorEditing.Form form = form(ctx);
        try {
            long id = editing.create(form, actor(ctx), clock.instant());
            refresh.run();
            redirect(ctx, "/newsroom/contributors/" + id + "?notice=created");
        } catch (ContributorEditing.Refused r) {
            showList(ctx, 400, form, r.problems(), null);
        }
    }

    /** {@code GET /newsroom/contributors/{id}}. */
    public void edit(Context ctx) {
        Contributor c = find(ctx);
        showEdit(ctx, 200, c, ContributorEditing.Form.of(c), Map.of(), notice(ctx.queryParam("notice")));
    }

    /** {@code POST /newsroom/contributors/{id}}. */
    public void save(Context ctx) {
        Contributor c = find(ctx);
        ContributorEditing.Form form = form(ctx);
        try {
            Optional<List<String>> changed = editing.change(c.id(), form, actor(ctx), clock.instant());
            if (changed.isEmpty()) throw HttpProblem.notFound();
            if (!changed.get().isEmpty()) refresh.run();
            redirect(ctx, "/newsroom/contributors/" + c.id() + "?notice=" + (changed.get().isEmpty() ? "unchanged" : "saved"));
        } catch (ContributorEditing.Refused r) {
            showEdit(ctx, 400, c, form, r.problems(), null);
        }
    }

    /** {@code POST /newsroom/contributors/{id}/link} with {@code staff}: that account writes under this byline from now on. */
    public void link(Context ctx) {
        linking(ctx, true);
    }

    /** {@code POST /newsroom/contributors/{id}/unlink} with {@code staff}: that account no longer writes under this byline. */
    public void unlink(Context ctx) {
        linking(ctx, false);
    }

    private void linking(Context ctx, boolean link) {
        Contributor c = find(ctx);
        String raw = ctx.formParam("staff");
        if (raw == null || !raw.strip().matches("[0-9]{1,18}")
                || !editing.link(c.id(), Long.parseLong(raw.strip()), link, actor(ctx), clock.instant())) {
            showEdit(ctx, 400, c, ContributorEditing.Form.of(c), Map.of("staff", link ? "Choose a staff account to link."
                    : "That account does not write under this byline."), null);
            return;
        }
        redirect(ctx, "/newsroom/contributors/" + c.id() + "?notice=" + (link ? "linked" : "unlinked"));
    }

    /**
     * {@code POST /newsroom/contributors/{id}/delete}: without {@code confirm=yes} it asks; with it, it deletes. A
     * contributor in use is never deleted: the answer says what uses it.
     */
    public void delete(Context ctx) {
        Contributor c = find(ctx);
        if (!"yes".equals(ctx.formParam("confirm"))) {
            ContributorStore.Uses uses = contributors.uses(c.id());
            showDelete(ctx, uses.isEmpty() ? 200 : 409, c, uses);
            return;
        }
        switch (editing.delete(c.id(), actor(ctx), clock.instant())) {
            case ContributorEditing.Deletion.NotFound n -> throw HttpProblem.notFound();
            case ContributorEditing.Deletion.InUse u -> showDelete(ctx, 409, u.contributor(), u.uses());
            case ContributorEditing.Deletion.Deleted d -> {
                refresh.run();
                redirect(ctx, "/newsroom/contributors/?notice=deleted");
            }
        }
    }

    private void showList(Context ctx, int status, ContributorEditing.Form form, Map<String, String> problems, String notice) {
        String q = query(ctx);
        String kind = kind(ctx);
        int number = Pagination.page(ctx);
        Page<ContributorStore.Listed> page = contributors.page(q.isEmpty() ? null : q, kind.isEmpty() ? null : kind.equals("desk"),
                number, PAGE_SIZE);
        Pagination.checkExists(number, page.lastPage());
        StringBuilder base = new StringBuilder();
        if (!q.isEmpty()) base.append("q=").append(URLEncoder.encode(q, StandardCharsets.UTF_8));
        if (!kind.isEmpty()) base.append(base.isEmpty() ? "" : "&").append("kind=").append(kind);
        show(ctx, status, LIST,
                new ListView(frames.of(ctx, "contributors"), page, q, kind, base.toString(), form, problems, notice));
    }

    private void showEdit(Context ctx, int status, Contributor c, ContributorEditing.Form form, Map<String, String> problems,
                          String notice) {
        Picture picture = c.pictureId() == null ? null : images.picture(c.pictureId()).orElse(null);
        show(ctx, status, EDIT,
                new EditView(frames.of(ctx, "contributors"), c, form, problems, notice, contributors.uses(c.id()), picture,
                        contributors.staffChoices()));
    }

    private void showDelete(Context ctx, int status, Contributor c, ContributorStore.Uses uses) {
        show(ctx, status, DELETE, new DeleteView(frames.of(ctx, "contributors"), c, uses));
    }

    private <V> void show(Context ctx, int status, Template<V> template, V view) {
        ctx.status(status);
        pages.html(ctx, template, view, CachePolicy.NO_STORE, List.of());
    }

    private Contributor find(Context ctx) {
        String raw = ctx.pathParam("id");
        if (!raw.matches("[0-9]{1,18}")) throw HttpProblem.notFound();
        return contributors.byId(Long.parseLong(raw)).orElseThrow(HttpProblem::notFound);
    }

    private static ContributorEditing.Form form(Context ctx) {
        return new ContributorEditing.Form(ctx.formParam("name"), ctx.formParam("kind"), ctx.formParam("jobTitle"),
                ctx.formParam("bio"), ctx.formParam("picture"));
    }

    private static String query(Context ctx) {
        String q = ctx.queryParam("q");
        if (q == null || q.isBlank()) return "";
        if (q.length() > 200) throw HttpProblem.badRequest("Search for at most 200 characters.");
        return Texts.withoutControls(q);
    }

    private static String kind(Context ctx) {
        String kind = ctx.queryParam("kind");
        return "person".equals(kind) || "desk".equals(kind) ? kind : "";
    }

    private static AuditLog.Actor actor(Context ctx) {
        return Access.visitor(ctx).actor(ctx.ip());
    }

    private static String notice(String word) {
        if (word == null) return null;
        return switch (word) {
            case "created" -> "Added. Bylines in the editor find it by its name; its page on the site opens with the first published article that carries it.";
            case "linked" -> "Linked. That account now writes under this byline.";
            case "unlinked" -> "Unlinked. That account no longer writes under this byline.";
            case "saved" -> "Saved. The site shows the change now.";
            case "unchanged" -> "Nothing had changed, so nothing was saved.";
            case "deleted" -> "The contributor was deleted.";
            default -> null;
        };
    }

    private static void redirect(Context ctx, String to) {
        ctx.header("Cache-Control", CachePolicy.NO_STORE.header());
        ctx.redirect(to, HttpStatus.SEE_OTHER);
    }
}
