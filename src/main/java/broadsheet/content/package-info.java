/**
 * The types of the paper's content that every feature reads: a {@link broadsheet.content.Section}, a
 * {@link broadsheet.content.Topic}, an article's {@link broadsheet.content.AccessLevel} and
 * {@link broadsheet.content.CommentPolicy}. Plain values with no storage and no rules, so the features that
 * store, show, search or sell content can all use them without depending on each other.
 *
 * <p>Words used here: <em>access level</em>, who may read an article's body (free, registered, premium);
 * <em>comment policy</em>, whether readers may comment (open, premoderated, closed, off); <em>slug</em>, the
 * part of a section's or topic's address made from its name.
 */
package broadsheet.content;
