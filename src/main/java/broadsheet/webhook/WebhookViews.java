package broadsheet.webhook;

import broadsheet.newsroom.Frame;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** What the webhook templates are handed. */
public final class WebhookViews {
    private WebhookViews() {}

    public record ListView(Frame frame, List<Endpoint> endpoints) {}

    /** The form for a new endpoint; {@code problems} by field name. */
    public record NewView(Frame frame, WebhookForm form, Map<String, String> problems) {
        public String problem(String field) {
            return problems.get(field);
        }

        public List<EventType> types() {
            return EventType.all();
        }
    }

    /** An endpoint's page: its settings form, and a page of its deliveries, newest first. */
    public record EndpointView(Frame frame, Endpoint endpoint, WebhookForm form, Map<String, String> problems, List<Delivery> deliveries,
                               boolean olderPage, String olderLink, String notice, ZoneId zone) {
        public String problem(String field) {
            return problems.get(field);
        }

        public List<EventType> types() {
            return EventType.all();
        }
    }

    public record DeliveryView(Frame frame, Endpoint endpoint, Delivery delivery, List<Delivery.Attempt> attempts, boolean olderPage,
                               String olderLink, String notice, ZoneId zone) {}

    /** The one page that shows a secret: after registering an endpoint ({@code created}) or replacing its secret. */
    public record SecretView(Frame frame, Endpoint endpoint, String secret, boolean created) {}
}
