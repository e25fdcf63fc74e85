/**
 * Importing articles from files: Markdown with YAML front matter, one file per article, pictures beside it.
 *
 * <p>Words used here: <em>front matter</em>, the YAML between the two {@code ---} lines at the top;
 * <em>source</em>, an article as read, before it is stored; <em>run</em>, one import, stored in one
 * transaction, whole or not at all; <em>problem</em>, one thing wrong in a file, reported as
 * {@code file:line: key: problem} with every other problem of the run; <em>import key</em>, what tells
 * which article a file is when it is imported again: its {@code id}, or the file itself.
 */
package broadsheet.importing;
