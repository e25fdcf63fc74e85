package broadsheet.storage;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Two processes on one data folder share one PostgreSQL: the second attaches instead of starting another. */
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
}
