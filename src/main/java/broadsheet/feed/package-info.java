/**
 * RSS 2.0 and Atom feeds of the latest published articles: the site's, a section's, a topic's and a contributor's.
 *
 * <p>Glossary: a <em>channel</em> is what one feed is about (its title, page and own address); an <em>entry</em> is
 * one article in it. An entry carries the body only of a free article (and only while the setting allows it); a
 * paywalled article's entry carries its standfirst alone. An article's <em>row version</em> is the transaction that
 * last wrote its row: an entry is kept, written, for the row version it was written from.
 */
package broadsheet.feed;
