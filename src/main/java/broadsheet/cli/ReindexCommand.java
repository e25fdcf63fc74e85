package broadsheet.cli;

import broadsheet.Config;
import broadsheet.article.BodyRebuild;
import broadsheet.search.SearchEngine;
import broadsheet.storage.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code broadsheet reindex}: rebuilds what is derived from the database: the rendered article bodies, then the
 * search index. Safe to run beside running servers: they empty their page caches when it is done, and each builds
 * its own search index again in the background (asked through the search outbox); the index of this data folder is
 * built here when no server has it open. With {@code --search-only} the bodies are left as stored: for a database
 * whose bodies were rendered by this version (a bulk load that rendered them itself), only the index is missing.
 */
@Command(name = "reindex", description = "Rebuild derived data (rendered article bodies, the search index) from the database.")
public final class ReindexCommand implements Runnable {
    @Mixin
    CommonOptions options;

    @Option(names = "--search-only", description = "Rebuild the search index only; leave the rendered bodies as they are.")
    boolean searchOnly;

    @Override
    public void run() {
        Config config = options.config();
        try (Database db = config.openDatabase()) {
            if (!searchOnly) {
                int changed = new BodyRebuild(db.jdbi()).all();
                System.out.println("Rendered article bodies again: " + changed + " changed.");
            }
            var folder = SearchEngine.folder(config.dataDir());
            var search = SearchEngine.reindex(folder, db.jdbi());
            System.out.println(search.here()
                    ? "Built the search index in " + folder + ": " + search.articles() + " articles."
                    : "A running server has the search index in " + folder + " open; it builds it again in the background.");
            System.out.println("Running servers build their own search indexes again in the background.");
        }
    }
}
