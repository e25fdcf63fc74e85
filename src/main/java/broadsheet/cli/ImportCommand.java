package broadsheet.cli;

import broadsheet.Config;
import broadsheet.importing.ArticleImporter;
import broadsheet.importing.ArticleSource;
import broadsheet.importing.ImportChecks;
import broadsheet.importing.ImportException;
import broadsheet.importing.ImportKeys;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code broadsheet import --data DIR FILE_OR_FOLDER...}: reads every article file first, then stores them
 * all in one transaction. Works beside a running server on the same data folder (it attaches to the
 * embedded database that server started). A run with bad files stops with one line for each problem of each
 * file, naming the file, the line and the key, and nothing is kept. A file imported again (the same file, or
 * one with the same {@code id}; see {@link ImportKeys}) replaces its article, even when its slug, section or date
 * changed; the article's earlier address then answers with a redirect. The summary names every article replaced.
 */
@Command(name = "import", description = "Import articles written in Markdown with front matter.")
public final class ImportCommand implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(ImportCommand.class);
    @Mixin
    CommonOptions options;

    @Parameters(arity = "1..*", paramLabel = "FILE_OR_FOLDER", description = "Article files, or folders to search for *.md files.")
    List<Path> paths;

    @Override
    public void run() {
        Config config = options.config();
        // a database that exists already starts while the files are read (and stops again when they have problems)
        FutureTask<Database> opening = new FutureTask<>(config::openDatabase);
        boolean early = !config.embeddedDatabase() || Files.isRegularFile(config.dataDir().resolve("postgres").resolve("PG_VERSION"));
        if (early) Thread.ofPlatform().name("import-database").daemon().start(opening);
        ImportChecks.Checked run;
        MediaLibrary media;
        Instant now;
        try {
            List<ImportException> problems = new ArrayList<>();
            long started = System.nanoTime();
            List<ArticleSource> sources = readAll(problems);
            log.debug("Read {} files in {} ms", sources.size() + problems.size(), (System.nanoTime() - started) / 1_000_000);
            if (sources.isEmpty() && problems.isEmpty()) throw new IllegalArgumentException("no *.md files found in " + paths);
            media = new MediaLibrary(new LocalBlobStore(config.mediaDir()));
            now = Clock.systemUTC().instant();
            // every problem of every file, found before the database is opened (or, when it does not exist yet, made)
            run = new ImportChecks(media, config.zone()).check(sources, problems, now);
        } catch (RuntimeException e) {
            if (early) closeQuietly(opening);
            throw e;
        }
        if (!early) opening.run();
        try (Database db = opened(opening)) {
            media.settleLeftovers(db.jdbi()); // pictures staged by an import that was killed before it finished
            var result = new ArticleImporter(db.jdbi(), media, config.zone()).store(run, now);
            List<ArticleSource> sources = run.sources();
            System.out.printf("Imported %d article%s (%d new, %d replaced) with %d picture%s.%n",
                    sources.size(), sources.size() == 1 ? "" : "s", result.created(), result.replaced().size(),
                    result.pictures(), result.pictures() == 1 ? "" : "s");
            for (ArticleImporter.Replaced r : result.replaced()) {
                System.out.printf("  %s replaced \"%s\" at %s (%s)%n", r.origin(), r.headline(), r.path(), r.why().words());
            }
        }
    }

    /** The database the task opened; its failure is thrown as it is, as though it had been opened here. */
    private static Database opened(FutureTask<Database> opening) {
        try {
            return opening.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error r) throw r;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening the database", e);
        }
    }

    /** Closes the database the task opened (or is opening), as an import with problems stores nothing. */
    private static void closeQuietly(FutureTask<Database> opening) {
        try {
            opened(opening).close();
        } catch (RuntimeException e) {
            log.debug("Could not open or close the database after the import's problems: {}", e.getMessage());
        }
    }

    /**
     * Reads every file given or found in the folders given, on every core; the problems of those that cannot be read
     * go to {@code problems}. Both keep the order of the files.
     */
    private List<ArticleSource> readAll(List<ImportException> problems) {
        List<Path> files = new ArrayList<>();
        for (Path given : paths) {
            try {
                files.addAll(MarkdownArticleReader.collect(List.of(given)));
            } catch (ImportException e) {
                problems.add(e);
            }
        }
        var reader = new MarkdownArticleReader();
        Object[] read = new Object[files.size()];
        IntStream.range(0, files.size()).parallel().forEach(i -> {
            Path f = files.get(i);
            try {
                ArticleSource source = reader.read(f);
                read[i] = source.importKey() != null ? source : source.withImportKey(ImportKeys.ofFile(f));
            } catch (ImportException e) {
                read[i] = e;
            }
        });
        List<ArticleSource> sources = new ArrayList<>();
        for (Object r : read) {
            if (r instanceof ImportException e) problems.add(e); else sources.add((ArticleSource) r);
        }
        return sources;
    }
}
