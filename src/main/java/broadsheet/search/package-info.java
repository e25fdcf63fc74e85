/**
 * Search: readers find articles by words, in an Apache Lucene index kept in the data folder beside the database.
 *
 * <p>Glossary:
 * <ul>
 *   <li><b>index</b>: one Lucene document per published article (headline, standfirst, body, bylines, topics,
 *       section, dates, access level); drafts and unpublished articles are never in it.</li>
 *   <li><b>outbox</b>: rows the database writes whenever a published article, a topic or a contributor changes;
 *       every instance reads them and brings its own index up to date, so several instances stay right.</li>
 *   <li><b>query</b> ({@link broadsheet.search.SearchQuery}): the words a reader typed, with filters and an order.</li>
 *   <li><b>hit</b> ({@link broadsheet.search.SearchHit}): one article found, with a snippet from text that reader
 *       may see.</li>
 *   <li><b>reading</b> ({@link broadsheet.search.Search.Reading}): what the paywall lets this reader see of each
 *       article, so a premium article's hidden text never reaches a snippet.</li>
 * </ul>
 */
package broadsheet.search;
