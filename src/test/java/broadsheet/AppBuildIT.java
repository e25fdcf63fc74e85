package broadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import broadsheet.testing.TestApp;
import broadsheet.testing.TestClock;
import broadsheet.testing.TestDatabase;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Building the app opens the search index on a thread of its own while the rest is built: what opening it throws still
 * stops the build, as itself (not wrapped), and a build that failed leaves nothing open.
 */
class AppBuildIT {

    private static Config config(Path data) {
        return Config.load(Map.of(), Map.of("data", data.toString(), "port", "0", "base-url", TestApp.BASE_URL));
    }

    @Test
    void aSearchIndexInUseStopsTheBuildWithItsOwnMessageAndLeavesNothingOpen() {
        Path data = TestDatabase.tempDir("app-build-");
        App first = App.onDatabase(config(data), new TestClock(TestApp.NOW), TestDatabase.database());
        try {
            assertThatThrownBy(() -> App.onDatabase(config(data), new TestClock(TestApp.NOW), TestDatabase.database()))
                    .isInstanceOf(RuntimeException.class)
                    .hasMessage("The search index in " + data.resolve("search") + " is in use by a running server");
        } finally {
            first.close();
        }
        // the first app closed its index, and the failed build opened none: the folder's index opens again
        App again = App.onDatabase(config(data), new TestClock(TestApp.NOW), TestDatabase.database());
        assertThat(again.search()).isNotNull();
        again.close();
    }
}
