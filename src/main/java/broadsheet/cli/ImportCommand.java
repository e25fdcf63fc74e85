package broadsheet.cli;

import broadsheet.Config;
import broadsheet.importing.ArticleImporter;
import broadsheet.importing.ArticleSource;
import broadsheet.importing.ImportChecks;
import broadsheet.importing.ImportException;
import broadsheet.importing.MarkdownArticleReader;
import broadsheet.media.MediaLibrary;
import broadsheet.storage.Database;
import broadsheet.storage.LocalBlobStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code broadsheet import --data DIR FILE_OR_FOLDER...}: reads every article file first, then stores them
 * all in one transaction. Works beside a running server on the same data folder (it attaches to the
 * embedded database that server started). A run with bad files stops with one line for each problem of
 * each file, naming the file, the line and the key, and nothing is kept. A file imported again replaces its article, even
 * when its slug, section or date changed; the article's earlier address then answers with a redirect.
 */
@Command(name = "import", description = "Import articles written in Markdown with front matter.")
public final class ImportCommand implements Runnable {
    @Mixin
    CommonOptions options;

    @Parameters(arity = "1..*", paramLabel = "FILE_OR_FOLDER", description = "Article files, or folders to search for *.md files.")
    List<Path> paths;

    /** A file's identity across imports: its path within the folder given, or its name when given alone. */
    static String importKey(Path given, Path file) {
        Path relative = Files.isDirectory(given) ? given.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize())
                : file.getFileName();
        return relative.toString().replace('\\', '/');
    }

    @Override
    public void run() {
        Config config = options.config();
        var reader = new MarkdownArticleReader();
        List<ArticleSource> sources = new ArrayList<>();
        List<ImportException> problems = new ArrayList<>();
        for (Path given : paths) {
            try {
                for (Path f : MarkdownArticleReader.collect(List.of(given))) {
                    try {
                        sources.add(reader.read(f).withImportKey(importKey(given, f)));
                    } catch (ImportException e) {
                        problems.add(e);
                    }
                }
            } catch (ImportException e) {
                problems.add(e);
            }
        }
        if (sources.isEmpty() && problems.isEmpty()) throw new IllegalArgumentException("no *.md files found in " + paths);
        var media = new MediaLibrary(new LocalBlobStore(config.mediaDir()));
        Instant now = Clock.systemUTC().instant();
        // every problem of every file, found before the database is opened (or started)
        var run = new ImportChecks(media, config.zone()).check(sources, problems, now);
        try (Database db = Database.open(config)) {
            var result = new ArticleImporter(db.jdbi(), media, config.zone()).store(run, now);
            System.out.printf("Imported %d article%s (%d new, %d replaced) with %d picture%s.%n",
                    sources.size(), sources.size() == 1 ? "" : "s", result.created(), result.replaced(),
                    result.pictures(), result.pictures() == 1 ? "" : "s");
        }
    }
}
