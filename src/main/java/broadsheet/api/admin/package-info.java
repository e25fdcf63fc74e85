/**
 * The Admin API ({@code /api/admin/v1}) for headless publishing: programs holding an API token create,
 * change and publish articles, read their revisions and add pictures, under the same rules as people in
 * the newsroom. The rules live in {@code editing} and {@code media}; this package reads JSON and answers
 * JSON, with RFC 9457 problem details for every refusal.
 *
 * <p>Words used here:
 * <dl>
 *   <dt>token</dt><dd>a secret {@code bs_...} sent as {@code Authorization: Bearer}; it acts with the role it was
 *       given and is named in revisions and the audit log. The articles a token created are its own, as a
 *       person's are theirs: a contributor's token works on the drafts it filed</dd>
 *   <dt>version</dt><dd>the article's optimistic-locking number, also its {@code ETag}; every change names the
 *       version it was based on, and a stale one is a 409 that changes nothing</dd>
 *   <dt>problem</dt><dd>an error answer in {@code application/problem+json}; a 422 carries {@code errors}, one
 *       message per request field</dd>
 * </dl>
 */
package broadsheet.api.admin;
