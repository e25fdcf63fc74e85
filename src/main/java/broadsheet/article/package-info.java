/**
 * Articles: how they are stored, addressed, rendered and shown to readers.
 *
 * <p>Words used here:
 * <dl>
 *   <dt>headline</dt><dd>the article's title, shown in the page's only {@code h1}; typographic quotes are kept</dd>
 *   <dt>standfirst</dt><dd>the longer summary line under the headline; not the same as the SEO description</dd>
 *   <dt>kicker</dt><dd>the small label above the headline, here the section's name</dd>
 *   <dt>byline</dt><dd>who wrote it: people and desks, in order</dd>
 *   <dt>dateline</dt><dd>"Updated 7 December 2025 12:35pm GMT", or the first publication time, in the paper's zone</dd>
 *   <dt>significant update</dt><dd>a change that moves the public "Updated" time ({@code updated_at})</dd>
 *   <dt>path</dt><dd>the public address {@code /{section}/{yyyy}/{mm}/{dd}/{slug}/}, fixed at first publication;
 *       earlier paths are kept and answer with 301</dd>
 *   <dt>body source / body HTML</dt><dd>the Markdown a journalist wrote, and the sanitised HTML derived from it</dd>
 *   <dt>card</dt><dd>an article as a listing shows it</dd>
 * </dl>
 */
package broadsheet.article;
