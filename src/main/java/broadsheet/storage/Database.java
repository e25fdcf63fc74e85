package broadsheet.storage;

import broadsheet.Config;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The connection pool and JDBI handle on the one PostgreSQL that is the source of truth: an external
 * server when {@code BROADSHEET_DATABASE_URL} is set, otherwise the embedded one in the data folder.
 * Opening it applies the schema migrations. What the tables mean belongs to each feature's store.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final EmbeddedPostgres embedded;
    private final String url;
    private final String user;
    private final String password;

    private Database(HikariDataSource dataSource, EmbeddedPostgres embedded, String url, String user, String password) {
        this.dataSource = dataSource;
        this.embedded = embedded;
        this.url = url;
        this.user = user;
        this.password = password;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
        // Stores bind a fixed set of names and pick SQL fragments per call; some fragments use fewer names.
        jdbi.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
    }

    /** Opens (and for the embedded server, starts) the configured database and migrates its schema. */
    public static Database open(Config config) {
        if (config.embeddedDatabase()) {
            EmbeddedPostgres pg = EmbeddedPostgres.open(config.dataDir().resolve("postgres"));
            return connect(pg.jdbcUrl(), pg.user(), pg.password(), config.databasePoolSize(), pg);
        }
        return connect(config.databaseUrl(), config.databaseUser(), config.databasePassword(), config.databasePoolSize(), null);
    }

    /** Connects to the given server and migrates it; {@code embedded} is stopped on close when not null. */
    public static Database connect(String url, String user, String password, int poolSize, EmbeddedPostgres embedded) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        if (user != null && !user.isBlank()) hc.setUsername(user);
        if (password != null && !password.isBlank()) hc.setPassword(password);
        hc.setMaximumPoolSize(poolSize);
        hc.setMinimumIdle(Math.min(2, poolSize));
        hc.setPoolName("broadsheet");
        hc.setConnectionTimeout(10_000);
        hc.addDataSourceProperty("ApplicationName", "broadsheet");
        hc.addDataSourceProperty("reWriteBatchedInserts", "true");
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
        return new Database(ds, embedded, url, user, password);
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** A connection outside the pool, for a long-lived listener; the caller closes it. */
    public Connection dedicatedConnection() throws SQLException {
        java.util.Properties p = new java.util.Properties();
        if (user != null && !user.isBlank()) p.setProperty("user", user);
        if (password != null && !password.isBlank()) p.setProperty("password", password);
        p.setProperty("ApplicationName", "broadsheet-listener");
        p.setProperty("tcpKeepAlive", "true");
        return java.sql.DriverManager.getConnection(url, p);
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
