/**
 * The HTTP layer: the route table, the access check, rendering, caching headers and the page cache,
 * security headers, error pages, health and metrics. Knows how to answer; the features know what.
 *
 * <p>Words used here: <em>surrogate key</em>, a label on a response that a CDN can purge by
 * ({@code article-42}, {@code section-world-news}); <em>problem</em>, an RFC 9457 error answer.
 */
package broadsheet.web;
