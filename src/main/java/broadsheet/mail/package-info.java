/**
 * Sending mail: the one way the site writes to a reader (links to confirm an address, sign in or reset a
 * password). Over SMTP when the configuration names a server, otherwise into the data folder's outbox, so a
 * demo works without one. Knows nothing of what the mails say.
 *
 * <p>Words used here:
 * <dl>
 *   <dt>mail</dt><dd>one message to one address: a subject, a plain-text body and optionally a simple HTML one;
 *       no pictures, no tracking</dd>
 *   <dt>outbox</dt><dd>the {@code outbox} folder in the data folder, where mails are written as {@code .eml}
 *       files when no SMTP server is configured</dd>
 *   <dt>action link</dt><dd>the address a mail exists to deliver (a sign-in link, say), which the outbox also
 *       writes to the log</dd>
 * </dl>
 */
package broadsheet.mail;
