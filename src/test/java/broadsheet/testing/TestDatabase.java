package broadsheet.testing;

import broadsheet.storage.ChangeFeed;
import broadsheet.storage.Database;
import broadsheet.storage.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands tests a real PostgreSQL: the embedded server, started once per test run in
 * {@code target/test-postgres}, migrated by Flyway, and emptied after each test.
 * {@link PerClass} empties it around a whole class instead, for classes that store their fixtures once.
 */
public final class TestDatabase implements AfterEachCallback, ParameterResolver {
    private static Database database;
    private static EmbeddedPostgres server;

    public static synchronized Database database() {
        if (database == null) {
            Path folder = Path.of("target", "test-postgres").toAbsolutePath();
            var pg = server = EmbeddedPostgres.open(folder, Map.of("fsync", "off", "synchronous_commit", "off",
                    "full_page_writes", "off", "max_connections", "200"));
            database = Database.connect(pg.jdbcUrl(), pg.user(), pg.password(), 8, pg);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> database.close(), "test-database-stop"));
        }
        return database;
    }

    /**
     * The configuration that points a command at this database, as {@code broadsheet.properties} lines of a
     * data folder, for commands run in-process (they read no flag for the database).
     */
    public static String properties() {
        database();
        return "database.url=" + server.jdbcUrl() + "\ndatabase.user=" + server.user() + "\ndatabase.password=" + server.password() + "\n";
    }

    public static Jdbi jdbi() {
        return database().jdbi();
    }

    /** Empties every table but the migration history. */
    public static void clean() {
        jdbi().useHandle(h -> {
            List<String> tables = h.createQuery("""
                            SELECT tablename FROM pg_tables
                            WHERE schemaname = 'public' AND tablename <> 'flyway_schema_history'""")
                    .mapTo(String.class).list();
            if (!tables.isEmpty()) h.execute("TRUNCATE " + String.join(", ", tables) + " RESTART IDENTITY CASCADE");
        });
    }

    /**
     * Cuts every change feed's listening connection, and returns once each listener has noticed. A listener
     * waits at least half a second before listening again (and only then reports a change), so for that while
     * no instance hears of changes: what a page must show at once then depends on the instance that made it.
     */
    public static void cutChangeFeeds() {
        jdbi().useHandle(h -> h.execute("""
                SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                WHERE pid <> pg_backend_pid() AND query LIKE 'LISTEN %'"""));
        try {
            Thread.sleep(100); // the listener's read fails at once; it then waits before listening again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits until a change feed listener whose notices go to {@code heard} is listening (it starts on its own
     * thread), by announcing until it hears; {@code heard} is then empty.
     */
    public static void awaitListening(BlockingQueue<String> heard) throws InterruptedException {
        do {
            jdbi().useHandle(h -> ChangeFeed.announce(h, "ready"));
        } while (!"ready".equals(heard.poll(200, TimeUnit.MILLISECONDS)));
        heard.clear();
    }

    /** The number of rows in every table but the migration history, by table name. */
    public static Map<String, Long> rowCounts() {
        return jdbi().withHandle(h -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String table : h.createQuery("""
                            SELECT tablename FROM pg_tables
                            WHERE schemaname = 'public' AND tablename <> 'flyway_schema_history' ORDER BY tablename""")
                    .mapTo(String.class).list()) {
                counts.put(table, h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
            }
            return counts;
        });
    }

    @Override
    public void afterEach(ExtensionContext context) {
        clean();
    }

    /**
     * The same database, emptied before a class's first test and after its last rather than after each
     * test: the class stores what it reads in {@code @BeforeAll} and its tests only read.
     */
    public static final class PerClass implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
        @Override
        public void beforeAll(ExtensionContext context) {
            clean();
        }

        @Override
        public void afterAll(ExtensionContext context) {
            clean();
        }

        @Override
        public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
            return supports(p);
        }

        @Override
        public Object resolveParameter(ParameterContext p, ExtensionContext e) {
            return resolve(p);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return supports(p);
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        return resolve(p);
    }

    static boolean supports(ParameterContext p) {
        Class<?> type = p.getParameter().getType();
        return type == Database.class || type == Jdbi.class;
    }

    static Object resolve(ParameterContext p) {
        return p.getParameter().getType() == Database.class ? database() : jdbi();
    }

    /** A new folder under {@code target/test-data}. */
    public static Path tempDir(String prefix) {
        try {
            Path root = Path.of("target", "test-data").toAbsolutePath();
            Files.createDirectories(root);
            return Files.createTempDirectory(root, prefix);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
