package broadsheet.comment;

import broadsheet.article.ArticleDetail;
import broadsheet.article.DiscussionView;
import broadsheet.article.Status;
import broadsheet.comment.CommentViews.Form;
import broadsheet.comment.CommentViews.FormKind;
import broadsheet.comment.CommentViews.ItemView;
import broadsheet.comment.CommentViews.Reader;
import broadsheet.comment.CommentViews.ThreadView;
import broadsheet.settings.CommentSettings;
import broadsheet.web.CachePolicy;
import broadsheet.web.HttpProblem;
import broadsheet.web.Meta;
import broadsheet.web.Pages;
import broadsheet.web.ReaderAccess;
import broadsheet.web.SignedInReader;
import broadsheet.web.Site;
import broadsheet.web.SiteInfo;
import broadsheet.web.Template;
import gg.jte.generated.precompiled.comment.JtepageGenerated;
import gg.jte.generated.precompiled.comment.JtepartGenerated;
import gg.jte.generated.precompiled.comment.JtepostedGenerated;
import gg.jte.generated.precompiled.comment.JterecommendedGenerated;
import gg.jte.generated.precompiled.comment.JterefusedGenerated;
import gg.jte.generated.precompiled.comment.JtesectionGenerated;
import gg.jte.html.HtmlTemplateOutput;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * The thread as readers see and use it: the count and {@code <section id="comments">} of the article page (this is the
 * article's {@link DiscussionView}), the thread's own page {@code GET /comments/{articleId}} (more pages, one comment's
 * replies, the reply, edit and report forms; {@code part=1}: just the list, for "show more" in place), and the
 * readers' forms: posting, editing, deleting, recommending, reporting. Without script each form posts and is answered
 * with 303 to the article's address and the comment's anchor; the page's script sends them with {@code part=1} and
 * gets the piece of page to put in place. A visitor's answers are the same for everyone (public, cached); a signed-in
 * reader's are theirs (private). The rules are {@link CommentPosting}'s.
 */
public final class CommentPages implements DiscussionView {
    private static final Template<ThreadView> SECTION = JtesectionGenerated::render;
    private static final Template<ThreadView> PAGE = JtepageGenerated::render;
    private static final Template<ThreadView> PART = JtepartGenerated::render;
    private static final Template<ItemView> POSTED = JtepostedGenerated::render;
    private static final Template<ItemView> RECOMMENDED = JterecommendedGenerated::render;
    private static final Template<String> REFUSED = JterefusedGenerated::render;
    private final CommentStore store;
    private final CommentPosting posting;
    private final Supplier<CommentSettings> rules;
    private final Pages pages;
    private final SiteInfo siteInfo;
    private final LongConsumer changed;
    private final Clock clock;

    /** {@code changed}: told the article whose thread a reader changed, so this instance's cached pages of it go at once. */
    public CommentPages(CommentStore store, CommentPosting posting, Supplier<CommentSettings> rules, Pages pages, SiteInfo siteInfo,
                        LongConsumer changed, Clock clock) {
        this.store = store;
        this.posting = posting;
        this.rules = rules;
        this.pages = pages;
        this.siteInfo = siteInfo;
        this.changed = changed;
        this.clock = clock;
    }

    @Override
    public Shown of(ArticleDetail detail, Optional<SignedInReader> reader, Optional<Boolean> entitled) {
        var a = detail.article();
        if (a.status() != Status.PUBLISHED) return Shown.NONE;
        // the article's row was read with its page: its thread's settings and count come with it
        var subject = new CommentStore.Subject(a.id(), a.path(), a.headline(), a.commentPolicy(), a.firstPublishedAt(),
                detail.commentsCloseDays(), detail.commentCount());
        Instant now = clock.instant();
        CommentState state = subject.state(rules.get().closeDays(), now);
        if (!state.shows()) return Shown.NONE;
        int n = subject.count();
        String count = n == 1 ? "1 comment" : n > 1 ? n + " comments" : state.takesComments() ? "Comment" : null;
        ThreadView view = thread(subject, state, ThreadSort.NEWEST, null, null, reader, formFor(state, reader, entitled, now), null, now);
        return new Shown(count, out -> SECTION.render((HtmlTemplateOutput) out, null, view));
    }

    /** {@code GET /comments/{articleId}}: a page of the thread, one comment's replies, or a form to reply, edit or report. */
    public void show(Context ctx) {
        CommentStore.Subject subject = subject(ctx);
        Instant now = clock.instant();
        CommentState state = subject.state(rules.get().closeDays(), now);
        if (!state.shows()) throw new HttpProblem(404, "No comments", "This article does not take comments.");
        ThreadSort sort = sort(ctx.queryParam("sort"));
        String rawAfter = ctx.queryParam("after");
        Long root = id(ctx.queryParam("thread"), "thread");
        ThreadSort.Cursor after = rawAfter == null ? null : ThreadSort.Cursor.decode(root == null ? sort : ThreadSort.OLDEST, rawAfter)
                .orElseThrow(() -> HttpProblem.badRequest("That \"show more\" link is not one this site made; start again from the first page."));
        Optional<SignedInReader> reader = ReaderAccess.current(ctx);
        Form form = null;
        Long reply = id(ctx.queryParam("reply"), "reply");
        Long edit = id(ctx.queryParam("edit"), "edit");
        Long report = id(ctx.queryParam("report"), "report");
        if (reply != null || edit != null || report != null) form = focused(subject, state, reader, reply, edit, report, now);
        ThreadView view = thread(subject, state, sort, after, root, reader, form, meta(subject), now);
        boolean part = "1".equals(ctx.queryParam("part"));
        pages.html(ctx, part ? PART : PAGE, view, CachePolicy.PUBLIC_PAGE, List.of("article-" + subject.id()));
    }

    /** The form a reply, edit or report link opens on the thread's page, or the reason there is none. */
    private Form focused(CommentStore.Subject subject, CommentState state, Optional<SignedInReader> reader, Long reply, Long edit,
                         Long report, Instant now) {
        Form base = formFor(state, reader, now);
        if (base.kind() != FormKind.POST && !(edit != null && base.kind() != FormKind.SIGN_IN)) return base;
        long readerId = reader.map(SignedInReader::id).orElse(0L);
        Long id = reply != null ? reply : edit != null ? edit : report;
        Comment c = store.find(id).filter(x -> x.articleId() == subject.id()).orElseThrow(
                () -> new HttpProblem(404, "Comment not found", "There is no such comment under this article."));
        if (edit != null) {
            if (!c.by(readerId) || !CommentPosting.editable(c, rules.get(), now)) {
                throw new HttpProblem(403, "Cannot edit", "Only its writer may edit a comment, within " + rules.get().editMinutes() + " minutes of posting it.");
            }
            return new Form(FormKind.POST, c.body(), null, null, c, null, null, null);
        }
        if (!c.approved()) throw new HttpProblem(404, "Comment not found", "This comment is no longer shown.");
        if (reply != null) return new Form(FormKind.POST, "", null, c, null, null, null, null);
        return new Form(FormKind.POST, "", null, null, null, c, null, null);
    }

    /** What stands where the form goes for this reader on an article in this state. */
    private Form formFor(CommentState state, Optional<SignedInReader> reader, Instant now) {
        return formFor(state, reader, Optional.empty(), now);
    }

    /** As {@link #formFor(CommentState, Optional, Instant)}, with the reader's subscription when it is known already. */
    private Form formFor(CommentState state, Optional<SignedInReader> reader, Optional<Boolean> entitled, Instant now) {
        if (!state.takesComments()) return Form.of(FormKind.CLOSED);
        if (reader.isEmpty()) return Form.of(FormKind.SIGN_IN);
        return posting.barred(reader.get().id(), now, entitled).map(b -> switch (b) {
            case CommentPosting.Barred.NotSubscriber n -> Form.of(FormKind.NOT_SUBSCRIBER);
            case CommentPosting.Barred.Banned x -> new Form(FormKind.BANNED, "", null, null, null, null, x.reason(), null);
            case CommentPosting.Barred.Suspended s -> new Form(FormKind.SUSPENDED, "", null, null, null, null, null, s.until());
        }).orElse(Form.of(FormKind.POST));
    }

    private ThreadView thread(CommentStore.Subject subject, CommentState state, ThreadSort sort, ThreadSort.Cursor after, Long root,
                              Optional<SignedInReader> reader, Form form, Meta meta, Instant now) {
        long viewer = reader.map(SignedInReader::id).orElse(0L);
        CommentStore.Page page;
        String more = null;
        if (root != null) {
            page = store.replies(subject.id(), root, after, viewer)
                    .orElseThrow(() -> new HttpProblem(404, "Comment not found", "There is no such comment under this article."));
            if (page.next() != null) more = "/comments/" + subject.id() + "?thread=" + root + "&after=" + page.next().encode();
        } else if (after == null && subject.count() == 0) {
            page = store.withoutApproved(subject.id(), viewer);
        } else {
            page = store.page(subject.id(), sort, after, viewer);
            if (page.next() != null) {
                more = "/comments/" + subject.id() + "?" + (sort == ThreadSort.NEWEST ? "" : "sort=" + sort.word() + "&") + "after="
                        + page.next().encode();
            }
        }
        Set<Long> recommended = reader.isEmpty() ? Set.of() : store.recommendedBy(viewer, ids(page.entries()));
        Form shown = form != null ? form : formFor(state, reader, now);
        return new ThreadView(siteInfo.site(), meta, subject, state, sort, page.entries(), more,
                reader.map(r -> new Reader(r.id(), r.csrf())).orElse(null), shown, rules.get().editWindow(), now, root, recommended,
                meta != null);
    }

    private static List<Long> ids(List<CommentThreads.Entry> entries) {
        List<Long> out = new ArrayList<>();
        for (var e : entries) {
            out.add(e.comment().id());
            out.addAll(ids(e.replies()));
        }
        return out;
    }

    private Meta meta(CommentStore.Subject subject) {
        Site site = siteInfo.site();
        return Meta.of("Comments: " + subject.headline() + " | " + site.name(), "Readers' comments on " + subject.headline() + ".",
                site.absolute("/comments/" + subject.id())).asNoindex();
    }

    /** {@code POST /comments/{articleId}}: a new comment, or with {@code parent} a reply. */
    public void post(Context ctx) {
        SignedInReader reader = ReaderAccess.current(ctx).orElseThrow();
        CommentStore.Subject subject = subject(ctx);
        Long parent = id(ctx.formParam("parent"), "parent");
        String body = ctx.formParam("body") == null ? "" : ctx.formParam("body");
        Instant now = clock.instant();
        switch (posting.post(reader.id(), subject.id(), parent, body, now)) {
            case CommentPosting.Posted.Up up -> {
                changed.accept(subject.id());
                answer(ctx, up.comment(), up.articlePath(), POSTED);
            }
            case CommentPosting.Posted.Held held -> answer(ctx, held.comment(), held.articlePath(), POSTED);
            case CommentPosting.Posted.Refused r -> {
                Form form = parent == null ? null : store.find(parent).filter(Comment::approved)
                        .map(c -> new Form(FormKind.POST, "", null, c, null, null, null, null)).orElse(null);
                refuse(ctx, subject, form, body, r.message());
            }
        }
    }

    /** {@code POST /comments/c/{id}/edit}: the reader's own comment, changed while the edit window is open. */
    public void edit(Context ctx) {
        SignedInReader reader = ReaderAccess.current(ctx).orElseThrow();
        long id = pathId(ctx);
        String body = ctx.formParam("body") == null ? "" : ctx.formParam("body");
        switch (posting.edit(reader.id(), id, body, clock.instant())) {
            case CommentPosting.Changed.Done d -> {
                changed.accept(d.comment().articleId());
                answer(ctx, d.comment(), d.articlePath(), POSTED);
            }
            case CommentPosting.Changed.Refused r -> {
                Comment c = store.find(id).filter(x -> x.by(reader.id())).orElseThrow(HttpProblem::notFound);
                refuse(ctx, subjectOf(c), new Form(FormKind.POST, "", null, null, c, null, null, null), body, r.message());
            }
        }
    }

    /** {@code POST /comments/c/{id}/delete}: the reader's own comment goes ("comment deleted" while replies to it show). */
    public void delete(Context ctx) {
        SignedInReader reader = ReaderAccess.current(ctx).orElseThrow();
        switch (posting.delete(reader.id(), pathId(ctx))) {
            case CommentPosting.Changed.Done d -> {
                changed.accept(d.comment().articleId());
                redirect(ctx, d.articlePath() + "#comments");
            }
            case CommentPosting.Changed.Refused r -> throw new HttpProblem(409, "Not deleted", r.message());
        }
    }

    /** {@code POST /comments/c/{id}/recommend}: recommends a comment, or takes the recommendation back. */
    public void recommend(Context ctx) {
        SignedInReader reader = ReaderAccess.current(ctx).orElseThrow();
        switch (posting.recommend(reader.id(), pathId(ctx), clock.instant())) {
            case CommentPosting.Changed.Done d -> {
                changed.accept(d.comment().articleId());
                answer(ctx, d.comment(), d.articlePath(), RECOMMENDED);
            }
            case CommentPosting.Changed.Refused r -> throw new HttpProblem(409, "Not recommended", r.message());
        }
    }

    /** {@code POST /comments/c/{id}/report}: tells the moderators what is wrong with a comment (once per reader). */
    public void report(Context ctx) {
        SignedInReader reader = ReaderAccess.current(ctx).orElseThrow();
        long id = pathId(ctx);
        String details = ctx.formParam("details");
        switch (posting.report(reader.id(), id, String.valueOf(ctx.formParam("reason")), details, clock.instant())) {
            case CommentPosting.Changed.Done d -> redirect(ctx, d.articlePath() + "#comment-" + id);
            case CommentPosting.Changed.Refused r -> {
                Comment c = store.find(id).orElseThrow(HttpProblem::notFound);
                refuse(ctx, subjectOf(c), new Form(FormKind.POST, "", null, null, null, c, null, null), details == null ? "" : details,
                        r.message());
            }
        }
    }

    /** The comment in place (script), or 303 to it on the article's page. */
    private void answer(Context ctx, Comment c, String articlePath, Template<ItemView> fragment) {
        if (!"1".equals(ctx.queryParam("part"))) {
            redirect(ctx, articlePath + "#comment-" + c.id());
            return;
        }
        Optional<SignedInReader> reader = ReaderAccess.current(ctx);
        Instant now = clock.instant();
        CommentStore.Subject subject = subjectOf(c);
        CommentState state = subject.state(rules.get().closeDays(), now);
        Set<Long> recommended = store.recommendedBy(reader.orElseThrow().id(), List.of(c.id()));
        ThreadView view = new ThreadView(siteInfo.site(), null, subject, state, ThreadSort.NEWEST, List.of(), null,
                new Reader(reader.get().id(), reader.get().csrf()), formFor(state, reader, now), rules.get().editWindow(), now, null,
                recommended, false);
        pages.html(ctx, fragment, new ItemView(new CommentThreads.Entry(c, List.of(), false), view), CachePolicy.PRIVATE, List.of());
    }

    /** Nothing was kept: the reason, and the reader's text again (in place, or on the thread's page with the form). */
    private void refuse(Context ctx, CommentStore.Subject subject, Form focus, String text, String message) {
        ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        if ("1".equals(ctx.queryParam("part"))) {
            pages.html(ctx, REFUSED, message, CachePolicy.PRIVATE, List.of());
            return;
        }
        Instant now = clock.instant();
        CommentState state = subject.state(rules.get().closeDays(), now);
        Optional<SignedInReader> reader = ReaderAccess.current(ctx);
        Form form = (focus != null ? focus : formFor(state, reader, now));
        if (form.kind() == FormKind.POST || focus != null) form = form.refused(text, message);
        else form = new Form(form.kind(), text, message, null, null, null, form.barredWhy(), form.until());
        ThreadView view = thread(subject, state, ThreadSort.NEWEST, null, null, reader, form, meta(subject), now);
        pages.html(ctx, PAGE, view, CachePolicy.PRIVATE, List.of());
    }

    private CommentStore.Subject subjectOf(Comment c) {
        return store.subject(c.articleId()).orElseThrow(HttpProblem::notFound);
    }

    private CommentStore.Subject subject(Context ctx) {
        Long id = id(ctx.pathParam("articleId"), "article");
        return store.subject(id).orElseThrow(() -> new HttpProblem(404, "Article not found", "No published article has this number."));
    }

    private static long pathId(Context ctx) {
        Long id = id(ctx.pathParam("id"), "comment");
        return id;
    }

    /** A number from the address or a form: null when absent, 400 when it is not one. */
    private static Long id(String raw, String what) {
        if (raw == null || raw.isEmpty()) return null;
        if (!raw.matches("[1-9][0-9]{0,17}")) throw HttpProblem.badRequest("The " + what + " must be a positive whole number.");
        return Long.parseLong(raw);
    }

    private static ThreadSort sort(String raw) {
        if (raw == null || raw.isEmpty()) return ThreadSort.NEWEST;
        return ThreadSort.fromWord(raw).orElseThrow(() -> HttpProblem.badRequest("Sort by newest, oldest, recommended or picks."));
    }

    private static void redirect(Context ctx, String to) {
        ctx.header("Cache-Control", CachePolicy.NO_STORE.header());
        ctx.redirect(to, HttpStatus.SEE_OTHER);
    }
}
