package broadsheet.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The connection pool and JDBI handle on the one PostgreSQL that is the source of truth: an external
 * server when {@code BROADSHEET_DATABASE_URL} is set, otherwise the embedded one in the data folder.
 * Opening it applies the schema migrations. What the tables mean belongs to each feature's store.
 *
 * <p>While the server cannot be reached, asking for a connection fails after the configured timeout rather
 * than hanging, with an exception {@link #unavailable} recognises (the web answers 503 for it); the pool
 * opens fresh connections by itself once the server is back.
 */
public final class Database implements AutoCloseable {
    /** How long a pooled connection beyond the two kept open may stay unused before it is closed. */
    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(1);

    private final CompletableFuture<Opened> opened;
    private final Jdbi jdbi;
    private final CompositeMeterRegistry poolMetrics;
    private final AtomicReference<OpeningTime> openingTime;

    /**
     * How long opening on a thread of its own took ({@link #opening}): finding the server, which for the embedded one
     * is starting it, then opening the pool's first connections and checking the migrations.
     */
    public record OpeningTime(Duration server, Duration connections) {
        public Duration total() {
            return server.plus(connections);
        }
    }

    /** The pool on a server that answered and was migrated, and what a connection outside the pool needs. */
    private record Opened(HikariDataSource dataSource, EmbeddedPostgres embedded, String url, String user, String password,
                          Duration timeout) {}

    /** Where to connect: what {@link #opening} is given once it knows (after starting the embedded server, say). */
    public record Target(String url, String user, String password, int poolSize, Duration timeout, EmbeddedPostgres embedded) {}

    private Database(CompletableFuture<Opened> opened, CompositeMeterRegistry poolMetrics, AtomicReference<OpeningTime> openingTime) {
        this.opened = opened;
        this.poolMetrics = poolMetrics;
        this.openingTime = openingTime;
        this.jdbi = Jdbi.create(new WhenOpen()).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
        // Stores bind a fixed set of names and pick SQL fragments per call; some fragments use fewer names.
        jdbi.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
    }

    /**
     * Connects to the given server and migrates it; {@code embedded} is stopped on close when not null.
     * {@code timeout} bounds the wait for a connection, from the pool or from the server.
     */
    public static Database connect(String url, String user, String password, int poolSize, Duration timeout, EmbeddedPostgres embedded) {
        CompositeMeterRegistry poolMetrics = new CompositeMeterRegistry();
        Opened opened = open(new Target(url, user, password, poolSize, timeout, embedded), poolMetrics);
        return new Database(CompletableFuture.completedFuture(opened), poolMetrics, new AtomicReference<>());
    }

    /**
     * Opens the database on a thread of its own, as {@link #connect} does once {@code target} says where it is, and
     * returns at once: what is built on it meanwhile waits for it at its first use of a connection ({@link #awaitOpen}
     * waits for it, and throws what opening threw). A server starts faster so: an embedded PostgreSQL spends most of its
     * start waiting, and the program's own start needs no database until its first query.
     */
    public static Database opening(Supplier<Target> target) {
        CompositeMeterRegistry poolMetrics = new CompositeMeterRegistry();
        CompletableFuture<Opened> opened = new CompletableFuture<>();
        AtomicReference<OpeningTime> took = new AtomicReference<>();
        Thread.ofPlatform().name("database-open").start(() -> {
            try {
                long started = System.nanoTime();
                Target where = target.get();
                long found = System.nanoTime();
                Opened o = open(where, poolMetrics);
                took.set(new OpeningTime(Duration.ofNanos(found - started), Duration.ofNanos(System.nanoTime() - found)));
                opened.complete(o);
            } catch (Throwable e) {
                opened.completeExceptionally(e);
            }
        });
        return new Database(opened, poolMetrics, took);
    }

    /** How long opening took, once it has opened on a thread of its own; empty for a database given open ({@link #connect}). */
    public Optional<OpeningTime> openingTime() {
        return opened.isDone() ? Optional.ofNullable(openingTime.get()) : Optional.empty();
    }

    private static Opened open(Target target, CompositeMeterRegistry poolMetrics) {
        String url = target.url();
        EmbeddedPostgres embedded = target.embedded();
        Duration timeout = target.timeout();
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        if (target.user() != null && !target.user().isBlank()) hc.setUsername(target.user());
        if (target.password() != null && !target.password().isBlank()) hc.setPassword(target.password());
        hc.setMaximumPoolSize(target.poolSize());
        hc.setMinimumIdle(Math.min(2, target.poolSize()));
        // each connection is a PostgreSQL process holding some 5 MB of its own caches: those a burst of requests opened
        // are closed after a minute unused, not the ten minutes of HikariCP's default
        if (target.poolSize() > hc.getMinimumIdle()) hc.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        hc.setPoolName("broadsheet");
        hc.setConnectionTimeout(timeout.toMillis());
        // a pooled connection idle for a while is checked before use; the check must leave time to open a new one
        hc.setValidationTimeout(Math.max(250, timeout.toMillis() / 2));
        driverTimeouts(timeout).forEach(hc::addDataSourceProperty);
        hc.addDataSourceProperty("ApplicationName", "broadsheet");
        hc.addDataSourceProperty("reWriteBatchedInserts", "true");
        // HikariCP takes one metrics registry, once: the pool's figures go to this one, and each server built on
        // the database (tests build several on one) adds its own registry to it (see bindPoolMetrics)
        hc.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(poolMetrics));
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(hc);
        } catch (RuntimeException e) {
            if (embedded != null) embedded.close();
            throw new IllegalStateException("Cannot connect to PostgreSQL at " + url + ": " + rootMessage(e), e);
        }
        try {
            Migrations.apply(ds);
        } catch (RuntimeException e) {
            ds.close();
            if (embedded != null) embedded.close();
            throw e;
        }
        return new Opened(ds, embedded, url, target.user(), target.password(), timeout);
    }

    /**
     * Waits until the database is open; throws what opening it threw (the same exception each time), so a server
     * being started fails with the reason and not with a query's failure to get a connection.
     */
    public void awaitOpen() {
        try {
            opened.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error r) throw r;
            throw e;
        }
    }

    /** The open database, waiting for it; an {@link SQLException} that {@link #unavailable} recognises when it failed. */
    private Opened opened() throws SQLException {
        try {
            return opened.join();
        } catch (CompletionException | CancellationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new SQLNonTransientConnectionException("The database could not be opened: " + rootMessage(cause), "08001", cause);
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** The connection pool (waiting until the database is open). */
    public DataSource dataSource() {
        awaitOpen();
        return opened.join().dataSource();
    }

    /**
     * Shows the connection pool's figures (Micrometer's HikariCP metrics: {@code hikaricp_connections_active},
     * {@code _idle}, {@code _pending}, {@code _timeout_total}, acquire and usage times, tagged {@code pool="broadsheet"})
     * in {@code registry}, until {@link #unbindPoolMetrics}.
     */
    public void bindPoolMetrics(MeterRegistry registry) {
        poolMetrics.add(registry);
    }

    public void unbindPoolMetrics(MeterRegistry registry) {
        poolMetrics.remove(registry);
    }

    /** A connection outside the pool, for a long-lived listener; the caller closes it. */
    public Connection dedicatedConnection() throws SQLException {
        Opened o = opened();
        String user = o.user();
        String password = o.password();
        Properties p = new Properties();
        if (user != null && !user.isBlank()) p.setProperty("user", user);
        if (password != null && !password.isBlank()) p.setProperty("password", password);
        p.setProperty("ApplicationName", "broadsheet-listener");
        p.setProperty("tcpKeepAlive", "true");
        p.putAll(driverTimeouts(o.timeout()));
        return DriverManager.getConnection(o.url(), p);
    }

    /** True when the database answers a trivial query within two seconds. */
    public boolean answers() {
        try (Connection c = opened().dataSource().getConnection(); var st = c.createStatement()) {
            st.setQueryTimeout(2);
            return st.execute("SELECT 1");
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Whether a failure means the database cannot be reached just now (down, restarting, unreachable, or no
     * connection free in time), as opposed to a fault in a query: a connection the pool could not hand out
     * in time, or a PostgreSQL error of class 08 (connection exception) or 57P01-57P03 (shutting down,
     * crashed, starting up), anywhere in the chain of causes.
     */
    public static boolean unavailable(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 20; depth++, t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) return true;
            if (t instanceof SQLException e && e.getSQLState() != null
                    && (e.getSQLState().startsWith("08") || e.getSQLState().matches("57P0[123]"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * PostgreSQL driver settings that bound opening a connection, in whole seconds (a value in the JDBC URL
     * wins over these): without them, a server that does not answer holds a request for the driver's own
     * ten seconds or more.
     */
    private static Map<String, String> driverTimeouts(Duration timeout) {
        String seconds = String.valueOf(Math.max(1, (timeout.toMillis() + 999) / 1000));
        return Map.of("connectTimeout", seconds, "loginTimeout", seconds);
    }

    @Override
    public void close() {
        Opened o;
        try {
            o = opened.join(); // one still opening is waited for, so that what it opens is closed too
        } catch (CompletionException | CancellationException e) {
            return; // it failed, and closed what it had opened
        }
        o.dataSource().close();
        if (o.embedded() != null) o.embedded().close();
    }

    /** The pool as a data source that waits for the database to open at a first connection, for what is built meanwhile. */
    private final class WhenOpen implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return opened().dataSource().getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return opened().dataSource().getConnection(username, password);
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return opened().dataSource().getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            opened().dataSource().setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            opened().dataSource().setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return opened().dataSource().getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getLogger("broadsheet.storage");
        }

        @Override
        public <W> W unwrap(Class<W> type) throws SQLException {
            return type.isInstance(this) ? type.cast(this) : opened().dataSource().unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return type.isInstance(this) || opened().dataSource().isWrapperFor(type);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage();
    }
}
