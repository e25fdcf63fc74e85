/**
 * Sections (World news, Politics, Sport...) and the pages built on them: the home page and the section pages,
 * the newsroom's pages where editors create, rename, reorder and delete them, and the front page's arrangement.
 *
 * <p>Words used here: <em>section</em>, a part of the paper with its own page and navigation entry, in the
 * newsroom's order; <em>slug</em>, the section's address, fixed once the section exists because every
 * article's address starts with it; <em>front</em>, the home page: its top stories, then each section's
 * latest in rows of varied shapes; <em>pick</em>, a published story an editor put among the top stories, in the
 * <em>arrangement</em>'s order (the places not picked go to the newest stories).
 */
package broadsheet.section;
