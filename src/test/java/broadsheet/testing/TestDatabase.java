package broadsheet.testing;

import broadsheet.storage.Database;
import broadsheet.storage.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands tests a real PostgreSQL: the embedded server, started once per test run in
 * {@code target/test-postgres}, migrated by Flyway, and emptied after each test.
 */
public final class TestDatabase implements AfterEachCallback, ParameterResolver {
    private static Database database;

    public static synchronized Database database() {
        if (database == null) {
            Path folder = Path.of("target", "test-postgres").toAbsolutePath();
            var pg = EmbeddedPostgres.open(folder, Map.of("fsync", "off", "synchronous_commit", "off",
                    "full_page_writes", "off", "max_connections", "200"));
            database = Database.connect(pg.jdbcUrl(), pg.user(), pg.password(), 8, pg);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> database.close(), "test-database-stop"));
        }
        return database;
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

    @Override
    public void afterEach(ExtensionContext context) {
        clean();
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        Class<?> type = p.getParameter().getType();
        return type == Database.class || type == Jdbi.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == Database.class ? database() : jdbi();
    }

    static Path tempDir(String prefix) {
        try {
            Path root = Path.of("target", "test-data").toAbsolutePath();
            Files.createDirectories(root);
            return Files.createTempDirectory(root, prefix);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
