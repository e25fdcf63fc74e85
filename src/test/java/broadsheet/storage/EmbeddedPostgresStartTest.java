package broadsheet.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The wait for a starting PostgreSQL: it ends as soon as the server is ready, without waiting for pg_ctl; a pg_ctl that
 * fails is reported with what it said; a server that never becomes ready is given up after the limit, in one line.
 * (pg_ctl is stood in for by a shell, so each case is certain.)
 */
class EmbeddedPostgresStartTest {

    private static EmbeddedPostgres.Started program(String script) throws Exception {
        Path out = Files.createTempFile("broadsheet-pg-test-", ".out");
        Process p = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        return new EmbeddedPostgres.Started("pg_ctl", p, out);
    }

    @Test
    void aReadyServerEndsTheWaitWhilePgCtlIsStillWaiting() throws Exception {
        var pgCtl = program("sleep 30");
        var checks = new AtomicInteger();
        // the third look finds it ready: no connection is made here, a null connection stands for it
        var running = EmbeddedPostgres.awaitReady(pgCtl, Duration.ofSeconds(20),
                () -> checks.incrementAndGet() >= 3 ? new EmbeddedPostgres.Running(5432, null) : null);

        assertThat(running.port()).isEqualTo(5432);
        assertThat(checks).hasValue(3);
        assertThat(pgCtl.process().isAlive()).as("pg_ctl is left to end by itself").isTrue();
        pgCtl.process().destroyForcibly();
    }

    @Test
    void aFailedStartIsReportedWithWhatPgCtlSaidOnOneLine() throws Exception {
        var pgCtl = program("echo 'pg_ctl: could not start server'; echo 'Examine the log output.'; exit 1");

        assertThatThrownBy(() -> EmbeddedPostgres.awaitReady(pgCtl, Duration.ofSeconds(20), () -> null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("pg_ctl failed: pg_ctl: could not start server Examine the log output.");
    }

    @Test
    void aServerThatNeverAcceptsConnectionsIsGivenUpAfterTheLimit() throws Exception {
        var pgCtl = program("sleep 30");

        assertThatThrownBy(() -> EmbeddedPostgres.awaitReady(pgCtl, Duration.ofMillis(300), () -> null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("PostgreSQL did not accept connections within 0.3 s")
                .message().doesNotContain("\n");
        assertThat(pgCtl.process().waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).as("pg_ctl stopped").isTrue();
    }

    @Test
    void aStartPgCtlReportsButThatDoesNotAnswerIsAFailure() throws Exception {
        var pgCtl = program("exit 0");

        assertThatThrownBy(() -> EmbeddedPostgres.awaitReady(pgCtl, Duration.ofSeconds(20), () -> null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("pg_ctl reported a start, but the server does not accept connections");
    }
}
