/**
 * Who may read what, and what readers pay for: the paywall's one access decision (free, registered, premium against
 * the reader, their meter and a gift link), the preview and the meters, the plans on sale, readers' subscriptions
 * and complimentary access, entitlement, and payments through a provider (Stripe).
 *
 * <p>Words used here: <em>access level</em>, an article's free, registered or premium setting;
 * <em>preview</em>, the opening of an article shown to a reader without access; <em>verdict</em>, what a reader
 * gets of an article (the whole text or the preview) and why; <em>meter</em>, the premium articles a reader without
 * a subscription may read whole in a calendar month of the paper's zone (a visitor's in a signed cookie, a
 * signed-in reader's in the database); <em>offer</em>, the plans and links shown under a preview; <em>gift
 * link</em>, a subscriber's free link to a paywalled article (package {@code gift}); <em>plan</em>, what the paper
 * sells (a name, a monthly or yearly period, a price in the currency's minor unit), <em>on sale</em> or
 * <em>retired</em> (kept for the subscriptions on it, no longer offered); <em>subscription</em>, a reader's plan
 * with a status (active, past due, cancelled, expired) and a period end, paid through Stripe or granted by an
 * admin; <em>past due</em>, a renewal payment failed and the provider is retrying it (access continues for the
 * grace period); <em>complimentary access</em>, access an admin grants from now until a day, revocable;
 * <em>entitled</em>, may read premium articles now; <em>payment event</em>, one of the provider's webhook events,
 * applied once by its id.
 */
package broadsheet.subscription;
