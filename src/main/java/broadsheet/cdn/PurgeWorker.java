package broadsheet.cdn;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The purge sender on this instance: it sends what the outbox holds as soon as it is woken (the change feed wakes it
 * when any instance commits a change, once this instance has emptied its own caches) and at least every {@code poll},
 * claiming keys so that each goes out from one instance only. Each key goes out a second time a little later: the first
 * purge may reach the CDN before another instance (or this one, when the poll sent it) has heard of the change, and the
 * CDN's next request may then be answered from that instance's cache. A failing CDN costs the sender time, never the
 * newsroom: publishing only writes outbox rows. It says every minute that purging is on, and removes old rows every
 * hour. Counters: {@code broadsheet_cdn_purges_sent_total} (each sending), {@code broadsheet_cdn_purges_failed_total}
 * (keys in a failed attempt), {@code broadsheet_cdn_purges_given_up_total}.
 */
public final class PurgeWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PurgeWorker.class);
    private static final int CLAIM = 500;
    private final PurgeOutbox outbox;
    private final PurgeClient client;
    private final Duration firstRetry;
    private final Duration resend;
    private final Duration lease;
    private final Counter sent;
    private final Counter failed;
    private final Counter givenUp;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cdn-purges");
        t.setDaemon(true);
        return t;
    });

    /**
     * {@code timeout}: the client's time limit per request, from which how long a claim lasts follows; {@code resend}:
     * how long after a key first went out it is sent again (zero: once only), for a page an instance still held when
     * the first purge reached the CDN.
     */
    public PurgeWorker(PurgeOutbox outbox, PurgeClient client, Duration timeout, Duration firstRetry, Duration resend, MeterRegistry metrics) {
        this.outbox = outbox;
        this.client = client;
        this.firstRetry = firstRetry;
        this.resend = resend;
        this.lease = timeout.multipliedBy(4).plusSeconds(30);
        this.sent = Counter.builder("broadsheet.cdn.purges.sent").description("Surrogate keys purged at the CDN").register(metrics);
        this.failed = Counter.builder("broadsheet.cdn.purges.failed")
                .description("Surrogate keys in a purge the CDN did not take (each failed attempt)").register(metrics);
        this.givenUp = Counter.builder("broadsheet.cdn.purges.given.up")
                .description("Surrogate keys given up after every attempt failed").register(metrics);
    }

    /** Says purging is on (so changes from now queue purges) and starts sending. */
    public PurgeWorker start(Duration poll) {
        try {
            outbox.heartbeat();
        } catch (RuntimeException e) {
            log.warn("Could not turn CDN purging on yet; trying again in a minute: {}", e.toString());
        }
        executor.scheduleWithFixedDelay(this::turn, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(this::heartbeat, 1, 1, TimeUnit.MINUTES);
        executor.scheduleWithFixedDelay(this::prune, 5, 60, TimeUnit.MINUTES);
        return this;
    }

    /** Sends what is due now rather than at the next poll (at most one such turn waits at a time). */
    public void wake() {
        if (!queued.compareAndSet(false, true)) return;
        try {
            executor.execute(() -> {
                queued.set(false);
                turn();
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            queued.set(false); // stopping
        }
    }

    private void turn() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.warn("Sending CDN purges failed; trying again at the next turn: {}", e.toString());
        }
    }

    private void heartbeat() {
        try {
            outbox.heartbeat();
        } catch (RuntimeException e) {
            log.warn("Could not say CDN purging is on: {}", e.toString());
        }
    }

    private void prune() {
        try {
            outbox.prune(Duration.ofDays(1));
        } catch (RuntimeException e) {
            log.warn("Removing old CDN purges failed: {}", e.toString());
        }
    }

    /** Sends every due key until none is left; returns how many keys were purged. */
    public int runOnce() {
        int done = 0;
        while (true) {
            List<PurgeOutbox.Claimed> claimed = outbox.claim(CLAIM, lease);
            if (claimed.isEmpty()) return done;
            List<String> keys = claimed.stream().map(PurgeOutbox.Claimed::key).distinct().toList();
            try {
                client.purge(keys);
                outbox.sent(claimed, resend);
                sent.increment(keys.size());
                done += keys.size();
            } catch (PurgeClient.PurgeFailed e) {
                failed.increment(keys.size());
                int gone = outbox.failed(claimed, e.getMessage(), firstRetry);
                givenUp.increment(gone);
                log.warn("CDN purge of {} keys failed ({}); {}", keys.size(), e.getMessage(),
                        gone > 0 ? gone + " given up after " + PurgeOutbox.MAX_ATTEMPTS + " attempts" : "trying again shortly");
                return done;
            }
            if (claimed.size() < CLAIM) return done;
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
