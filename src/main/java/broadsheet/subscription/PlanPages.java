package broadsheet.subscription;

import broadsheet.newsroom.Frame;
import broadsheet.newsroom.Frames;
import broadsheet.shared.AuditLog;
import broadsheet.web.Access;
import broadsheet.web.CachePolicy;
import broadsheet.web.HttpProblem;
import broadsheet.web.Pages;
import broadsheet.web.Template;
import gg.jte.generated.precompiled.subscription.JteplanGenerated;
import gg.jte.generated.precompiled.subscription.JteplansGenerated;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The newsroom's plan pages, for admins: the plans (on sale, then retired) with the form for a new one, one plan's
 * form, taking a plan off sale (retired when a subscription uses it, deleted otherwise) and putting a retired one on
 * sale again. The rules and limits are {@link Plans}'; this class reads forms and picks pages.
 */
public final class PlanPages {
    private static final Template<ListView> LIST = JteplansGenerated::render;
    private static final Template<EditView> EDIT = JteplanGenerated::render;
    private static final Plans.Draft BLANK = new Plans.Draft("", "month", "", "GBP", "");
    private final Plans plans;
    private final boolean stripe;
    private final Runnable refresh;
    private final Frames frames;
    private final Pages pages;
    private final Clock clock;

    /**
     * {@code stripe}: whether payments go through Stripe; {@code refresh} empties this instance's page cache after a
     * change, so the subscribe page and the paywall's offer show it at once (other instances hear of it through the
     * change feed).
     */
    public PlanPages(Plans plans, boolean stripe, Runnable refresh, Frames frames, Pages pages, Clock clock) {
        this.plans = plans;
        this.stripe = stripe;
        this.refresh = refresh;
        this.frames = frames;
        this.pages = pages;
        this.clock = clock;
    }

    /** The list and the new-plan form; problems are keyed by field. */
    public record ListView(Frame frame, List<Plan> plans, Plans.Draft form, Map<String, String> problems, String notice, boolean stripe) {
        public String problem(String field) {
            return problems.get(field);
        }
    }

    /** One plan's form; problems are keyed by field. */
    public record EditView(Frame frame, Plan plan, Plans.Draft form, Map<String, String> problems, String notice, boolean stripe) {
        public String problem(String field) {
            return problems.get(field);
        }
    }

    /** {@code GET /newsroom/plans/}. */
    public void list(Context ctx) {
        showList(ctx, 200, BLANK, Map.of(), notice(ctx.queryParam("notice")));
    }

    /** {@code POST /newsroom/plans}. */
    public void create(Context ctx) {
        Plans.Draft draft = draft(ctx);
        switch (plans.create(actor(ctx), draft, clock.instant())) {
            case Plans.Outcome.Done d -> redirect(ctx, "/newsroom/plans/?notice=created#plan-" + d.plan().id());
            case Plans.Outcome.Invalid i -> showList(ctx, 400, draft, i.problems(), null);
            default -> throw new IllegalStateException("creating a plan cannot find it missing");
        }
    }

    /** {@code GET /newsroom/plans/{id}}. */
    public void edit(Context ctx) {
        Plan plan = find(ctx);
        showEdit(ctx, 200, plan, draftOf(plan), Map.of(), notice(ctx.queryParam("notice")));
    }

    /** {@code POST /newsroom/plans/{id}}. */
    public void save(Context ctx) {
        Plan plan = find(ctx);
        Plans.Draft draft = draft(ctx);
        switch (plans.update(actor(ctx), plan.id(), draft, clock.instant())) {
            case Plans.Outcome.Done d -> redirect(ctx, "/newsroom/plans/" + plan.id() + "?notice=saved");
            case Plans.Outcome.Invalid i -> showEdit(ctx, 400, plan, draft, i.problems(), null);
            case Plans.Outcome.NotFound n -> throw HttpProblem.notFound();
            case Plans.Outcome.Removed r -> throw new IllegalStateException("saving a plan cannot remove it");
        }
    }

    /** {@code POST /newsroom/plans/{id}/retire}: off sale; deleted if no subscription ever used it. */
    public void retire(Context ctx) {
        switch (plans.remove(actor(ctx), id(ctx), clock.instant())) {
            case Plans.Outcome.Removed r when r.deleted() -> redirect(ctx, "/newsroom/plans/?notice=deleted");
            case Plans.Outcome.Removed r -> redirect(ctx, "/newsroom/plans/?notice=retired#plan-" + r.plan().id());
            case Plans.Outcome.NotFound n -> throw HttpProblem.notFound();
            default -> throw new IllegalStateException("retiring a plan has no fields to refuse");
        }
    }

    /** {@code POST /newsroom/plans/{id}/offer}: a retired plan on sale again. */
    public void offer(Context ctx) {
        switch (plans.offer(actor(ctx), id(ctx), clock.instant())) {
            case Plans.Outcome.Done d -> redirect(ctx, "/newsroom/plans/?notice=offered#plan-" + d.plan().id());
            case Plans.Outcome.NotFound n -> throw HttpProblem.notFound();
            default -> throw new IllegalStateException("offering a plan has no fields to refuse");
        }
    }

    private void showList(Context ctx, int status, Plans.Draft form, Map<String, String> problems, String notice) {
        ctx.status(status);
        pages.html(ctx, LIST, new ListView(frames.of(ctx, "plans"), plans.all(), form, problems, notice, stripe), CachePolicy.NO_STORE, List.of());
    }

    private void showEdit(Context ctx, int status, Plan plan, Plans.Draft form, Map<String, String> problems, String notice) {
        ctx.status(status);
        pages.html(ctx, EDIT, new EditView(frames.of(ctx, "plans"), plan, form, problems, notice, stripe), CachePolicy.NO_STORE, List.of());
    }

    private static Plans.Draft draftOf(Plan p) {
        return new Plans.Draft(p.name(), p.period().word(), p.amount(), p.currency(), p.stripePriceId() == null ? "" : p.stripePriceId());
    }

    private static Plans.Draft draft(Context ctx) {
        return new Plans.Draft(PageForm.field(ctx, "name"), PageForm.field(ctx, "period"), PageForm.field(ctx, "price"),
                PageForm.field(ctx, "currency").toUpperCase(java.util.Locale.ROOT), PageForm.field(ctx, "stripePriceId"));
    }

    private Plan find(Context ctx) {
        return plans.find(id(ctx)).orElseThrow(HttpProblem::notFound);
    }

    private static long id(Context ctx) {
        return PageForm.id(ctx, "id");
    }

    private static AuditLog.Actor actor(Context ctx) {
        return Access.visitor(ctx).actor(ctx.ip());
    }

    private static String notice(String word) {
        if (word == null) return null;
        return switch (word) {
            case "created" -> "Plan added. Readers are offered it on the subscribe page now.";
            case "saved" -> "Saved. New subscriptions use the new name and price; existing ones keep what they pay.";
            case "retired" -> "Plan retired: readers are no longer offered it; the subscriptions on it continue.";
            case "deleted" -> "Plan deleted: no subscription had used it.";
            case "offered" -> "The plan is on sale again.";
            default -> null;
        };
    }

    /** After a change: the cached pages that offer plans are emptied, then the admin is sent on. */
    private void redirect(Context ctx, String to) {
        refresh.run();
        PageForm.redirect(ctx, to);
    }
}
