/**
 * CDN purges: telling the shared cache in front of the instances (Varnish with the xkey module, or Fastly) to drop
 * the pages a change made stale, as soon as the change commits.
 *
 * <p>Glossary:
 * <ul>
 *   <li><b>surrogate key</b>: a label on a response ({@code Surrogate-Key: article-42 section-uk-news home}); the CDN
 *       drops every response with a label it is asked to purge. {@code *} stands for everything;</li>
 *   <li><b>purge outbox</b>: the table {@code cdn_purges}, one row per key a change made stale, written by triggers in
 *       the change's own transaction;</li>
 *   <li><b>sender</b>: the worker on every instance that claims due rows (each row goes out from one instance) and
 *       sends them, trying again a few times before it gives up;</li>
 *   <li><b>endpoint</b>: where purges go: a Varnish listener ({@code PURGE} with {@code xkey-purge}, {@code BAN} for
 *       everything) or Fastly's API for a service ({@code POST .../purge} with {@code Surrogate-Key} and {@code Fastly-Key}).</li>
 * </ul>
 */
package broadsheet.cdn;
