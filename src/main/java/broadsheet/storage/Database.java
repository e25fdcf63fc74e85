package broadsheet.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
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

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final EmbeddedPostgres embedded;
    private final String url;
    private final String user;
    private final String password;
    private final Duration timeout;
    private final CompositeMeterRegistry poolMetrics;

    private Database(HikariDataSource dataSource, CompositeMeterRegistry poolMetrics, EmbeddedPostgres embedded, String url, String user,
                     String password, Duration timeout) {
        this.dataSource = dataSource;
        this.poolMetrics = poolMetrics;
        this.embedded = embedded;
        this.url = url;
        this.user = user;
        this.password = password;
        this.timeout = timeout;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
        // Stores bind a fixed set of names and pick SQL fragments per call; some fragments use fewer names.
        jdbi.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
    }

    /**
     * Connects to the given server and migrates it; {@code embedded} is stopped on close when not null.
     * {@code timeout} bounds the wait for a connection, from the pool or from the server.
     */
    public static Database connect(String url, String user, String password, int poolSize, Duration timeout, EmbeddedPostgres embedded) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        if (user != null && !user.isBlank()) hc.setUsername(user);
        if (password != null && !password.isBlank()) hc.setPassword(password);
        hc.setMaximumPoolSize(poolSize);
        hc.setMinimumIdle(Math.min(2, poolSize));
        // each connection is a PostgreSQL process holding some 5 MB of its own caches: those a burst of requests opened
        // are closed after a minute unused, not the ten minutes of HikariCP's default
        if (poolSize > hc.getMinimumIdle()) hc.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        hc.setPoolName("broadsheet");
        hc.setConnectionTimeout(timeout.toMillis());
        // a pooled connection idle for a while is checked before use; the check must leave time to open a new one
        hc.setValidationTimeout(Math.max(250, timeout.toMillis() / 2));
        driverTimeouts(timeout).forEach(hc::addDataSourceProperty);
        hc.addDataSourceProperty("ApplicationName", "broadsheet");
        hc.addDataSourceProperty("reWriteBatchedInserts", "true");
        // HikariCP takes one metrics registry, once: the pool's figures go to this one, and each server built on
        // the database (tests build several on one) adds its own registry to it (see bindPoolMetrics)
        CompositeMeterRegistry poolMetrics = new CompositeMeterRegistry();
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
        return new Database(ds, poolMetrics, embedded, url, user, password, timeout);
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
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
        Properties p = new Properties();
        if (user != null && !user.isBlank()) p.setProperty("user", user);
        if (password != null && !password.isBlank()) p.setProperty("password", password);
        p.setProperty("ApplicationName", "broadsheet-listener");
        p.setProperty("tcpKeepAlive", "true");
        p.putAll(driverTimeouts(timeout));
        return DriverManager.getConnection(url, p);
    }

    /** True when the database answers a trivial query within two seconds. */
    public boolean answers() {
        try (Connection c = dataSource.getConnection(); var st = c.createStatement()) {
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
        dataSource.close();
        if (embedded != null) embedded.close();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage();
    }
}
