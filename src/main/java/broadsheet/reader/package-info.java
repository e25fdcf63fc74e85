/**
 * Reader accounts: people who read the public site and sign in to it, never staff. Signing up with an email
 * and password, signing in with the password or a link sent by mail, confirming the address, resetting the
 * password, the account page (change email or password, download my data, delete my account) and the reader's
 * sessions. Mails go out through {@code mail}; who may use which route is the route table's ({@code Role.READER}).
 *
 * <p>Words used here:
 * <dl>
 *   <dt>reader</dt><dd>an account on the public site: an email, an optional name, a password hash (none for a
 *       reader who only signs in with links) and whether the address is confirmed</dd>
 *   <dt>reader session</dt><dd>a signed-in browser, named by a random {@code bs_reader} cookie whose hash is
 *       stored, with its own CSRF token; it ends after a week unused, 14 days in all, at sign-out, on a password
 *       change (the others) or with the account</dd>
 *   <dt>one-time link</dt><dd>a link mailed to a reader to confirm an address, sign in, reset the password or move
 *       the account to a new address; stored as a hash, used once, until it expires, and only by a POST from its
 *       page, so a mail scanner that follows links does not use it up</dd>
 *   <dt>choice</dt><dd>a yes-or-no setting another feature keeps (mail about replies to one's comments), shown
 *       with its own form on the account page ({@link broadsheet.reader.ReaderChoice})</dd>
 *   <dt>deletion hook</dt><dd>what other features do with a reader's things (their comments) in the transaction
 *       that deletes the account ({@link broadsheet.reader.ReaderDeletion})</dd>
 *   <dt>realm</dt><dd>the throttle's separate count: readers' sign-ins and the mails they ask for are counted
 *       apart from the newsroom's sign-ins</dd>
 * </dl>
 */
package broadsheet.reader;
