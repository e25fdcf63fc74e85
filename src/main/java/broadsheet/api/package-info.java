/**
 * The public, read-only Content API ({@code /api/v1}) for apps, partners and static-site builders:
 * JSON with absolute addresses, cursor pagination, and RFC 9457 problem details for errors. It shows only
 * what a reader may see, through the same queries and the same paywall decision as the pages.
 *
 * <p>Words used here: <em>cursor</em>, an opaque value naming where the next page starts (the last item's
 * time and id), so a page costs the same however deep it is; <em>next</em>, the address of the following
 * page, absent on the last; <em>problem</em>, an error answer in {@code application/problem+json}.
 */
package broadsheet.api;
