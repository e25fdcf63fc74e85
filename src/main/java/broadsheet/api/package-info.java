/**
 * The public, read-only Content API ({@code /api/v1}) for apps, partners and static-site builders:
 * JSON with absolute addresses, cursor pagination, and RFC 9457 problem details for errors.
 */
package broadsheet.api;
