package broadsheet.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import broadsheet.Config;
import broadsheet.testing.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * Opening the configured database: the smallest pool the configuration accepts is enough to migrate and serve, and the
 * connections beyond two are closed once unused. Opened in the background, it is usable at once (a first use waits for
 * it), and a failure to open it is thrown as it was.
 */
class DatabaseIT {

    @Test
    void opensAnExternalDatabaseWithTheSmallestPoolAllowed() {
        TestDatabase.database();
        // attach to the test run's server, as an operator's external PostgreSQL
        EmbeddedPostgres server = EmbeddedPostgres.open(Path.of("target", "test-postgres"));
        Config config = Config.load(Map.of(), Map.of("data", TestDatabase.tempDir("database-").toString(),
                "database.url", server.jdbcUrl(), "database.user", server.user(), "database.password", server.password(),
                "database.pool-size", "2"));

        try (Database db = config.openDatabase()) {
            assertThat(db.answers()).isTrue();
            int migrations = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM flyway_schema_history WHERE success")
                    .mapTo(Integer.class).one());
            assertThat(migrations).isPositive();
        }
    }

    @Test
    void connectionsABurstOpenedAreClosedAfterAMinuteUnused() {
        TestDatabase.database();
        EmbeddedPostgres server = EmbeddedPostgres.open(Path.of("target", "test-postgres"));
        try (Database db = Database.connect(server.jdbcUrl(), server.user(), server.password(), 8, Duration.ofSeconds(2), null)) {
            var pool = (HikariDataSource) db.dataSource();
            assertThat(pool.getMaximumPoolSize()).isEqualTo(8);
            assertThat(pool.getMinimumIdle()).isEqualTo(2);
            assertThat(pool.getIdleTimeout()).isEqualTo(Duration.ofMinutes(1).toMillis());
            assertThat(db.openingTime()).as("a database given open has no opening of its own to tell").isEmpty();
        }
    }

    @Test
    void aDatabaseOpenedInTheBackgroundIsUsableAtOnceAndMigrated() {
        TestDatabase.database();
        EmbeddedPostgres server = EmbeddedPostgres.open(Path.of("target", "test-postgres"));
        var started = new CountDownLatch(1);
        Database db = Database.opening(() -> {
            await(started);
            return new Database.Target(server.jdbcUrl(), server.user(), server.password(), 2, Duration.ofSeconds(5), null);
        });
        try (db) {
            started.countDown(); // only now may the opening go on: the Jdbi was handed out before it
            int migrations = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM flyway_schema_history WHERE success")
                    .mapTo(Integer.class).one());
            assertThat(migrations).isPositive();
            db.awaitOpen();
            assertThat(db.answers()).isTrue();
            // how long it took is told once it is open, in its two parts
            assertThat(db.openingTime()).hasValueSatisfying(t -> {
                assertThat(t.server().isNegative()).isFalse();
                assertThat(t.connections()).isPositive();
                assertThat(t.total()).isEqualTo(t.server().plus(t.connections()));
            });
        }
    }

    @Test
    void aFailedOpeningIsThrownAsItWasAndItsQueriesAreUnavailability() {
        var failure = new IllegalStateException("Cannot prepare the embedded PostgreSQL: disk full");
        Database db = Database.opening(() -> {
            throw failure;
        });

        assertThatThrownBy(db::awaitOpen).isSameAs(failure);
        assertThatThrownBy(() -> db.jdbi().withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()))
                .satisfies(e -> assertThat(Database.unavailable(e)).isTrue())
                .hasMessageContaining("disk full");
        assertThat(db.answers()).isFalse();
        assertThat(db.openingTime()).isEmpty();
        db.close();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
