/**
 * Gift links: a subscriber's link that lets anyone read one paywalled article whole, without signing in.
 *
 * <p>Words used here: <em>gift</em> (or gift link), the link and its rules; <em>giver</em>, the subscriber who made
 * it; <em>token</em>, the random part of its address, which encodes nothing; <em>quota</em>, the new gifts a giver
 * may make in a calendar month of the paper's zone (giving the same article again while its link is live returns
 * that link and uses none); <em>cap</em>, the distinct readers one link lets in; <em>redeem</em>, to open a link;
 * <em>reader key</em>, how a distinct reader is counted (their account, or a hash of a random cookie);
 * <em>revoke</em>, to withdraw a link, by its giver or an admin.
 */
package broadsheet.gift;
