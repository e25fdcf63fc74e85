package broadsheet.webhook;

import io.javalin.http.Context;
import java.util.List;

/** The endpoint form's fields as sent, for re-showing a refused form; {@link EndpointInput} checks them. */
public record WebhookForm(String url, String description, List<String> events, boolean enabled) {
    static WebhookForm blank() {
        return new WebhookForm("", "", EventType.all().stream().map(EventType::word).toList(), true);
    }

    static WebhookForm of(Endpoint e) {
        return new WebhookForm(e.url(), e.description(), e.events().stream().map(EventType::word).toList(), e.enabled());
    }

    static WebhookForm read(Context ctx) {
        String url = ctx.formParam("url");
        String description = ctx.formParam("description");
        return new WebhookForm(url == null ? "" : url.strip(), description == null ? "" : description.strip(),
                List.copyOf(ctx.formParams("events")), "yes".equals(ctx.formParam("enabled")));
    }

    EndpointInput input() {
        return new EndpointInput(url, description, events, enabled);
    }

    public boolean has(EventType t) {
        return events.contains(t.word());
    }
}
