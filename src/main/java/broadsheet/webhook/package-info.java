/**
 * Webhooks: other systems told, by a signed HTTP POST, when the paper publishes, updates or unpublishes an article.
 *
 * <p>Glossary:
 * <ul>
 *   <li><b>endpoint</b>: an address an admin registered, with the events it wants and its signing secret;</li>
 *   <li><b>event</b>: something that happened (an article published, updated, unpublished; a test ping), queued in
 *       the transaction that made it happen, so a change rolled back or a draft sends nothing;</li>
 *   <li><b>delivery</b>: one event on its way to one endpoint, retried with growing waits for 24 hours, then failed;</li>
 *   <li><b>attempt</b>: one POST of a delivery, with its answer (status, a little of the body) or error, and how long it took;</li>
 *   <li><b>signature</b>: {@code Broadsheet-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}, keyed
 *       with the endpoint's secret.</li>
 * </ul>
 */
package broadsheet.webhook;
