package broadsheet.webhook;

import broadsheet.newsroom.Frame;
import broadsheet.newsroom.Frames;
import broadsheet.web.Access;
import broadsheet.web.CachePolicy;
import broadsheet.web.FormFields;
import broadsheet.web.HttpProblem;
import broadsheet.web.Pages;
import broadsheet.web.Template;
import gg.jte.generated.precompiled.webhook.JtedeliveryGenerated;
import gg.jte.generated.precompiled.webhook.JteendpointGenerated;
import gg.jte.generated.precompiled.webhook.JteendpointsGenerated;
import gg.jte.generated.precompiled.webhook.JtenewGenerated;
import gg.jte.generated.precompiled.webhook.JtesecretGenerated;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The admin's webhook pages: the endpoints, registering one, an endpoint's settings with its recent deliveries, one
 * delivery's attempts, and the actions (save, replace the secret, send a test event, redeliver). The rules are
 * {@link Endpoints}' and {@link Deliveries}'; that only admins come here is the route table's.
 */
public final class WebhookPages {
    static final int PAGE = 25;
    private static final Template<WebhookViews.ListView> LIST = JteendpointsGenerated::render;
    private static final Template<WebhookViews.NewView> NEW = JtenewGenerated::render;
    private static final Template<WebhookViews.EndpointView> ENDPOINT = JteendpointGenerated::render;
    private static final Template<WebhookViews.DeliveryView> DELIVERY = JtedeliveryGenerated::render;
    private static final Template<WebhookViews.SecretView> SECRET = JtesecretGenerated::render;
    private final Endpoints endpoints;
    private final Deliveries deliveries;
    private final Frames frames;
    private final Pages pages;
    private final Clock clock;
    private final ZoneId zone;

    public WebhookPages(Endpoints endpoints, Deliveries deliveries, Frames frames, Pages pages, Clock clock, ZoneId zone) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.frames = frames;
        this.pages = pages;
        this.clock = clock;
        this.zone = zone;
    }

    public void list(Context ctx) {
        show(ctx, 200, LIST, new WebhookViews.ListView(frame(ctx), endpoints.all()));
    }

    public void toList(Context ctx) {
        FormFields.redirect(ctx, "/newsroom/webhooks/");
    }

    public void newForm(Context ctx) {
        show(ctx, 200, NEW, new WebhookViews.NewView(frame(ctx), WebhookForm.blank(), Map.of()));
    }

    public void create(Context ctx) {
        WebhookForm form = WebhookForm.read(ctx);
        try {
            var made = endpoints.create(Access.visitor(ctx).actor(ctx.ip()), form.input(), clock.instant());
            show(ctx, 200, SECRET, new WebhookViews.SecretView(frame(ctx), made.endpoint(), made.secret(), true));
        } catch (Endpoints.Refused e) {
            show(ctx, 400, NEW, new WebhookViews.NewView(frame(ctx), form, e.problems()));
        }
    }

    public void endpoint(Context ctx) {
        Endpoint e = endpointOf(ctx);
        showEndpoint(ctx, 200, e, WebhookForm.of(e), Map.of(), notice(ctx.queryParam("notice")));
    }

    public void save(Context ctx) {
        Endpoint e = endpointOf(ctx);
        WebhookForm form = WebhookForm.read(ctx);
        try {
            endpoints.update(Access.visitor(ctx).actor(ctx.ip()), e.id(), form.input(), clock.instant()).orElseThrow(HttpProblem::notFound);
            FormFields.redirect(ctx, "/newsroom/webhooks/" + e.id() + "?notice=saved");
        } catch (Endpoints.Refused refused) {
            showEndpoint(ctx, 400, e, form, refused.problems(), null);
        }
    }

    public void rotateSecret(Context ctx) {
        Endpoint e = endpointOf(ctx);
        var rotated = endpoints.rotateSecret(Access.visitor(ctx).actor(ctx.ip()), e.id(), clock.instant()).orElseThrow(HttpProblem::notFound);
        show(ctx, 200, SECRET, new WebhookViews.SecretView(frame(ctx), rotated.endpoint(), rotated.secret(), false));
    }

    public void ping(Context ctx) {
        Endpoint e = endpointOf(ctx);
        deliveries.ping(Access.visitor(ctx).actor(ctx.ip()), e, clock.instant());
        FormFields.redirect(ctx, "/newsroom/webhooks/" + e.id() + "?notice=ping");
    }

    public void delivery(Context ctx) {
        Endpoint e = endpointOf(ctx);
        Delivery d = deliveries.byId(e.id(), FormFields.id(ctx, "delivery")).orElseThrow(HttpProblem::notFound);
        Long before = before(ctx);
        List<Delivery.Attempt> attempts = deliveries.attempts(d.id(), before, PAGE + 1);
        String older = attempts.size() > PAGE ? "/newsroom/webhooks/" + e.id() + "/deliveries/" + d.id() + "?before=" + attempts.get(PAGE - 1).id() : null;
        show(ctx, 200, DELIVERY, new WebhookViews.DeliveryView(frame(ctx), e, d, attempts.subList(0, Math.min(PAGE, attempts.size())),
                before != null, older, notice(ctx.queryParam("notice")), zone));
    }

    public void redeliver(Context ctx) {
        Endpoint e = endpointOf(ctx);
        long id = FormFields.id(ctx, "delivery");
        if (!deliveries.redeliver(Access.visitor(ctx).actor(ctx.ip()), e, id, clock.instant())) throw HttpProblem.notFound();
        FormFields.redirect(ctx, "/newsroom/webhooks/" + e.id() + "/deliveries/" + id + "?notice=redeliver");
    }

    private void showEndpoint(Context ctx, int status, Endpoint e, WebhookForm form, Map<String, String> problems, String notice) {
        Long before = before(ctx);
        List<Delivery> list = deliveries.ofEndpoint(e.id(), before, PAGE + 1);
        String older = list.size() > PAGE ? "/newsroom/webhooks/" + e.id() + "?before=" + list.get(PAGE - 1).id() : null;
        show(ctx, status, ENDPOINT, new WebhookViews.EndpointView(frame(ctx), e, form, problems,
                list.subList(0, Math.min(PAGE, list.size())), before != null, older, notice, zone));
    }

    private Endpoint endpointOf(Context ctx) {
        return endpoints.byId(FormFields.id(ctx, "id")).orElseThrow(HttpProblem::notFound);
    }

    /** The keyset cursor of an older page: the id the page starts below; anything else is a page with nothing at it. */
    private static Long before(Context ctx) {
        String raw = ctx.queryParam("before");
        if (raw == null) return null;
        if (!raw.matches("[0-9]{1,18}")) throw HttpProblem.notFound();
        return Long.parseLong(raw);
    }

    private Frame frame(Context ctx) {
        return frames.of(ctx, "webhooks");
    }

    private <T> void show(Context ctx, int status, Template<T> template, T view) {
        ctx.status(status);
        pages.html(ctx, template, view, CachePolicy.NO_STORE, List.of());
    }

    private static String notice(String word) {
        if (word == null) return null;
        return switch (word) {
            case "saved" -> "Saved.";
            case "ping" -> "A test event is on its way; it shows in the list below within a few seconds.";
            case "redeliver" -> "The delivery is sent again within a few seconds, and retried for 24 hours if it fails.";
            default -> null;
        };
    }
}
