package broadsheet.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
 */
public final class ChangeFeed implements AutoCloseable {
    public static final String CHANNEL = "broadsheet_changes";
    /** The longest wait between attempts to listen again: 0.5 s, doubling up to this. */
    static final long MAX_BACKOFF_MILLIS = 2_000;
    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);
    private final Database database;
    private final Consumer<String> onChange;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Connection connection;

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
                if (lost) {
                    log.info("Listening for changes again");
                    onChange.accept("reconnect");
                }
                lost = false;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notices = pg.getNotifications(5_000);
                    if (notices == null) continue;
                    for (PGNotification n : notices) onChange.accept(n.getParameter());
                }
            } catch (SQLException | RuntimeException e) {
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
