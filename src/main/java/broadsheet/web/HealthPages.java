package broadsheet.web;

import broadsheet.storage.Database;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * For load balancers and monitoring: {@code /healthz} (the process is up), {@code /readyz} (the database
 * answers, so this instance can serve; 503 once the instance is stopping) and {@code /metrics} (Prometheus text format; only with the bearer
 * token when one is configured).
 */
public final class HealthPages {
    private final Database database;
    private final PrometheusMeterRegistry registry;
    private final String metricsToken;
    private volatile boolean stopping;

    /** {@code metricsToken}: the bearer token {@code /metrics} requires; empty for none. */
    public HealthPages(Database database, PrometheusMeterRegistry registry, String metricsToken) {
        this.database = database;
        this.registry = registry;
        this.metricsToken = metricsToken;
    }

    public void health(Context ctx) {
        ctx.header("Cache-Control", CachePolicy.NO_STORE.header());
        ctx.contentType("text/plain; charset=utf-8").result("ok\n");
    }

    /** From now on {@code /readyz} answers 503, so load balancers stop sending while the server finishes its work and stops. */
    public void stopping() {
        stopping = true;
    }

    public void ready(Context ctx) {
        ctx.header("Cache-Control", CachePolicy.NO_STORE.header());
        if (stopping) {
            ctx.status(503).contentType("text/plain; charset=utf-8").result("stopping\n");
        } else if (database.answers()) {
            ctx.contentType("text/plain; charset=utf-8").result("ready\n");
        } else {
            ctx.status(503).contentType("text/plain; charset=utf-8").result("database not answering\n");
        }
    }

    public void metrics(Context ctx) {
        ctx.header("Cache-Control", CachePolicy.NO_STORE.header());
        if (!metricsToken.isEmpty()) {
            // compared in constant time, so the answer's timing says nothing about how much of a guess was right
            if (!Access.sameToken(metricsToken, Access.bearerToken(ctx))) {
                ctx.header("WWW-Authenticate", "Bearer realm=\"broadsheet-metrics\"");
                ctx.status(401).contentType("text/plain; charset=utf-8").result("Send the metrics token as: Authorization: Bearer <token>\n");
                return;
            }
        }
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
    }
}
