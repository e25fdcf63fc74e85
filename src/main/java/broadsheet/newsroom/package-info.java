/**
 * The newsroom's frame and its staff pages: the header, navigation and sign-out every newsroom page shares
 * ({@link broadsheet.newsroom.Frames}), signing in and out, the first admin's setup, one's own account (password,
 * two-factor), and for admins the staff list, API tokens and the audit log. The features' own newsroom pages
 * (the editor, sections, topics, contributors, the media library, settings) live with their features and
 * use this frame; the rules of staff accounts are {@code account}'s.
 *
 * <p>Words used here: <em>frame</em>, what surrounds every newsroom page; <em>notice</em>, the line saying what
 * just happened ("Saved."); <em>audit log</em>, the record of who changed what and when, from which address.
 */
package broadsheet.newsroom;
