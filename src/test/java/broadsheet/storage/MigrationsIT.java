package broadsheet.storage;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.TestDatabase;
import java.nio.file.Path;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The quick check at start that skips Flyway: only when the schema history lists every migration shipped as applied;
 * a new database, a migration not yet applied or one that failed run Flyway in full.
 */
class MigrationsIT {

    @Test
    void theShippedMigrationsAreFoundWithTheVersionsFlywayWrites() {
        assertThat(Migrations.shipped()).contains("001", "172", "181");
    }

    @Test
    void aMigratedDatabaseIsUpToDate() {
        assertThat(Migrations.upToDate(TestDatabase.database().dataSource())).isTrue();
    }

    @Test
    void onlyAHistoryWithEveryMigrationAppliedSkipsFlyway() {
        TestDatabase.database();
        EmbeddedPostgres server = EmbeddedPostgres.open(Path.of("target", "test-postgres"));
        String name = "migrations_" + UUID.randomUUID().toString().replace("-", "");
        Jdbi admin = TestDatabase.jdbi();
        admin.useHandle(h -> h.execute("CREATE DATABASE " + name));
        try {
            var ds = new PGSimpleDataSource();
            ds.setUrl(server.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"));
            ds.setUser(server.user());
            ds.setPassword(server.password());
            Jdbi jdbi = Jdbi.create(ds);

            assertThat(Migrations.upToDate(ds)).as("a new database").isFalse();

            jdbi.useHandle(h -> h.execute("CREATE TABLE flyway_schema_history (version text, success boolean NOT NULL)"));
            for (String v : Migrations.shipped()) {
                if (!v.equals("172")) jdbi.useHandle(h -> h.execute("INSERT INTO flyway_schema_history VALUES (?, true)", v));
            }
            assertThat(Migrations.upToDate(ds)).as("one migration pending").isFalse();

            jdbi.useHandle(h -> h.execute("INSERT INTO flyway_schema_history VALUES ('172', false)"));
            assertThat(Migrations.upToDate(ds)).as("one migration failed").isFalse();

            jdbi.useHandle(h -> h.execute("UPDATE flyway_schema_history SET success = true"));
            assertThat(Migrations.upToDate(ds)).as("every migration applied").isTrue();
        } finally {
            admin.useHandle(h -> h.execute("DROP DATABASE " + name + " WITH (FORCE)"));
        }
    }
}
