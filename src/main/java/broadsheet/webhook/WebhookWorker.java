package broadsheet.webhook;

import broadsheet.shared.JobRuns;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sender, on every instance: each turn it fans queued events out into deliveries, claims the due ones (the
 * database hands each to one sender), POSTs them on virtual threads (endpoints at once, each endpoint's in the order
 * they were queued), and records every attempt. Requests
 * have short timeouts and follow no redirect; anything but a 2xx answer is a failure, tried again as {@link Backoff}
 * says. Publishing never waits for any of this: it only queues rows. Old deliveries are removed once an hour.
 */
public final class WebhookWorker implements AutoCloseable, MeterBinder {
    private static final Logger log = LoggerFactory.getLogger(WebhookWorker.class);
    /** How much of a receiver's answer is kept with the attempt. */
    static final int KEPT_BODY = 2048;
    private static final int BATCH = 20;
    private final Deliveries deliveries;
    private final Payloads payloads;
    private final Settings settings;
    private final Clock clock;
    /** Built at the first delivery, not at start-up: building one sets up TLS, a fifth of a second of a cold start. */
    private HttpClient http;
    private final JobRuns sendRuns = new JobRuns("webhooks-send");
    private final JobRuns pruneRuns = new JobRuns("webhooks-prune");
    private final LongAdder sent = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "webhooks");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param firstRetry the wait before the first retry (doubling after)
     * @param timeout    the longest a request may take, answer included
     * @param keepDays   how long settled deliveries and their attempts are kept
     */
    public record Settings(Duration firstRetry, Duration timeout, int keepDays) {
        Duration connectTimeout() {
            return timeout.compareTo(Duration.ofSeconds(5)) < 0 ? timeout : Duration.ofSeconds(5);
        }

        /** Long enough that a sender still working on a delivery never has it taken over. */
        Duration lease() {
            return timeout.multipliedBy(2).plusMinutes(1);
        }
    }

    public WebhookWorker(Deliveries deliveries, Payloads payloads, Settings settings, Clock clock) {
        this.deliveries = deliveries;
        this.payloads = payloads;
        this.settings = settings;
        this.clock = clock;
    }

    private synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(settings.connectTimeout()).build();
        }
        return http;
    }

    public WebhookWorker start(Duration every) {
        executor.scheduleWithFixedDelay(this::turn, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(this::prune, 5, 60, TimeUnit.MINUTES);
        return this;
    }

    private void turn() {
        try {
            sendRuns.run(this::runOnce);
        } catch (RuntimeException e) {
            log.warn("Sending webhooks failed; trying again at the next turn: {}", e.toString());
        }
    }

    private void prune() {
        try {
            pruneRuns.run(() -> {
                int gone = deliveries.prune(clock.instant().minus(Duration.ofDays(settings.keepDays())));
                if (gone > 0) log.info("Removed {} old webhook events with their deliveries", gone);
            });
        } catch (RuntimeException e) {
            log.warn("Removing old webhook deliveries failed: {}", e.toString());
        }
    }

    /** One turn: fan out, then send what is due until nothing is; returns how many attempts were made. */
    public int runOnce() {
        deliveries.fanOut(payloads::of, clock.instant());
        int made = 0;
        Backoff backoff = new Backoff(settings.firstRetry());
        while (true) {
            List<Deliveries.Claimed> claimed = deliveries.claim(clock.instant(), BATCH, settings.lease());
            if (claimed.isEmpty()) return made;
            try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> running = new ArrayList<>();
                // endpoints at once, but one endpoint's deliveries one after another, oldest first
                Map<Long, List<Deliveries.Claimed>> byEndpoint = claimed.stream()
                        .collect(Collectors.groupingBy(Deliveries.Claimed::endpointId, LinkedHashMap::new, Collectors.toList()));
                for (var queue : byEndpoint.values()) {
                    running.add(senders.submit(() -> queue.forEach(c -> deliveries.record(c, counted(send(c)), backoff, clock.instant()))));
                }
                for (Future<?> f : running) {
                    try {
                        f.get();
                    } catch (ExecutionException e) {
                        log.warn("Recording a webhook attempt failed: {}", e.getCause().toString());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return made;
                    }
                }
            }
            made += claimed.size();
            if (claimed.size() < BATCH) return made;
        }
    }

    private Deliveries.Outcome counted(Deliveries.Outcome o) {
        (o.succeeded() ? sent : failed).increment();
        return o;
    }

    /** Deliveries sent and failed, and the sender's and pruner's turns (as {@code broadsheet_job_*}). */
    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("broadsheet.webhook.deliveries", sent, LongAdder::sum)
                .description("Webhook delivery attempts from this instance, by outcome (sent: a 2xx answer; failed: anything else)")
                .tag("outcome", "sent").register(registry);
        FunctionCounter.builder("broadsheet.webhook.deliveries", failed, LongAdder::sum)
                .description("Webhook delivery attempts from this instance, by outcome (sent: a 2xx answer; failed: anything else)")
                .tag("outcome", "failed").register(registry);
        sendRuns.bindTo(registry);
        pruneRuns.bindTo(registry);
    }

    /** One POST; never throws for what the receiver or the network did. */
    Deliveries.Outcome send(Deliveries.Claimed c) {
        Instant at = clock.instant();
        long started = System.nanoTime();
        byte[] body = c.payload().getBytes(StandardCharsets.UTF_8);
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(c.url())).timeout(settings.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Broadsheet-Webhooks/1")
                    .header("Broadsheet-Event", c.type())
                    .header("Broadsheet-Delivery", c.uuid().toString())
                    .header(Signature.HEADER, Signature.header(c.secret(), at.getEpochSecond(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            HttpResponse<InputStream> response = http().send(request, HttpResponse.BodyHandlers.ofInputStream());
            String kept;
            try (InputStream in = response.body()) {
                kept = new String(in.readNBytes(KEPT_BODY), StandardCharsets.UTF_8);
            }
            int status = response.statusCode();
            String error = status >= 300 && status < 400 ? "Redirects are not followed; register the address it points to." : null;
            return new Deliveries.Outcome(at, status, error, millisSince(started), kept);
        } catch (HttpConnectTimeoutException e) {
            return failed(at, started, "No connection within " + settings.connectTimeout().toSeconds() + " seconds.");
        } catch (HttpTimeoutException e) {
            return failed(at, started, "No answer within " + settings.timeout().toSeconds() + " seconds.");
        } catch (IOException | IllegalArgumentException e) {
            return failed(at, started, describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(at, started, "The sender was stopped.");
        }
    }

    private static Deliveries.Outcome failed(Instant at, long started, String error) {
        return new Deliveries.Outcome(at, null, error, millisSince(started), "");
    }

    /** The error in words for the newsroom: the JDK's connection errors often carry their reason only in a cause. */
    private static String describe(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.channels.UnresolvedAddressException || t instanceof java.net.UnknownHostException) {
                return "The server name could not be found.";
            }
        }
        String what = e instanceof java.net.ConnectException ? "Could not connect" : e.getClass().getSimpleName();
        String message = e.getMessage() != null ? e.getMessage() : e.getCause() != null && e.getCause().getMessage() != null
                ? e.getCause().getMessage() : null;
        String out = message == null ? what + "." : what + ": " + message;
        return out.length() > 500 ? out.substring(0, 500) : out;
    }

    private static int millisSince(long startedNanos) {
        return (int) Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos));
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
