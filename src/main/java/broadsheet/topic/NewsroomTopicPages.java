package broadsheet.topic;

import broadsheet.content.Topic;
import broadsheet.shared.AuditLog;
import broadsheet.shared.Page;
import broadsheet.newsroom.Frames;
import broadsheet.text.Texts;
import broadsheet.web.Access;
import broadsheet.web.CachePolicy;
import broadsheet.web.HttpProblem;
import broadsheet.web.Pages;
import broadsheet.web.Pagination;
import broadsheet.web.Template;
import gg.jte.generated.precompiled.topic.JtedeleteGenerated;
import gg.jte.generated.precompiled.topic.JtemergeGenerated;
import gg.jte.generated.precompiled.topic.JtetopicGenerated;
import gg.jte.generated.precompiled.topic.JtetopicsGenerated;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The newsroom's topic pages, for editors: the list (search, order, a new topic), one topic (name, address,
 * description), and merging or deleting one, each asked for confirmation first. Reads forms and picks pages;
 * the rules are {@link TopicEditing}'s and {@link TopicMerge}'s, and who may come here is the route table's.
 * After a change it empties this instance's caches at once, so the very next page shows it; other instances
 * hear of it through the change feed.
 */
public final class NewsroomTopicPages {
    private static final Template<TopicViews.ListPage> LIST = JtetopicsGenerated::render;
    private static final Template<TopicViews.EditPage> EDIT = JtetopicGenerated::render;
    private static final Template<TopicViews.DeleteQuestion> DELETE = JtedeleteGenerated::render;
    private static final Template<TopicViews.MergeQuestion> MERGE = JtemergeGenerated::render;
    public static final int PAGE_SIZE = 50;
    private static final TopicEditing.Fields BLANK = new TopicEditing.Fields("", "", "");
    private final TopicListing listing;
    private final TopicEditing editing;
    private final TopicMerge merging;
    private final Runnable refresh;
    private final Frames frames;
    private final Pages pages;
    private final Clock clock;
    private final ZoneId zone;

    /** {@code refresh} empties this instance's page cache after a change. */
    public NewsroomTopicPages(TopicListing listing, TopicEditing editing, TopicMerge merging, Runnable refresh, Frames frames,
                              Pages pages, Clock clock, ZoneId zone) {
        this.listing = listing;
        this.editing = editing;
        this.merging = merging;
        this.refresh = refresh;
        this.frames = frames;
        this.pages = pages;
        this.clock = clock;
        this.zone = zone;
    }

    /** {@code GET /newsroom/topics/?q=&sort=recent|name&page=}. */
    public void list(Context ctx) {
        showList(ctx, 200, BLANK, Map.of(), notice(ctx.queryParam("notice")));
    }

    /** {@code GET /newsroom/topics}: the list lives at the address with the slash. */
    public void toList(Context ctx) {
        redirect(ctx, "/newsroom/topics/");
    }

    /** {@code POST /newsroom/topics}: a new topic; the address is made from the name when none is given. */
    public void create(Context ctx) {
        TopicEditing.Fields form = fields(ctx);
        switch (editing.create(form, actor(ctx), clock.instant())) {
            case TopicEditing.Result.Saved s -> {
                refresh.run();
                redirect(ctx, "/newsroom/topics/" + s.topic().id() + "?notice=created");
            }
            case TopicEditing.Result.Invalid i -> showList(ctx, 400, form, i.problems(), null);
            case TopicEditing.Result.NotFound n -> throw HttpProblem.notFound();
        }
    }

    /** {@code GET /newsroom/topics/{id}}. */
    public void edit(Context ctx) {
        TopicListing.Row row = row(ctx);
        Topic t = row.topic();
        showEdit(ctx, 200, row, new TopicEditing.Fields(t.name(), t.slug(), t.description()), Map.of(), "", null,
                notice(ctx.queryParam("notice")));
    }

    /** {@code POST /newsroom/topics/{id}}: name, address and description. */
    public void save(Context ctx) {
        TopicListing.Row row = row(ctx);
        TopicEditing.Fields form = fields(ctx);
        switch (editing.update(row.topic().id(), form, actor(ctx), clock.instant())) {
            case TopicEditing.Result.Saved s -> {
                if (s.changed()) refresh.run();
                redirect(ctx, "/newsroom/topics/" + s.topic().id() + "?notice=" + (!s.changed() ? "unchanged" : s.moved() ? "moved" : "saved"));
            }
            case TopicEditing.Result.Invalid i -> showEdit(ctx, 400, row, form, i.problems(), "", null, null);
            case TopicEditing.Result.NotFound n -> throw HttpProblem.notFound();
        }
    }

    /**
     * {@code POST /newsroom/topics/{id}/merge}: the topic to keep, by name ({@code into}) from the topic's page,
     * or by id ({@code keep}) with {@code confirm=yes} from the question this answers first.
     */
    public void merge(Context ctx) {
        TopicListing.Row row = row(ctx);
        Topic merged = row.topic();
        String into = Texts.withoutControls(nz(ctx.formParam("into")));
        String keepId = nz(ctx.formParam("keep"));
        Optional<Topic> kept = keepId.isEmpty() ? listing.byName(into)
                : keepId.matches("[0-9]{1,18}") ? listing.row(Long.parseLong(keepId)).map(TopicListing.Row::topic) : Optional.empty();
        if (into.length() > TopicEditing.MAX_NAME) into = into.substring(0, TopicEditing.MAX_NAME); // no topic has a longer name
        String problem = keepId.isEmpty() && into.isEmpty() ? "Name the topic to keep."
                : kept.isEmpty() ? (keepId.isEmpty() ? "There is no topic called \"" + into + "\"." : "That topic no longer exists.")
                : kept.get().id() == merged.id() ? "Choose another topic: this one cannot be merged into itself." : null;
        if (problem != null) {
            showEdit(ctx, 400, row, new TopicEditing.Fields(merged.name(), merged.slug(), merged.description()), Map.of(), into, problem, null);
            return;
        }
        if (!"yes".equals(ctx.formParam("confirm"))) {
            TopicMerge.Preview preview = merging.preview(merged.id(), kept.get().id()).orElseThrow(HttpProblem::notFound);
            show(ctx, 200, MERGE, new TopicViews.MergeQuestion(frames.of(ctx, "topics"), preview));
            return;
        }
        switch (merging.merge(merged.id(), kept.get().id(), actor(ctx), clock.instant())) {
            case TopicMerge.Outcome.Merged m -> {
                refresh.run();
                redirect(ctx, "/newsroom/topics/" + m.kept().id() + "?notice=merged");
            }
            case TopicMerge.Outcome.NotFound n -> throw HttpProblem.notFound();
            case TopicMerge.Outcome.Same s -> throw HttpProblem.badRequest("A topic cannot be merged into itself.");
        }
    }

    /** {@code POST /newsroom/topics/{id}/delete}: asks first; with {@code confirm=yes}, deletes a topic no article uses. */
    public void delete(Context ctx) {
        TopicListing.Row row = row(ctx);
        if (!"yes".equals(ctx.formParam("confirm"))) {
            show(ctx, row.total() > 0 ? 409 : 200, DELETE,
                    new TopicViews.DeleteQuestion(frames.of(ctx, "topics"), row.topic(), row.total()));
            return;
        }
        switch (editing.delete(row.topic().id(), actor(ctx), clock.instant())) {
            case TopicEditing.Deletion.Deleted d -> {
                refresh.run();
                redirect(ctx, "/newsroom/topics/?notice=deleted");
            }
            case TopicEditing.Deletion.InUse u -> show(ctx, 409, DELETE,
                    new TopicViews.DeleteQuestion(frames.of(ctx, "topics"), u.topic(), u.articles()));
            case TopicEditing.Deletion.NotFound n -> throw HttpProblem.notFound();
        }
    }

    private void showList(Context ctx, int status, TopicEditing.Fields form, Map<String, String> problems, String notice) {
        String q = query(ctx);
        String sort = ctx.queryParam("sort");
        TopicListing.Order order = sort == null ? TopicListing.Order.RECENT
                : TopicListing.Order.fromWord(sort).orElseThrow(() -> HttpProblem.badRequest("Sort by recent or name."));
        int number = Pagination.page(ctx);
        Page<TopicListing.Row> page = listing.page(q.isEmpty() ? null : q, order, number, PAGE_SIZE);
        Pagination.checkExists(number, page.lastPage());
        show(ctx, status, LIST,
                new TopicViews.ListPage(frames.of(ctx, "topics"), page, q, order, form, problems, notice, zone));
    }

    private void showEdit(Context ctx, int status, TopicListing.Row row, TopicEditing.Fields form, Map<String, String> problems,
                          String into, String mergeProblem, String notice) {
        long id = row.topic().id();
        List<String> names = listing.names().stream().filter(n -> !n.equals(row.topic().name())).toList();
        show(ctx, status, EDIT, new TopicViews.EditPage(frames.of(ctx, "topics"), row, listing.earlier(id), form,
                problems, into, mergeProblem, names, notice, zone));
    }

    private <V> void show(Context ctx, int status, Template<V> template, V view) {
        ctx.status(status);
        pages.html(ctx, template, view, CachePolicy.NO_STORE, List.of());
    }

    private TopicListing.Row row(Context ctx) {
        String raw = ctx.pathParam("id");
        if (!raw.matches("[0-9]{1,18}")) throw HttpProblem.notFound();
        return listing.row(Long.parseLong(raw)).orElseThrow(HttpProblem::notFound);
    }

    private static TopicEditing.Fields fields(Context ctx) {
        return new TopicEditing.Fields(ctx.formParam("name"), ctx.formParam("slug"), ctx.formParam("description"));
    }

    private static String query(Context ctx) {
        String q = ctx.queryParam("q");
        if (q == null || q.isBlank()) return "";
        if (q.length() > 200) throw HttpProblem.badRequest("Search for at most 200 characters.");
        return Texts.withoutControls(q);
    }

    private static AuditLog.Actor actor(Context ctx) {
        return Access.visitor(ctx).actor(ctx.ip());
    }

    private static String notice(String word) {
        if (word == null) return null;
        return switch (word) {
            case "created" -> "The topic was created. It has a page on the site once a published article has it.";
            case "saved" -> "Saved. Its page and the articles that have it show the change.";
            case "moved" -> "Saved. The topic has a new address, and the old one leads to it.";
            case "unchanged" -> "Nothing had changed, so nothing was saved.";
            case "merged" -> "Merged. Its articles now have this topic, and its address and name lead to this one.";
            case "deleted" -> "The topic was deleted.";
            default -> null;
        };
    }

    private static void redirect(Context ctx, String to) {
        ctx.header("Cache-Control", CachePolicy.NO_STORE.header());
        ctx.redirect(to, HttpStatus.SEE_OTHER);
    }

    private static String nz(String s) {
        return s == null ? "" : s.strip();
    }
}
