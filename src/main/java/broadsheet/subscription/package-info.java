/**
 * Who may read what: the paywall's one access decision (free, registered, premium against the reader, their meter
 * and a gift link), the preview, and the meters; later subscriptions.
 *
 * <p>Words used here: <em>access level</em>, an article's free, registered or premium setting;
 * <em>preview</em>, the opening of an article shown to a reader without access; <em>verdict</em>, what a reader
 * gets of an article (the whole text or the preview) and why; <em>entitled</em>, a reader with a subscription or
 * complimentary access; <em>meter</em>, the premium articles a reader without a subscription may read whole in a
 * calendar month of the paper's zone (a visitor's in a signed cookie, a signed-in reader's in the database);
 * <em>offer</em>, the plans and links shown under a preview; <em>gift link</em>, a subscriber's free link to a
 * paywalled article (package {@code gift}).
 */
package broadsheet.subscription;
