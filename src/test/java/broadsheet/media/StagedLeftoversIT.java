package broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.storage.BlobStore;
import broadsheet.storage.LocalBlobStore;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Files staged by a process that died, settled by the next one: kept while their process lives (another
 * instance's import in progress); once it is dead, those that committed rows name go into the store (the
 * process died between its commit and moving them) and the rest are removed. A set this process holds is
 * never taken for a leftover. The staging process is a real one, killed with kill -9.
 */
@ExtendWith(TestDatabase.class)
class StagedLeftoversIT {
    private static final String NAMED = "images/aa/aa01.jpg";
    private static final String NAMED_RENDITION = "images/aa/aa01-360.webp";
    private static final String UNNAMED = "images/bb/bb02.jpg";
    private final Path media = TestDatabase.tempDir("staged-").resolve("media");
    private final LocalBlobStore blobs = new LocalBlobStore(media);
    private final MediaLibrary library = new MediaLibrary(blobs);
    private final Jdbi jdbi = TestDatabase.jdbi();

    @Test
    void aLiveProcessKeepsItsFilesAndADeadOnesAreSettledByTheRows() throws Exception {
        Process staging = startStaging(NAMED, NAMED_RENDITION, UNNAMED);
        try (BlobStore.Staged own = blobs.stage()) {
            own.put("images/cc/cc03.jpg", new byte[] {3});

            assertThat(library.settleLeftovers(jdbi)).as("its process is alive").isZero();
            assertThat(stagedFiles()).hasSize(4);

            // its transaction committed rows that name two of its files, and then it was killed
            jdbi.useHandle(h -> {
                long id = h.createQuery("""
                                INSERT INTO images (sha256, master_key, media_type, width, height, created_at)
                                VALUES ('aa01', :key, 'image/jpeg', 10, 10, :now) RETURNING id""")
                        .bind("key", NAMED).bind("now", TestApp.NOW).mapTo(Long.class).one();
                h.execute("INSERT INTO image_renditions VALUES (?, 'webp', 360, 360, ?, 10)", id, NAMED_RENDITION);
            });
            staging.destroyForcibly().waitFor();

            assertThat(library.settleLeftovers(jdbi)).isEqualTo(1);
            assertThat(blobs.exists(NAMED)).isTrue();
            assertThat(blobs.exists(NAMED_RENDITION)).isTrue();
            assertThat(blobs.exists(UNNAMED)).isFalse();
            assertThat(stagedFiles()).as("this process's own set is not a leftover").singleElement().asString().endsWith("cc03.jpg");
            own.publish();
        } finally {
            staging.destroyForcibly();
        }
        assertThat(blobs.exists("images/cc/cc03.jpg")).isTrue();
        assertThat(stagedFiles()).isEmpty();
    }

    /** Starts the staging process and returns once it says its files are staged. */
    private Process startStaging(String... keys) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                StagingProcess.class.getName(), media.toString()));
        command.addAll(List.of(keys));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        var out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("staged");
        return p;
    }

    /** Every file in the staging folder but the lock files. */
    private List<Path> stagedFiles() throws IOException {
        Path staging = media.resolve(".staging");
        if (!Files.isDirectory(staging)) return List.of();
        try (Stream<Path> walk = Files.walk(staging)) {
            return walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".lock")).toList();
        }
    }
}
