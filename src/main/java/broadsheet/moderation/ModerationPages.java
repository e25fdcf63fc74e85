package broadsheet.moderation;

import broadsheet.newsroom.Frame;
import broadsheet.newsroom.Frames;
import broadsheet.newsroom.MessageView;
import broadsheet.shared.AuditLog;
import broadsheet.web.Access;
import broadsheet.web.CachePolicy;
import broadsheet.web.FormFields;
import broadsheet.web.HttpProblem;
import broadsheet.web.Pages;
import broadsheet.web.Template;
import gg.jte.generated.precompiled.moderation.JtecommenterGenerated;
import gg.jte.generated.precompiled.moderation.JtequeueGenerated;
import gg.jte.generated.precompiled.newsroom.JtemessageGenerated;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The moderators' pages: the queues ({@code /newsroom/comments/?queue=pending|reported|recent}, a page at a time), a
 * commenter's page ({@code /newsroom/commenters/{readerId}}), and the actions on comments (one, or the ticked ones at
 * once) and on their writers. Every action answers with a redirect back to the page it came from, saying what was
 * done; a refused one with a page saying why, and nothing done. The rules are {@link Moderation}'s.
 */
public final class ModerationPages {
    private static final Template<QueueView> QUEUE = JtequeueGenerated::render;
    private static final Template<CommenterView> COMMENTER = JtecommenterGenerated::render;
    private static final Template<MessageView> MESSAGE = JtemessageGenerated::render;
    private static final String HOME = "/newsroom/comments/";
    private final ModerationQueries queries;
    private final Moderation moderation;
    private final Frames frames;
    private final Pages pages;
    private final Clock clock;
    private final Times times;
    private final String script;

    /** {@code script}: the address of the queue's keyboard script. */
    public ModerationPages(ModerationQueries queries, Moderation moderation, Frames frames, Pages pages, Clock clock, ZoneId zone,
                           String script) {
        this.queries = queries;
        this.moderation = moderation;
        this.frames = frames;
        this.pages = pages;
        this.clock = clock;
        this.times = new Times(zone);
        this.script = script;
    }

    /**
     * What a list of comments shows, and the page it is on ({@code back}, where its forms return). {@code next}: the next
     * page's address, or null.
     */
    public record Listing(List<ModerationQueries.Item> items, String back, String next, boolean first, Instant now, Times times) {}

    public record QueueView(Frame frame, Queue queue, Map<Queue, Long> sizes, Listing listing, String notice, String script) {
        /** What an empty queue says. */
        public String empty() {
            return switch (queue) {
                case PENDING -> "No comment is waiting.";
                case REPORTED -> "No comment has an open report.";
                case RECENT -> "No comments yet.";
            };
        }
    }

    public record CommenterView(Frame frame, ModerationQueries.Commenter commenter, Listing listing, String notice, String script) {}

    /** {@code GET /newsroom/comments/?queue=...&after=...}. */
    public void queue(Context ctx) {
        String word = ctx.queryParam("queue");
        Queue queue = word == null || word.isEmpty() ? Queue.PENDING
                : Queue.fromWord(word).orElseThrow(() -> HttpProblem.badRequest("There is no queue \"" + shorten(word) + "\"."));
        Cursor after = cursor(ctx);
        var slice = queries.queue(queue, after);
        String here = HOME + "?queue=" + queue.word();
        String back = after == null ? here : here + "&after=" + after.word();
        String next = slice.next() == null ? null : here + "&after=" + slice.next().word();
        pages.html(ctx, QUEUE, new QueueView(frames.of(ctx, "comments"), queue, queries.sizes(),
                new Listing(slice.items(), back, next, after == null, clock.instant(), times), notice(ctx), script), CachePolicy.NO_STORE, List.of());
    }

    /** {@code GET /newsroom/commenters/{readerId}}. */
    public void commenter(Context ctx) {
        long readerId = FormFields.id(ctx, "readerId");
        var commenter = queries.commenter(readerId).orElseThrow(HttpProblem::notFound);
        Cursor after = cursor(ctx);
        var slice = queries.ofReader(readerId, after);
        String here = "/newsroom/commenters/" + readerId;
        String back = after == null ? here : here + "?after=" + after.word();
        String next = slice.next() == null ? null : here + "?after=" + slice.next().word();
        pages.html(ctx, COMMENTER, new CommenterView(frames.of(ctx, "comments"), commenter,
                new Listing(slice.items(), back, next, after == null, clock.instant(), times), notice(ctx), script), CachePolicy.NO_STORE, List.of());
    }

    /** {@code POST /newsroom/comments/{id}/approve}. */
    public void approve(Context ctx) {
        one(ctx, Moderation.Action.APPROVE);
    }

    /** {@code POST /newsroom/comments/{id}/reject} (field {@code reason}). */
    public void reject(Context ctx) {
        one(ctx, Moderation.Action.REJECT);
    }

    /** {@code POST /newsroom/comments/{id}/feature}: an editor's pick (approving it if it was not). */
    public void feature(Context ctx) {
        one(ctx, Moderation.Action.FEATURE);
    }

    /** {@code POST /newsroom/comments/{id}/unfeature}. */
    public void unfeature(Context ctx) {
        one(ctx, Moderation.Action.UNFEATURE);
    }

    /** {@code POST /newsroom/comments/bulk}: fields {@code action}, {@code id} (each ticked comment), {@code reason}. */
    public void bulk(Context ctx) {
        var action = Moderation.Action.fromWord(FormFields.field(ctx, "action"))
                .orElseThrow(() -> HttpProblem.badRequest("Choose what to do with the ticked comments."));
        List<Long> ids = new ArrayList<>();
        for (String id : ctx.formParams("id")) {
            if (!id.matches("[0-9]{1,18}")) throw HttpProblem.badRequest("A ticked comment is not one of ours.");
            ids.add(Long.parseLong(id));
        }
        answer(ctx, moderation.act(actor(ctx), action, ids, FormFields.field(ctx, "reason"), clock.instant()), HOME, action.past());
    }

    private void one(Context ctx, Moderation.Action action) {
        long id = FormFields.id(ctx, "id");
        answer(ctx, moderation.act(actor(ctx), action, List.of(id), FormFields.field(ctx, "reason"), clock.instant()), HOME, action.past());
    }

    /** {@code POST /newsroom/commenters/{readerId}/warn} (field {@code message}). */
    public void warn(Context ctx) {
        long reader = FormFields.id(ctx, "readerId");
        answer(ctx, moderation.warn(actor(ctx), reader, ctx.formParam("message"), clock.instant()), commenterPage(reader), "warned");
    }

    /** {@code POST /newsroom/commenters/{readerId}/suspend} (fields {@code days}, {@code reason}). */
    public void suspend(Context ctx) {
        long reader = FormFields.id(ctx, "readerId");
        answer(ctx, moderation.suspend(actor(ctx), reader, ctx.formParam("days"), ctx.formParam("reason"), clock.instant()),
                commenterPage(reader), "suspended");
    }

    /** {@code POST /newsroom/commenters/{readerId}/ban} (fields {@code reason}, {@code rejectAll} = yes). */
    public void ban(Context ctx) {
        long reader = FormFields.id(ctx, "readerId");
        boolean rejectAll = "yes".equals(ctx.formParam("rejectAll"));
        answer(ctx, moderation.ban(actor(ctx), reader, ctx.formParam("reason"), rejectAll, clock.instant()), commenterPage(reader),
                rejectAll ? "banned-all" : "banned");
    }

    /** {@code POST /newsroom/commenters/{readerId}/lift}: ends a suspension or ban. */
    public void lift(Context ctx) {
        long reader = FormFields.id(ctx, "readerId");
        answer(ctx, moderation.lift(actor(ctx), reader, clock.instant()), commenterPage(reader), "lifted");
    }

    private void answer(Context ctx, Moderation.Outcome outcome, String otherwise, String notice) {
        String back = PageForm.back(ctx, otherwise);
        switch (outcome) {
            case Moderation.Outcome.Done d -> PageForm.redirect(ctx, back, notice);
            case Moderation.Outcome.NotFound n -> throw HttpProblem.notFound();
            case Moderation.Outcome.Invalid i -> {
                ctx.status(400);
                pages.html(ctx, MESSAGE, new MessageView(frames.of(ctx, "comments"), "Nothing was done", i.problem(), back, "Back"),
                        CachePolicy.NO_STORE, List.of());
            }
        }
    }

    private static String commenterPage(long readerId) {
        return "/newsroom/commenters/" + readerId;
    }

    private static Cursor cursor(Context ctx) {
        String after = ctx.queryParam("after");
        if (after == null || after.isEmpty()) return null;
        return Cursor.parse(after).orElseThrow(() -> HttpProblem.badRequest("That page of the queue does not exist: start from its first page."));
    }

    private static AuditLog.Actor actor(Context ctx) {
        return Access.visitor(ctx).actor(ctx.ip());
    }

    private static String notice(Context ctx) {
        String word = ctx.queryParam("notice");
        if (word == null) return null;
        return switch (word) {
            case "approved" -> "Approved: the comment shows in its thread.";
            case "rejected" -> "Rejected: the comment no longer shows.";
            case "featured" -> "Featured as an editor's pick.";
            case "unfeatured" -> "No longer an editor's pick.";
            case "warned" -> "Warned: the reader sees the warning above the comment form.";
            case "suspended" -> "Suspended: the reader cannot comment until the suspension ends.";
            case "banned" -> "Banned: the reader can no longer comment.";
            case "banned-all" -> "Banned, and all their comments rejected.";
            case "lifted" -> "The reader may comment again.";
            default -> null;
        };
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
