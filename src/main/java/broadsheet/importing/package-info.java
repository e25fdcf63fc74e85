/**
 * Importing articles from files: Markdown with YAML front matter, one file per article, pictures beside it.
 *
 * <p>Words used here: <em>front matter</em>, the YAML between the two {@code ---} lines at the top;
 * <em>source</em>, an article as read, before it is stored; <em>run</em>, one import, stored in one
 * transaction, whole or not at all.
 */
package broadsheet.importing;
