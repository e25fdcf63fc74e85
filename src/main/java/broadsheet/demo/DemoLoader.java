package broadsheet.demo;

import broadsheet.contributor.ContributorStore;
import broadsheet.importing.ArticleImporter;
import broadsheet.media.MediaLibrary;
import broadsheet.section.SectionStore;
import broadsheet.subscription.Plans;
import broadsheet.storage.BlobStore;
import broadsheet.topic.TopicStore;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills an empty database with the generated demo newsroom: its sections (in order), writers and desks,
 * topics, then the articles through the same importer as {@code broadsheet import}. Does nothing when
 * the database already holds articles, so a second start keeps what is there.
 */
public final class DemoLoader {
    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);
    private final Jdbi jdbi;
    private final BlobStore blobs;
    private final ZoneId zone;

    public DemoLoader(Jdbi jdbi, BlobStore blobs, ZoneId zone) {
        this.jdbi = jdbi;
        this.blobs = blobs;
        this.zone = zone;
    }

    /** Returns true when it loaded the demo, false when the database already had articles. */
    public boolean loadIfEmpty(long seed, int articles, Instant now, PrintStream out) {
        long existing = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM articles").mapTo(Long.class).one());
        if (existing > 0) {
            out.println("The data folder already holds " + existing + " articles; keeping them.");
            return false;
        }
        out.println("Creating the demo newsroom with " + articles + " articles...");
        long started = System.nanoTime();
        DemoNewsroom.Plan plan = DemoNewsroom.generate(seed, articles, now);
        log.debug("Generated the demo plan in {} ms", (System.nanoTime() - started) / 1_000_000);
        jdbi.useTransaction(h -> {
            int position = 1;
            for (var s : plan.sections()) {
                long id = SectionStore.ensure(h, s.slug(), s.name(), s.description());
                h.createUpdate("UPDATE sections SET position = :p WHERE id = :id").bind("p", position++).bind("id", id).execute();
            }
            for (var c : plan.contributors()) {
                if (h.createQuery("SELECT 1 FROM contributors WHERE slug = :s").bind("s", c.slug()).mapTo(Integer.class).findOne().isEmpty()) {
                    ContributorStore.create(h, c.name(), c.desk(), c.jobTitle(), c.bio());
                }
            }
            for (var t : plan.topics()) TopicStore.ensure(h, t.name(), t.description());
            // what the subscribe page and the paywall offer; the demo takes no payments, so admins grant subscriptions
            Plans.add(h, new Plans.Draft("Monthly", "month", "9.00", "GBP", ""), now);
            Plans.add(h, new Plans.Draft("Yearly", "year", "90.00", "GBP", ""), now);
        });
        var result = new ArticleImporter(jdbi, new MediaLibrary(blobs), zone).importAll(plan.articles(), now);
        out.printf("Created %d articles with %d pictures in %.1f s.%n", result.created(), result.pictures(),
                (System.nanoTime() - started) / 1e9);
        return true;
    }
}
