/**
 * The web toolkit every face uses, knowing no feature: rendering and sending pages with their caching headers
 * ({@link broadsheet.web.Pages}), the page cache, problems and error pages, pagination, form tokens, cookies, the
 * access check and roles, request-body limits, trusted proxies, security headers, health and metrics. The
 * route table and the server's wiring sit above it, beside {@code App}.
 *
 * <p>Words used here: <em>surrogate key</em>, a label on a response that a CDN can purge by
 * ({@code article-42}, {@code section-world-news}); <em>problem</em>, an RFC 9457 error answer
 * ({@code application/problem+json}); <em>visitor</em>, who is asking on a newsroom or Admin API route: a
 * signed-in member of staff or an API token; <em>site</em>, what frames every public page: the paper's name,
 * its sections, base address and zone.
 */
package broadsheet.web;
