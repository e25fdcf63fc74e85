package broadsheet.storage;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells every instance that published content changed, with PostgreSQL {@code LISTEN/NOTIFY}: a writer
 * {@link #announce}s inside its transaction (PostgreSQL delivers it only if the transaction commits), and
 * each server {@link #listen}s on a connection of its own and empties its caches. If the listening
 * connection drops, notices may have been missed until it listens again, so the listener reports a change
 * once it listens again. It tries again after half a second, then at most every {@link #MAX_BACKOFF_MILLIS}.
 *
 * <p>For the operator ({@link #bindTo}): reconnections, notices received, how long this instance took to act on
 * them, when the last one arrived and whether it listens now. PostgreSQL does not stamp a notice with its commit
 * time, so the delay between another instance's commit and this one hearing of it is not measured; a listener
 * that falls behind shows as notices arriving late or not at all, and as reconnections.
 */
public final class ChangeFeed implements AutoCloseable, MeterBinder {
    public static final String CHANNEL = "broadsheet_changes";
    /** The longest wait between attempts to listen again: 0.5 s, doubling up to this. */
    static final long MAX_BACKOFF_MILLIS = 2_000;
    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);
    private final Database database;
    private final Consumer<String> onChange;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Connection connection;
    private volatile boolean listening;
    private final LongAdder reconnects = new LongAdder();
    private final LongAdder received = new LongAdder();
    private final LongAdder applied = new LongAdder();
    private final LongAdder applyNanos = new LongAdder();
    /** When the last notice arrived, in milliseconds since 1970; 0 for none yet. */
    private volatile long lastNoticeMillis;

    private ChangeFeed(Database database, Consumer<String> onChange) {
        this.database = database;
        this.onChange = onChange;
        this.thread = Thread.ofPlatform().daemon().name("change-feed").start(this::loop);
    }

    /** Sends a change notice as part of the caller's transaction; {@code what} is a short label (e.g. "article 42"). */
    public static void announce(Handle h, String what) {
        h.createQuery("SELECT pg_notify(:channel, :what)").bind("channel", CHANNEL).bind("what", what)
                .mapTo(String.class).findOne();
    }

    /** Starts listening; {@code onChange} runs on the listener thread for each notice. */
    public static ChangeFeed listen(Database database, Consumer<String> onChange) {
        return new ChangeFeed(database, onChange);
    }

    private void loop() {
        long backoff = 500;
        boolean lost = false;
        while (running) {
            try (Connection c = database.dedicatedConnection()) {
                connection = c;
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + CHANNEL);
                }
                backoff = 500;
                // notices sent while nobody listened are gone: whatever they were, report a change now
                listening = true;
                if (lost) {
                    log.info("Listening for changes again");
                    reconnects.increment();
                    apply("reconnect");
                }
                lost = false;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notices = pg.getNotifications(5_000);
                    if (notices == null || notices.length == 0) continue;
                    lastNoticeMillis = System.currentTimeMillis();
                    received.add(notices.length);
                    for (PGNotification n : notices) apply(n.getParameter());
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (!running) return;
                // once per outage, not at every try
                if (!lost) log.warn("Lost the change feed ({}); reconnecting", e.getMessage());
                else log.debug("The change feed cannot listen yet ({})", e.getMessage());
                lost = true;
                sleep(backoff);
                // short, so caches are trusted again within seconds of the database coming back
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
    }

    /** Runs the handler for a notice, timing it. */
    private void apply(String what) {
        long started = System.nanoTime();
        try {
            onChange.accept(what);
        } finally {
            applyNanos.add(System.nanoTime() - started);
            applied.increment();
        }
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("broadsheet.change.feed.reconnects", reconnects, LongAdder::sum)
                .description("Times this instance listened to the change feed again after losing its connection "
                        + "(its caches are emptied each time, as notices may have been missed)")
                .register(registry);
        FunctionCounter.builder("broadsheet.change.feed.notifications", received, LongAdder::sum)
                .description("Change notices this instance received from PostgreSQL (LISTEN/NOTIFY), by channel")
                .tag("channel", CHANNEL).register(registry);
        FunctionTimer.builder("broadsheet.change.feed.apply", this, f -> f.applied.sum(), f -> f.applyNanos.sum(), TimeUnit.NANOSECONDS)
                .description("Time from a change notice reaching this instance to its caches being emptied for it")
                .register(registry);
        Gauge.builder("broadsheet.change.feed.last.notification.timestamp", this, f -> f.lastNoticeMillis / 1000.0)
                .description("When the last change notice reached this instance, in seconds since 1970 (0 before the first)")
                .baseUnit("seconds").register(registry);
        Gauge.builder("broadsheet.change.feed.listening", this, f -> f.listening ? 1 : 0)
                .description("1 while this instance listens to the change feed, 0 while it tries to connect again")
                .register(registry);
    }

    @Override
    public void close() {
        running = false;
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        thread.interrupt();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
