package broadsheet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.Fixtures;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Which article an imported file is, as {@code broadsheet import} decides it (in-process, on a data folder whose
 * properties point at the test database): files of the same name in two folders are two articles; the same
 * folder imported again replaces its articles, even moved; an {@code id} in the front matter is the same article
 * from any folder; and the summary names every article replaced, and why.
 */
@ExtendWith(TestDatabase.class)
class ImportKeysIT {
    private final Path dataDir = TestDatabase.tempDir("keys-");
    private final Path folders = TestDatabase.tempDir("keys-folders-");

    @BeforeEach
    void pointTheDataFolderAtTheTestDatabase() throws IOException {
        Files.writeString(dataDir.resolve("broadsheet.properties"), TestDatabase.properties());
    }

    @Test
    void sameNamedFilesInTwoFoldersAreTwoArticlesAndAFolderImportedAgainReplacesItsOwn() throws IOException {
        Path spring = write("spring/harbour.md", article("Harbour talks open", "2025-04-01T09:00:00Z", ""));
        write("autumn/harbour.md", article("Harbour talks stall", "2025-10-01T09:00:00Z", ""));

        assertThat(importing("spring")).containsExactly("Imported 1 article (1 new, 0 replaced) with 0 pictures.");
        assertThat(importing("autumn")).as("the same name in another folder is another article")
                .containsExactly("Imported 1 article (1 new, 0 replaced) with 0 pictures.");
        assertThat(headlines()).containsExactly("Harbour talks open", "Harbour talks stall");

        Files.writeString(spring, article("Harbour talks open in Estrany", "2025-04-01T09:00:00Z", ""));

        assertThat(importing("spring")).containsExactly("Imported 1 article (0 new, 1 replaced) with 0 pictures.",
                "  " + spring + " replaced \"Harbour talks open\" at /world-news/2025/04/01/harbour-talks-open/ (same file)");
        assertThat(headlines()).containsExactly("Harbour talks open in Estrany", "Harbour talks stall");
    }

    @Test
    void anIdIsTheSameArticleFromAnyFolder() throws IOException {
        write("desk/first.md", article("Ferry fares rise", "2025-11-03T09:00:00Z", "id: ferries-2025-11\n"));
        Path later = write("archive/2025/fares.md", article("Ferry fares rise by a fifth", "2025-11-03T10:00:00Z", "id: ferries-2025-11\n"));
        importing("desk");

        assertThat(importing("archive")).containsExactly("Imported 1 article (0 new, 1 replaced) with 0 pictures.",
                "  " + later + " replaced \"Ferry fares rise\" at /world-news/2025/11/03/ferry-fares-rise/ (same id)");
        assertThat(headlines()).containsExactly("Ferry fares rise by a fifth");
    }

    @Test
    void twoFilesWithOneIdInARunAreRefused() throws IOException {
        write("run/a.md", article("Ferry fares rise", "2025-11-03T09:00:00Z", "id: ferries-2025-11\n"));
        Path b = write("run/b.md", article("Ferry fares fall", "2025-11-03T09:00:00Z", "id: ferries-2025-11\n"));

        var run = CommandRun.of("import", "--data", dataDir.toString(), folders.resolve("run").toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.errors()).containsExactly("broadsheet: " + b + ":2: id: is the id of " + folders.resolve("run/a.md")
                + " too; one id is one article");
        assertThat(headlines()).isEmpty();
    }

    @Test
    void anArticleOfAnEarlierVersionOrOfTheNewsroomIsFoundAgainByItsAddress() throws IOException {
        // an article imported by an earlier version, its key marked by the migration that came with the new keys
        new Fixtures(dataDir).store(TestApp.NOW, Fixtures.story("Harbour talks open").published(Instant.parse("2025-04-01T09:00:00Z"))
                .build().withImportKey("relative:harbour.md"));
        Path file = write("spring/harbour.md", article("Harbour talks open", "2025-04-01T09:00:00Z", "standfirst: Now with a standfirst\n"));

        assertThat(importing("spring")).containsExactly("Imported 1 article (0 new, 1 replaced) with 0 pictures.",
                "  " + file + " replaced \"Harbour talks open\" at /world-news/2025/04/01/harbour-talks-open/ (same address)");
        Files.writeString(file, article("Harbour talks open at last", "2025-04-01T09:00:00Z", ""));
        assertThat(importing("spring")).as("it now has its new key, so it moves with its file")
                .containsExactly("Imported 1 article (0 new, 1 replaced) with 0 pictures.",
                        "  " + file + " replaced \"Harbour talks open\" at /world-news/2025/04/01/harbour-talks-open/ (same file)");
        assertThat(headlines()).containsExactly("Harbour talks open at last");
    }

    private List<String> importing(String folder) {
        var run = CommandRun.of("import", "--data", dataDir.toString(), folders.resolve(folder).toString());
        assertThat(run.errors()).isEmpty();
        assertThat(run.code()).isZero();
        return run.printed();
    }

    private Path write(String name, String text) throws IOException {
        Path file = folders.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static List<String> headlines() {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT headline FROM articles ORDER BY id").mapTo(String.class).list());
    }

    /** Title on line 2 (or 3 after {@code extra}), then section and published. */
    private static String article(String title, String published, String extra) {
        return "---\n" + extra + "title: " + title + "\nsection: world-news\npublished: " + published + "\n---\nA paragraph.\n";
    }
}
