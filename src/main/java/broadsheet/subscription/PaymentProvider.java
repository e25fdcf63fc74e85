package broadsheet.subscription;

/**
 * Who takes the readers' money: starts a checkout for a plan and opens the page where a customer changes or
 * cancels what they pay for. The provider's confirmations come back separately (for Stripe, its webhook, applied by
 * {@link StripeEvents}); nothing here grants access. Without a provider, admins grant subscriptions by hand.
 */
public interface PaymentProvider {

    /**
     * A checkout for one reader and one plan.
     *
     * @param customerId the reader's customer at the provider from an earlier payment, or null
     * @param successUrl where the provider sends the reader after paying (on this site)
     * @param cancelUrl  where it sends a reader who turns back (on this site)
     */
    record Checkout(long readerId, String email, Plan plan, String customerId, String successUrl, String cancelUrl) {}

    /** The provider's checkout page for this request: the address to send the reader to. */
    String checkout(Checkout checkout) throws PaymentException;

    /** The provider's page where this customer manages their subscription, coming back to {@code returnUrl}. */
    String portal(String customerId, String returnUrl) throws PaymentException;

    /** The provider could not be asked, or refused; the message says which, for the log, not for readers. */
    final class PaymentException extends Exception {
        public PaymentException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
