package broadsheet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.App;
import broadsheet.Config;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestClock;
import broadsheet.testing.TestDatabase;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * {@code broadsheet admin create} beside a server, in-process, on a data folder whose properties point at the
 * test database: it names the address the running server answers on (which the configuration alone does not
 * know when the server was given port 0 or a port of its own), and the configured base URL when no server
 * runs; the server's own first-start hint names its real address too.
 */
@ExtendWith(TestDatabase.class)
class AdminCommandIT {
    private final Path dataDir = TestDatabase.tempDir("admin-");

    /** The data folder's configuration: the test database, the given properties lines, and the given flags. */
    private Config config(String properties, Map<String, String> flags) throws IOException {
        Files.writeString(dataDir.resolve("broadsheet.properties"), TestDatabase.properties() + properties);
        Map<String, String> all = new HashMap<>(flags);
        all.put(Config.DATA.key(), dataDir.toString());
        return Config.load(Map.of(), all);
    }

    private static App started(Config config) {
        return App.onDatabase(config, new TestClock(TestApp.NOW), TestDatabase.database()).start();
    }

    @Test
    void namesTheAddressOfTheServerRunningOnTheDataFolder() throws IOException {
        try (App app = started(config("", Map.of(Config.PORT.key(), "0")))) {
            assertThat(app.port()).isNotEqualTo(8080);

            var run = CommandRun.of("admin", "create", "--data", dataDir.toString(), "--email", "ada@example.test");

            assertThat(run.errors()).isEmpty();
            assertThat(run.code()).isZero();
            assertThat(run.printed()).contains("Sign in at http://localhost:" + app.port() + "/newsroom/login");
        }
    }

    @Test
    void namesTheConfiguredBaseUrlWhenOneIsSetOrNoServerRuns() throws IOException {
        try (App app = started(config("base-url=https://news.example.test/\n", Map.of(Config.PORT.key(), "0")))) {
            var run = CommandRun.of("admin", "create", "--data", dataDir.toString(), "--email", "ada@example.test");

            assertThat(run.printed()).contains("Sign in at https://news.example.test/newsroom/login");
        }
        config("port=18080\n", Map.of());

        var run = CommandRun.of("admin", "create", "--data", dataDir.toString(), "--email", "bo@example.test");

        assertThat(run.code()).isZero();
        assertThat(run.printed()).as("the server stopped: the configured address")
                .contains("Sign in at http://localhost:18080/newsroom/login");
    }

    @Test
    void anAddressLeftByAServerThatDiedIsNotBelieved() throws Exception {
        Config config = config("port=18081\n", Map.of());
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(dataDir.resolve("server.address"), "http://localhost:12345\n" + gone.pid() + "\n");

        var run = CommandRun.of("admin", "create", "--data", config.dataDir().toString(), "--email", "cy@example.test");

        assertThat(run.printed()).contains("Sign in at http://localhost:18081/newsroom/login");
    }

    @Test
    void theFirstStartHintNamesThePortTheServerListensOn() throws IOException {
        var appLog = (Logger) LoggerFactory.getLogger(App.class);
        var logged = new ListAppender<ILoggingEvent>();
        logged.start();
        appLog.addAppender(logged);
        try (App app = started(config("", Map.of(Config.PORT.key(), "0")))) {
            assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
                    .anySatisfy(m -> assertThat(m).startsWith("No admin account yet.")
                            .contains("open http://localhost:" + app.port() + "/newsroom/setup?token="));
        } finally {
            appLog.detachAppender(logged);
        }
    }
}
