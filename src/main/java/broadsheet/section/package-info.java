/**
 * Sections (World news, Politics, Sport...) and the pages built on them: the home page and the section pages,
 * and the newsroom's pages where editors create, rename, reorder and delete them.
 *
 * <p>Words used here: <em>section</em>, a part of the paper with its own page and navigation entry, in the
 * newsroom's order; <em>slug</em>, the section's address, fixed once the section exists because every
 * article's address starts with it; <em>front</em>, the home page, led by the newest story, then each section's latest.
 */
package broadsheet.section;
