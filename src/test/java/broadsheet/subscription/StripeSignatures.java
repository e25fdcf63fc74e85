package broadsheet.subscription;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs webhook bodies as Stripe does ({@code t=<seconds>,v1=<HMAC-SHA256 of "t.body">}), and writes the events. */
final class StripeSignatures {
    static final String SECRET = "whsec_test_secret_for_broadsheet";

    private StripeSignatures() {}

    static String sign(String payload, String secret, Instant at) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            long t = at.getEpochSecond();
            byte[] digest = mac.doFinal((t + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + t + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String event(String id, String type, Instant created, String object) {
        return """
                {"id":"%s","object":"event","type":"%s","created":%d,"livemode":false,"data":{"object":%s}}"""
                .formatted(id, type, created.getEpochSecond(), object);
    }

    static String checkoutCompleted(String id, Instant created, long reader, long plan, String subscription) {
        return event(id, "checkout.session.completed", created, """
                {"id":"cs_test_%s","object":"checkout.session","mode":"subscription","payment_status":"paid","client_reference_id":"%d",
                 "customer":"cus_%d","subscription":"%s","metadata":{"reader_id":"%d","plan_id":"%d"}}"""
                .formatted(id, reader, reader, subscription, reader, plan));
    }

    static String subscriptionEvent(String id, String type, Instant created, long reader, String subscription, String status,
                                    Instant periodEnd, boolean cancelAtPeriodEnd) {
        return event(id, type, created, """
                {"id":"%s","object":"subscription","customer":"cus_%d","status":"%s","cancel_at_period_end":%s,
                 "metadata":{"reader_id":"%d"},
                 "items":{"object":"list","data":[{"id":"si_1","current_period_end":%d,"price":{"id":"price_monthly"}}]}}"""
                .formatted(subscription, reader, status, cancelAtPeriodEnd, reader, periodEnd.getEpochSecond()));
    }

    static String paymentFailed(String id, Instant created, String subscription) {
        return event(id, "invoice.payment_failed", created, """
                {"id":"in_%s","object":"invoice","parent":{"subscription_details":{"subscription":"%s"}}}""".formatted(id, subscription));
    }
}
