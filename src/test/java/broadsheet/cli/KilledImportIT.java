package broadsheet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import broadsheet.App;
import broadsheet.Config;
import broadsheet.testing.Fixtures;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestClock;
import broadsheet.testing.TestDatabase;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code broadsheet import} killed (kill -9) in the middle of its transaction, for real: the import runs in a
 * process of its own, and this test holds a lock on the articles table so that the import stops inside its
 * transaction right after writing the pictures of its first article. Once the import has been killed there,
 * the next start of the server leaves no picture file that no row names, and the pictures of earlier imports
 * exactly as they were.
 */
@ExtendWith(TestDatabase.class)
class KilledImportIT {
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private final Path dataDir = TestDatabase.tempDir("killed-");
    private final Path media = dataDir.resolve("media");

    @Test
    void aKilledImportLeavesNoPictureFilesBehindOnceTheServerStartsAgain() throws Exception {
        Files.writeString(dataDir.resolve("broadsheet.properties"), TestDatabase.properties());
        var earlier = CommandRun.of("import", "--data", dataDir.toString(), Fixtures.referenceFile().toString());
        assertThat(earlier.code()).as(String.join("\n", earlier.errors())).isZero();
        Map<Path, FileTime> before = files();
        assertThat(before).isNotEmpty();
        Path folder = newArticlesWithPictures();

        Process importing;
        try (Connection holder = TestDatabase.database().dataSource().getConnection(); Statement st = holder.createStatement()) {
            holder.setAutoCommit(false);
            st.execute("LOCK TABLE articles IN ACCESS EXCLUSIVE MODE");
            importing = startImport(folder);
            List<Integer> blocked = awaitImportBlockedAfterWritingPictures(importing, before.size());

            importing.destroyForcibly().waitFor();
            // its transaction ends here, uncommitted, whatever the server would have noticed of the kill
            for (int pid : blocked) st.execute("SELECT pg_terminate_backend(" + pid + ")");
            holder.rollback();
        }
        assertThat(importing.exitValue()).as("killed, not finished").isNotZero();
        int articles = TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM articles").mapTo(Integer.class).one());
        assertThat(articles).as("nothing of the killed import committed").isEqualTo(1);

        Config config = Config.load(Map.of(), Map.of(Config.DATA.key(), dataDir.toString(), Config.PORT.key(), "0"));
        App.onDatabase(config, new TestClock(TestApp.NOW), TestDatabase.database()).close();

        assertThat(files()).as("the earlier pictures, untouched, and nothing else").isEqualTo(before);
        assertThat(files().keySet()).isEqualTo(namedByRows());
    }

    /** Three articles, each with a lead picture of its own that the media folder does not have yet. */
    private Path newArticlesWithPictures() throws IOException {
        Path folder = Files.createDirectories(TestDatabase.tempDir("killed-run-"));
        Color[] colours = {Color.RED, Color.GREEN, Color.BLUE};
        for (int i = 0; i < colours.length; i++) {
            Files.write(folder.resolve("p" + i + ".jpg"), Fixtures.jpeg(900, 600, colours[i], Color.WHITE));
            Files.writeString(folder.resolve("a" + i + ".md"), "---\ntitle: Harbour story " + i
                    + "\nsection: world-news\npublished: 2025-12-0" + (i + 1) + "T09:00:00Z\nimage: p" + i + ".jpg\n---\nA paragraph.\n");
        }
        return folder;
    }

    private Process startImport(Path folder) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), "broadsheet.Main", "import", "--data", dataDir.toString(), folder.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dataDir.resolveSibling(dataDir.getFileName() + "-import.log").toFile());
        // a machine busy with other work may take longer than the default two seconds to connect: this test is about
        // the pictures a killed import leaves, not about how soon a connection comes
        builder.environment().put(Config.DATABASE_TIMEOUT.envVar(), "60");
        return builder.start();
    }

    /**
     * Waits until the import's database session waits for the lock this test holds and new picture files exist
     * (wherever the import writes them), and returns that session's process ids.
     */
    private List<Integer> awaitImportBlockedAfterWritingPictures(Process importing, int filesBefore) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            if (!importing.isAlive()) fail("the import ended before it reached its transaction; see its log beside " + dataDir);
            // asked on a connection of its own: within the holder's transaction, pg_stat_activity would not change
            List<Integer> blocked = TestDatabase.jdbi().withHandle(h -> h.createQuery(
                    "SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock'").mapTo(Integer.class).list());
            if (!blocked.isEmpty() && allFiles().size() > filesBefore) return blocked;
            Thread.sleep(50); // polling the condition, not waiting for a time
        }
        importing.destroyForcibly();
        return fail("the import did not reach its transaction within " + PATIENCE);
    }

    /** Every file under the media folder, staging included, by path relative to it. */
    private List<Path> allFiles() throws IOException {
        if (!Files.isDirectory(media)) return List.of();
        try (Stream<Path> walk = Files.walk(media)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    /** Every file under the media folder, by key, with its modification time. */
    private Map<Path, FileTime> files() throws IOException {
        Map<Path, FileTime> out = new TreeMap<>();
        for (Path f : allFiles()) out.put(media.relativize(f), Files.getLastModifiedTime(f));
        return out;
    }

    private static Set<Path> namedByRows() {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery("""
                        SELECT master_key FROM images UNION SELECT blob_key FROM image_renditions""")
                .mapTo(String.class).map(Path::of).set());
    }
}
