package broadsheet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.App;
import broadsheet.Config;
import broadsheet.storage.Database;
import broadsheet.storage.EmbeddedPostgres;
import broadsheet.testing.Fixtures;
import broadsheet.testing.TestDatabase;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * {@code broadsheet import} as a person runs it, in-process, on a data folder of its own (so with its own
 * embedded PostgreSQL, which the command starts and stops): a bad file is one line on stderr and exit code 1
 * with nothing created; a good file is imported with a summary; a failed run keeps nothing of itself; and a
 * server already running on the folder keeps running and shows what was imported.
 */
class ImportCommandIT {
    private final Path dataDir = TestDatabase.tempDir("cli-");
    private CommandRun last;

    @AfterEach
    void theDatabaseIsStoppedAndItsFolderCanGo() throws IOException {
        assertThat(dataDir.resolve("postgres/postmaster.pid")).doesNotExist();
        // a whole PostgreSQL cluster: not worth keeping under target/ once the test has passed
        try (Stream<Path> walk = Files.walk(dataDir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    @Test
    void aBadFileFailsWithOneLineNamingTheFileLineAndKeyAndCreatesNothing() throws IOException {
        Path bad = Files.writeString(dataDir.resolveSibling(dataDir.getFileName() + "-bad.md"), """
                ---
                title: Harbour talks
                section: world-news
                published: 2025-12-07T09:00:00Z
                access: everyone
                ---
                Talks resumed on Sunday.
                """);

        int code = run("import", "--data", dataDir.toString(), bad.toString());

        assertThat(code).isEqualTo(1);
        assertThat(errLines()).singleElement().asString()
                .startsWith("broadsheet: " + bad + ":5: access: ")
                .contains("everyone");
        assertThat(printed()).isEmpty();
        assertThat(dataDir.resolve("postgres")).doesNotExist();
    }

    @Test
    void everyProblemOfEveryFileIsOneLineInFileAndLineOrderAndNothingIsCreated() throws IOException {
        Path folder = Files.createDirectories(dataDir.resolveSibling(dataDir.getFileName() + "-many"));
        Files.write(folder.resolve("cut.jpg"), Arrays.copyOf(Files.readAllBytes(
                Fixtures.referenceFile().resolveSibling("pictures/cranes.jpg")), 4_000));
        Files.writeString(folder.resolve("a-two.md"), """
                ---
                access: everyone
                title: Harbour talks
                section: world-news
                published: 7 Dec
                ---
                Talks resumed on Sunday.
                """);
        Files.writeString(folder.resolve("b-three.md"), """
                ---
                title: Ferry fares
                section: World News
                published: 2025-12-07T09:00:00Z
                comments: maybe
                ---
                Fares rise in January.

                ![The quay](quay.jpg)
                """);
        Files.writeString(folder.resolve("c-picture.md"), article("Broken picture", "image: cut.jpg\n"));
        Files.writeString(folder.resolve("d-good.md"), article("Good one", ""));

        int code = run("import", "--data", dataDir.toString(), folder.toString());

        assertThat(code).isEqualTo(1);
        assertThat(errLines()).satisfiesExactly(
                l -> assertThat(l).startsWith("broadsheet: " + folder.resolve("a-two.md") + ":2: access: \"everyone\" is not one of"),
                l -> assertThat(l).startsWith("broadsheet: " + folder.resolve("a-two.md") + ":5: published: \"7 Dec\" is not"),
                l -> assertThat(l).startsWith("broadsheet: " + folder.resolve("b-three.md") + ":3: section: \"World News\" is not a slug"),
                l -> assertThat(l).startsWith("broadsheet: " + folder.resolve("b-three.md") + ":5: comments: \"maybe\" is not one of"),
                l -> assertThat(l).startsWith("broadsheet: " + folder.resolve("b-three.md") + ":9: picture \"quay.jpg\" was not found"),
                l -> assertThat(l).startsWith("broadsheet: " + folder.resolve("c-picture.md") + ":5: image: " + folder.resolve("cut.jpg") + ": "));
        assertThat(printed()).isEmpty();
        assertThat(dataDir.resolve("postgres")).as("nothing to store: the database is not even started").doesNotExist();
        assertThat(mediaFiles()).isEmpty();
    }

    @Test
    void theReferenceFileIsImportedAndAFailedRunAfterItKeepsNothingOfItself() throws IOException {
        int code = run("import", "--data", dataDir.toString(), Fixtures.referenceFile().toString());

        assertThat(errLines()).isEmpty();
        assertThat(code).isEqualTo(0);
        assertThat(printed()).containsExactly("Imported 1 article (1 new, 0 replaced) with 2 pictures.");
        assertThat(dataDir.resolve("postgres/postmaster.pid")).doesNotExist();
        List<Path> files = mediaFiles();
        assertThat(files).isNotEmpty();

        Path folder = Files.createDirectories(dataDir.resolveSibling(dataDir.getFileName() + "-run"));
        Files.write(folder.resolve("cut.jpg"), Arrays.copyOf(Files.readAllBytes(
                Fixtures.referenceFile().resolveSibling("pictures/cranes.jpg")), 4_000));
        Files.writeString(folder.resolve("a-good.md"), article("Good one", ""));
        Files.writeString(folder.resolve("b-broken.md"), article("Broken picture", "image: cut.jpg\n"));

        int failed = run("import", "--data", dataDir.toString(), folder.toString());

        assertThat(failed).isEqualTo(1);
        assertThat(errLines()).singleElement().asString().startsWith("broadsheet: " + folder.resolve("b-broken.md") + ":5: image: ");
        assertThat(mediaFiles()).isEqualTo(files);
        Config config = Config.load(Map.of(), Map.of("data", dataDir.toString()));
        try (Database db = config.openDatabase()) {
            List<String> headlines = db.jdbi().withHandle(h -> h.createQuery("SELECT headline FROM articles").mapTo(String.class).list());
            assertThat(headlines).containsExactly("Castellan: Northmere’s new harbour strategy ‘consistent’ with our own vision");
        }
    }

    @Test
    void importsBesideARunningServerOnTheSameFolderAndLeavesItRunning() throws Exception {
        Config config = Config.load(Map.of(), Map.of("data", dataDir.toString(), "port", "0"));
        Path file = Files.writeString(dataDir.resolveSibling(dataDir.getFileName() + "-talks.md"), article("Harbour talks", ""));
        var pgLog = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(EmbeddedPostgres.class);
        var logged = new ListAppender<ILoggingEvent>();
        logged.start();
        try (App app = App.create(config, Clock.systemUTC()).start()) {
            pgLog.addAppender(logged);
            pgLog.setLevel(Level.DEBUG);
            int code;
            try {
                code = run("import", "--data", dataDir.toString(), file.toString());
            } finally {
                pgLog.detachAppender(logged);
                pgLog.setLevel(null);
            }

            assertThat(code).isEqualTo(0);
            assertThat(logged.list).as("leaving the server's database running is routine, not news")
                    .filteredOn(e -> e.getFormattedMessage().startsWith("Leaving the embedded PostgreSQL running"))
                    .extracting(ILoggingEvent::getLevel).containsExactly(Level.DEBUG);
            assertThat(dataDir.resolve("postgres/postmaster.pid")).exists();
            HttpResponse<String> page = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/world-news/2025/12/07/harbour-talks/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(app.database().answers()).isTrue();
        }
    }

    /** Runs the command line as {@code main} would, keeping what it prints. */
    private int run(String... args) {
        last = CommandRun.of(args);
        return last.code();
    }

    /** What the command printed on stdout, without the log lines that share it. */
    private List<String> printed() {
        return last.printed();
    }

    private List<String> errLines() {
        return last.errors();
    }

    private List<Path> mediaFiles() throws IOException {
        Path media = dataDir.resolve("media");
        if (!Files.isDirectory(media)) return List.of();
        try (Stream<Path> walk = Files.walk(media)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String article(String title, String extra) {
        return "---\ntitle: " + title + "\nsection: world-news\npublished: 2025-12-07T09:00:00Z\n" + extra + "---\nA paragraph.\n";
    }
}
