package broadsheet.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Stripe library pointed at a local stand-in for api.stripe.com: what a Checkout Session and a Customer Portal
 * session ask Stripe for, parameter by parameter, and that the address Stripe answers with is the one returned.
 */
class StripePaymentsIT {
    private final StripeStandIn stripe = new StripeStandIn();
    private final StripePayments payments = new StripePayments("sk_test_broadsheet", stripe.apiBase());

    @AfterEach
    void stop() {
        stripe.close();
    }

    @Test
    void aCheckoutForAPlanWithAStripePriceBillsThatPriceForTheReader() throws Exception {
        Plan monthly = new Plan(7, "Monthly", Plan.Period.MONTH, 950, "GBP", "price_1Monthly", true, 1);

        String url = payments.checkout(new PaymentProvider.Checkout(42, "ann@example.test", monthly, null,
                "https://news.example.test/payments/return", "https://news.example.test/subscribe"));

        assertThat(url).isEqualTo(StripeStandIn.CHECKOUT_URL);
        assertThat(stripe.requests()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/v1/checkout/sessions");
            assertThat(r.authorization()).isEqualTo("Bearer sk_test_broadsheet");
            assertThat(r.form()).containsEntry("mode", "subscription")
                    .containsEntry("client_reference_id", "42")
                    .containsEntry("customer_email", "ann@example.test")
                    .containsEntry("success_url", "https://news.example.test/payments/return")
                    .containsEntry("cancel_url", "https://news.example.test/subscribe")
                    .containsEntry("line_items[0][price]", "price_1Monthly")
                    .containsEntry("line_items[0][quantity]", "1")
                    .containsEntry("metadata[reader_id]", "42").containsEntry("metadata[plan_id]", "7")
                    .containsEntry("subscription_data[metadata][reader_id]", "42")
                    .containsEntry("subscription_data[metadata][plan_id]", "7")
                    .doesNotContainKey("customer")
                    .doesNotContainKey("line_items[0][price_data][currency]");
        });
    }

    @Test
    void aPlanWithoutAStripePriceIsGivenInlineAndAKnownCustomerIsNamed() throws Exception {
        Plan yearly = new Plan(8, "Digital yearly", Plan.Period.YEAR, 12000, "EUR", null, true, 2);

        payments.checkout(new PaymentProvider.Checkout(42, "ann@example.test", yearly, "cus_42",
                "https://news.example.test/payments/return", "https://news.example.test/subscribe"));

        assertThat(stripe.requests()).singleElement().satisfies(r -> assertThat(r.form())
                .containsEntry("customer", "cus_42")
                .doesNotContainKey("customer_email")
                .doesNotContainKey("line_items[0][price]")
                .containsEntry("line_items[0][price_data][currency]", "eur")
                .containsEntry("line_items[0][price_data][unit_amount]", "12000")
                .containsEntry("line_items[0][price_data][recurring][interval]", "year")
                .containsEntry("line_items[0][price_data][product_data][name]", "Digital yearly"));
    }

    @Test
    void aPortalSessionIsForTheCustomerAndComesBackToTheAccountPage() throws Exception {
        String url = payments.portal("cus_42", "https://news.example.test/account");

        assertThat(url).isEqualTo(StripeStandIn.PORTAL_URL);
        assertThat(stripe.requests()).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("/v1/billing_portal/sessions");
            assertThat(r.form()).containsEntry("customer", "cus_42").containsEntry("return_url", "https://news.example.test/account");
        });
    }

    @Test
    void aRefusalFromStripeIsAPaymentException() {
        var broken = new StripePayments("sk_test_broadsheet", stripe.apiBase() + "/nowhere");

        assertThatThrownBy(() -> broken.portal("cus_42", "https://news.example.test/account"))
                .isInstanceOf(PaymentProvider.PaymentException.class);
    }
}
