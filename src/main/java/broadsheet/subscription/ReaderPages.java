package broadsheet.subscription;

import broadsheet.newsroom.Frame;
import broadsheet.newsroom.Frames;
import broadsheet.shared.AuditLog;
import broadsheet.web.Access;
import broadsheet.web.CachePolicy;
import broadsheet.web.HttpProblem;
import broadsheet.web.Pages;
import broadsheet.web.Template;
import gg.jte.generated.precompiled.subscription.JtereaderGenerated;
import gg.jte.generated.precompiled.subscription.JtereadersGenerated;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The newsroom's reader pages, for admins: finding readers by the start of their email (a page at a time, in email
 * order), and one reader's access: their subscriptions and complimentary access, with forms to grant complimentary
 * access until a day, revoke it, and grant or cancel a subscription by hand. The rules are {@link Grants}'.
 */
public final class ReaderPages {
    private static final Template<ListView> LIST = JtereadersGenerated::render;
    private static final Template<ReaderView> READER = JtereaderGenerated::render;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);
    /** The longest search the page takes: an email is at most 254 characters. */
    private static final int MAX_QUERY = 254;
    private final ReaderDirectory directory;
    private final Grants grants;
    private final Entitlements entitlements;
    private final Plans plans;
    private final Frames frames;
    private final Pages pages;
    private final Clock clock;
    private final ZoneId zone;

    public ReaderPages(ReaderDirectory directory, Grants grants, Entitlements entitlements, Plans plans, Frames frames, Pages pages,
                       Clock clock, ZoneId zone) {
        this.directory = directory;
        this.grants = grants;
        this.entitlements = entitlements;
        this.plans = plans;
        this.frames = frames;
        this.pages = pages;
        this.clock = clock;
        this.zone = zone;
    }

    /** A page of readers found; {@code next} is the next page's address, or null on the last. */
    public record ListView(Frame frame, String query, List<ReaderDirectory.Reader> readers, String next, boolean first, Times times) {}

    /** What one reader's page shows; {@code form} names the form the problems are about ("complimentary" or "subscription"). */
    public record ReaderView(Frame frame, ReaderDirectory.Reader reader, String access, List<ReaderDirectory.Subscription> subscriptions,
                             List<ReaderDirectory.Grant> grants, List<Plan> plans, String form, Map<String, String> problems,
                             Map<String, String> values, String notice, Instant now, Times times) {
        public String problem(String which, String field) {
            return which.equals(form) ? problems.get(field) : null;
        }

        public String value(String which, String field, String otherwise) {
            return which.equals(form) && values.containsKey(field) ? values.get(field) : otherwise;
        }
    }

    /** Dates and times as the newsroom shows them, in the paper's zone. */
    public record Times(ZoneId zone) {
        public String day(Instant t) {
            return DAY.format(t.atZone(zone));
        }

        /** The last day access runs, for an end at midnight after it. */
        public String lastDay(Instant end) {
            return DAY.format(end.minusSeconds(1).atZone(zone));
        }

        public String time(Instant t) {
            return TIME.format(t.atZone(zone));
        }
    }

    /** {@code GET /newsroom/readers/?q=ann&after=...}. */
    public void list(Context ctx) {
        String q = param(ctx, "q");
        String after = param(ctx, "after");
        if (after.isEmpty()) after = null;
        ReaderDirectory.Found found = directory.find(q, after, ReaderDirectory.PAGE);
        String next = found.after() == null ? null
                : "/newsroom/readers/?q=" + enc(q) + "&after=" + enc(found.after());
        pages.html(ctx, LIST, new ListView(frames.of(ctx, "readers"), q, found.readers(), next, after == null, new Times(zone)),
                CachePolicy.NO_STORE, List.of());
    }

    /** {@code GET /newsroom/readers/{id}}. */
    public void show(Context ctx) {
        showReader(ctx, 200, reader(ctx), "", Map.of(), Map.of(), notice(ctx.queryParam("notice")));
    }

    /** {@code POST /newsroom/readers/{id}/complimentary}: complimentary access until a day, with a reason. */
    public void grantComplimentary(Context ctx) {
        ReaderDirectory.Reader reader = reader(ctx);
        String until = PageForm.field(ctx, "until");
        String reason = PageForm.field(ctx, "reason");
        answer(ctx, reader, "complimentary", Map.of("until", until, "reason", reason),
                grants.grantComplimentary(actor(ctx), reader.id(), until, reason, clock.instant()), "granted");
    }

    /** {@code POST /newsroom/readers/{id}/complimentary/{grant}/revoke}. */
    public void revokeComplimentary(Context ctx) {
        ReaderDirectory.Reader reader = reader(ctx);
        answer(ctx, reader, "", Map.of(), grants.revokeComplimentary(actor(ctx), reader.id(), PageForm.id(ctx, "grant"), clock.instant()),
                "revoked");
    }

    /** {@code POST /newsroom/readers/{id}/subscriptions}: a subscription granted by hand. */
    public void grantSubscription(Context ctx) {
        ReaderDirectory.Reader reader = reader(ctx);
        String plan = PageForm.field(ctx, "plan");
        String until = PageForm.field(ctx, "until");
        answer(ctx, reader, "subscription", Map.of("plan", plan, "until", until),
                grants.grantSubscription(actor(ctx), reader.id(), plan, until, clock.instant()), "subscribed");
    }

    /** {@code POST /newsroom/readers/{id}/subscriptions/{subscription}/cancel}. */
    public void cancelSubscription(Context ctx) {
        ReaderDirectory.Reader reader = reader(ctx);
        answer(ctx, reader, "", Map.of(),
                grants.cancelSubscription(actor(ctx), reader.id(), PageForm.id(ctx, "subscription"), clock.instant()), "cancelled");
    }

    private void answer(Context ctx, ReaderDirectory.Reader reader, String form, Map<String, String> values, Grants.Outcome outcome, String notice) {
        switch (outcome) {
            case Grants.Outcome.Done d -> PageForm.redirect(ctx, "/newsroom/readers/" + reader.id() + "?notice=" + notice);
            case Grants.Outcome.Invalid i -> showReader(ctx, 400, reader, form, i.problems(), values, null);
            case Grants.Outcome.NotFound n -> throw HttpProblem.notFound();
        }
    }

    private void showReader(Context ctx, int status, ReaderDirectory.Reader reader, String form, Map<String, String> problems,
                            Map<String, String> values, String notice) {
        Instant now = clock.instant();
        ctx.status(status);
        pages.html(ctx, READER, new ReaderView(frames.of(ctx, "readers"), reader,
                        entitlements.describe(reader.id(), now).orElse("No access beyond free and registered articles."),
                        directory.subscriptions(reader.id()), directory.grants(reader.id()), plans.active(), form, problems, values, notice,
                        now, new Times(zone)),
                CachePolicy.NO_STORE, List.of());
    }

    /** A month from today, the date the grant forms suggest. */
    public static String monthAhead(Instant now, ZoneId zone) {
        return LocalDate.ofInstant(now, zone).plusMonths(1).toString();
    }

    private ReaderDirectory.Reader reader(Context ctx) {
        return directory.reader(PageForm.id(ctx, "id")).orElseThrow(HttpProblem::notFound);
    }

    private static String param(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null) return "";
        v = v.strip();
        if (v.length() > MAX_QUERY) throw HttpProblem.badRequest("Search with at most " + MAX_QUERY + " characters of an email.");
        return v;
    }

    private static AuditLog.Actor actor(Context ctx) {
        return Access.visitor(ctx).actor(ctx.ip());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String notice(String word) {
        if (word == null) return null;
        return switch (word) {
            case "granted" -> "Complimentary access granted: the reader can read premium articles now.";
            case "revoked" -> "Complimentary access revoked.";
            case "subscribed" -> "Subscription granted: the reader can read premium articles now.";
            case "cancelled" -> "Subscription cancelled.";
            default -> null;
        };
    }
}
