package broadsheet.subscription;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionCreateParams.LineItem;
import com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData;
import java.util.Locale;

/**
 * Payments through Stripe, on Stripe's own Java library: a Checkout Session in subscription mode for a plan (its
 * Stripe Price, or the price given inline when the plan names none), and a Customer Portal session. The API's
 * address is configurable so tests point the library at a local server. The reader's id travels as the session's
 * {@code client_reference_id} and, with the plan's id, in the metadata of the session and of the subscription it
 * makes, so every later event names the reader and plan it is about.
 */
public final class StripePayments implements PaymentProvider {
    private final StripeClient client;

    /** {@code apiBase}: Stripe's API ({@code https://api.stripe.com}) or a server standing in for it. */
    public StripePayments(String secretKey, String apiBase) {
        this.client = StripeClient.builder().setApiKey(secretKey).setApiBase(apiBase).setMaxNetworkRetries(2).build();
    }

    @Override
    public String checkout(Checkout c) throws PaymentException {
        Plan plan = c.plan();
        String reader = String.valueOf(c.readerId());
        String planId = String.valueOf(plan.id());
        var params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                .setClientReferenceId(reader)
                .setSuccessUrl(c.successUrl())
                .setCancelUrl(c.cancelUrl())
                .putMetadata("reader_id", reader)
                .putMetadata("plan_id", planId)
                .setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
                        .putMetadata("reader_id", reader).putMetadata("plan_id", planId).build())
                .addLineItem(lineItem(plan));
        if (c.customerId() != null) params.setCustomer(c.customerId());
        else params.setCustomerEmail(c.email());
        try {
            return url(client.v1().checkout().sessions().create(params.build()).getUrl());
        } catch (StripeException | RuntimeException e) {
            throw new PaymentException("Stripe refused a Checkout Session for plan " + plan.id() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String portal(String customerId, String returnUrl) throws PaymentException {
        var params = com.stripe.param.billingportal.SessionCreateParams.builder().setCustomer(customerId).setReturnUrl(returnUrl).build();
        try {
            return url(client.v1().billingPortal().sessions().create(params).getUrl());
        } catch (StripeException | RuntimeException e) {
            throw new PaymentException("Stripe refused a Customer Portal session: " + e.getMessage(), e);
        }
    }

    private static LineItem lineItem(Plan plan) {
        if (plan.stripePriceId() != null) return LineItem.builder().setPrice(plan.stripePriceId()).setQuantity(1L).build();
        return LineItem.builder().setQuantity(1L).setPriceData(PriceData.builder()
                .setCurrency(plan.currency().toLowerCase(Locale.ROOT))
                .setUnitAmount(plan.priceMinor())
                .setRecurring(PriceData.Recurring.builder().setInterval(plan.period() == Plan.Period.MONTH
                        ? PriceData.Recurring.Interval.MONTH : PriceData.Recurring.Interval.YEAR).build())
                .setProductData(PriceData.ProductData.builder().setName(plan.name()).build())
                .build()).build();
    }

    /** The address Stripe gave, which must be an https (or, for a local stand-in, http) URL. */
    private static String url(String url) throws PaymentException {
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
            throw new PaymentException("Stripe answered without a usable URL: " + url, null);
        }
        return url;
    }
}
