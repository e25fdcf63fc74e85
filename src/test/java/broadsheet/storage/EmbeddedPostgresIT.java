package broadsheet.storage;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two processes on one data folder share one PostgreSQL: the second attaches instead of starting another. A server
 * killed outright (its postmaster.pid left behind) is found dead and started again.
 */
class EmbeddedPostgresIT {

    @Test
    void aSecondOpenOnTheSameFolderAttachesToTheRunningServer() throws Exception {
        int running = TestDatabase.jdbi().withHandle(h -> h.createQuery("SHOW port").mapTo(Integer.class).one());
        Path folder = Path.of("target", "test-postgres");
        String pidFileBefore = Files.readString(folder.resolve("postmaster.pid"));

        // not closed: closing would try to stop the server the whole test run shares
        EmbeddedPostgres second = EmbeddedPostgres.open(folder);

        assertThat(second.port()).isEqualTo(running);
        assertThat(second.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + running + "/broadsheet");
        assertThat(Files.readString(folder.resolve("postmaster.pid"))).isEqualTo(pidFileBefore);
        try (var db = Database.connect(second.jdbcUrl(), second.user(), second.password(), 2, Duration.ofSeconds(2), null)) {
            assertThat(db.answers()).isTrue();
        }
    }

    @Test
    void aKilledServerIsFoundDeadAndStartedAgain() throws Exception {
        Path folder = TestDatabase.tempDir("killed-postgres-").resolve("postgres");
        EmbeddedPostgres first = EmbeddedPostgres.open(folder);
        long postmaster = Long.parseLong(Files.readAllLines(folder.resolve("postmaster.pid")).get(0).strip());
        ProcessHandle handle = ProcessHandle.of(postmaster).orElseThrow();
        handle.destroyForcibly();
        handle.onExit().get(30, TimeUnit.SECONDS);
        assertThat(folder.resolve("postmaster.pid")).as("left behind by the killed server").exists();

        EmbeddedPostgres again = EmbeddedPostgres.open(folder);
        try (var db = Database.connect(again.jdbcUrl(), again.user(), again.password(), 2, Duration.ofSeconds(5), again)) {
            assertThat(db.answers()).isTrue();
            assertThat(Long.parseLong(Files.readAllLines(folder.resolve("postmaster.pid")).get(0).strip())).isNotEqualTo(postmaster);
        }
        assertThat(first.port()).isPositive();
    }
}
