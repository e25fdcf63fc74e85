package broadsheet.testing;

import broadsheet.storage.ChangeFeed;
import broadsheet.storage.Database;
import broadsheet.storage.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
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
 * Emptying it empties the picture folders of the running test servers too ({@link #keepsFilesIn}): their
 * files belong to rows that are gone, and a test must not find the pictures of the test before.
 */
public final class TestDatabase implements AfterEachCallback, ParameterResolver {
    private static Database database;
    private static final Set<Path> fileFolders = ConcurrentHashMap.newKeySet();
    private static EmbeddedPostgres server;

    public static synchronized Database database() {
        if (database == null) {
            Path folder = Path.of("target", "test-postgres").toAbsolutePath();
            var pg = server = EmbeddedPostgres.open(folder, Map.of("fsync", "off", "synchronous_commit", "off",
                    "full_page_writes", "off", "max_connections", "200"));
            // every test's server shares this pool: on a busy machine a connection may take longer than a
            // production server would wait for one (DatabaseOutageIT checks that default on its own database)
            database = Database.connect(pg.jdbcUrl(), pg.user(), pg.password(), 8, Duration.ofSeconds(10), pg);
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

    /**
     * Empties every table but the migration history, and the folders whose files those rows described. A test server's
     * background work (started with it: older comments' HTML, missing renditions) may be reading two tables while the
     * TRUNCATE locks them one by one; PostgreSQL then ends one of the two as a deadlock, and when it is the TRUNCATE,
     * it is run again.
     */
    public static void clean() {
        for (int attempt = 1; ; attempt++) {
            try {
                jdbi().useHandle(h -> {
                    List<String> tables = h.createQuery("""
                                    SELECT tablename FROM pg_tables
                                    WHERE schemaname = 'public' AND tablename <> 'flyway_schema_history'""")
                            .mapTo(String.class).list();
                    if (!tables.isEmpty()) h.execute("TRUNCATE " + String.join(", ", tables) + " RESTART IDENTITY CASCADE");
                });
                break;
            } catch (UnableToExecuteStatementException e) {
                boolean deadlock = e.getCause() instanceof SQLException sql && "40P01".equals(sql.getSQLState());
                if (!deadlock || attempt == 5) throw e;
            }
        }
        for (Path folder : fileFolders) emptyFolder(folder);
    }

    /**
     * Says that a running test server keeps in {@code folder} files the database's rows describe (its
     * pictures), so {@link #clean} empties it with the tables, until {@link #forgetFilesIn} is called.
     */
    static void keepsFilesIn(Path folder) {
        fileFolders.add(folder);
    }

    static void forgetFilesIn(Path folder) {
        fileFolders.remove(folder);
    }

    private static void emptyFolder(Path folder) {
        if (!Files.isDirectory(folder)) return;
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(folder)) Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Cuts every change feed's listening connection, and returns once PostgreSQL has ended each of them: from
     * then on no instance hears of changes until its listener connects again (it waits a little first, and
     * then reports a change), so what a page must show at once depends on the instance that made a change.
     */
    public static void cutChangeFeeds() {
        List<Integer> listeners = jdbi().withHandle(h -> h.createQuery("""
                        SELECT pid FROM pg_stat_activity
                        WHERE pid <> pg_backend_pid() AND query LIKE 'LISTEN %' AND pg_terminate_backend(pid)""")
                .mapTo(Integer.class).list());
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM pg_stat_activity WHERE pid = ANY(:pids)")
                .bindArray("pids", Integer.class, listeners).mapTo(Integer.class).one()) > 0) {
            if (System.nanoTime() > deadline) throw new AssertionError("the change feeds' connections did not end within a minute");
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
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

    /**
     * Waits until {@code sessions} other transactions of this database are waiting for a lock: what a test
     * of two transactions at once waits for before it lets the first one go on, so the second has really
     * run into the first. Gives up after a minute, naming what it waited for.
     */
    public static void awaitLockWaits(int sessions) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (jdbi().withHandle(h -> h.createQuery("""
                        SELECT count(*) FROM pg_stat_activity
                        WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()""")
                .mapTo(Integer.class).one()) < sessions) {
            if (System.nanoTime() > deadline) throw new AssertionError("no " + sessions + " transaction(s) waited for a lock within a minute");
            Thread.sleep(10);
        }
    }

    /**
     * The number of rows in every table but the migration history and the search outbox (a queue of notices that
     * every write to a published article adds to, even one that leaves it as it was), by table name.
     */
    public static Map<String, Long> rowCounts() {
        return jdbi().withHandle(h -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String table : h.createQuery("""
                            SELECT tablename FROM pg_tables
                            WHERE schemaname = 'public' AND tablename NOT IN ('flyway_schema_history', 'search_outbox')
                            ORDER BY tablename""")
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
