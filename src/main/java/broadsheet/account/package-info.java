/**
 * Staff accounts: who may sign in to the newsroom and how. Passwords (Argon2id), two-factor codes (TOTP),
 * sessions kept in the database, the sign-in throttle, the one-time setup of the first admin, and the Admin
 * API's tokens. The newsroom's pages for them are in {@code newsroom}; who may use which route is the route
 * table's.
 *
 * <p>Words used here:
 * <dl>
 *   <dt>staff</dt><dd>a member of the newsroom who signs in ({@link broadsheet.shared.Staff}); not a
 *       contributor, whose name is on bylines, though an editor may link the two</dd>
 *   <dt>role</dt><dd>contributor, reporter, editor or admin, each allowed what the one before may, and more</dd>
 *   <dt>session</dt><dd>a signed-in browser, named by a random cookie whose hash is stored; it ends when unused
 *       for the paper's idle timeout, after 14 days at the most, or when its person signs out or is disabled</dd>
 *   <dt>half signed in</dt><dd>a session whose password was right and whose two-factor code is still to come</dd>
 *   <dt>throttle</dt><dd>the count of recent failed attempts per account and per address; past the limit an
 *       attempt is refused before any password is checked</dd>
 *   <dt>setup token</dt><dd>the one-time address that creates the first admin of a fresh install</dd>
 *   <dt>API token</dt><dd>a secret {@code bs_...} for a program using the Admin API, with its own role</dd>
 * </dl>
 */
package broadsheet.account;
