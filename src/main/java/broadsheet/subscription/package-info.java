/**
 * Who may read what: the paywall's one access decision (free, registered, premium against the reader),
 * and later subscriptions and gift links.
 *
 * <p>Words used here: <em>access level</em>, an article's free, registered or premium setting;
 * <em>preview</em>, the opening of an article shown to a reader without access; <em>gift link</em>, a
 * subscriber's free link to a paywalled article (to come).
 */
package broadsheet.subscription;
