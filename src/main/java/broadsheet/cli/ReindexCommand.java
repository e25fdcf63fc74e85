package broadsheet.cli;

import broadsheet.article.BodyRebuild;
import broadsheet.storage.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code broadsheet reindex}: rebuilds what is derived from the database — today the rendered article
 * bodies. Safe to run beside a running server, which empties its page cache when it is done.
 */
@Command(name = "reindex", description = "Rebuild derived data (rendered article bodies) from the database.")
public final class ReindexCommand implements Runnable {
    @Mixin
    CommonOptions options;

    @Override
    public void run() {
        try (Database db = options.config().openDatabase()) {
            int changed = new BodyRebuild(db.jdbi()).all();
            System.out.println("Rendered article bodies again: " + changed + " changed.");
        }
    }
}
