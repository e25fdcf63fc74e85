package broadsheet.demo;

import broadsheet.App;
import broadsheet.account.Passwords;
import broadsheet.reader.ReaderStore;
import broadsheet.sitepage.SitePageStore;
import java.io.PrintStream;
import java.time.Instant;

/**
 * What {@code broadsheet demo} puts in a data folder: the generated newsroom and its articles (only into an empty
 * database), the demo readers and their subscription, the moderator and the readers' comments, portraits for writers
 * without one, the paper's own pages (about, contact, corrections, privacy, terms), the tagline and the front page's
 * picks; what is there already is kept. The accounts made are printed to {@code out} with their passwords.
 */
public final class DemoSite {
    private DemoSite() {}

    public static void load(App app, long seed, int articles, Instant now, PrintStream out) {
        var jdbi = app.database().jdbi();
        new DemoLoader(jdbi, app.blobs(), app.config().zone()).loadIfEmpty(seed, articles, now, out);
        new DemoReaders(new ReaderStore(jdbi), new Passwords()).ensure(app.config().baseUrl() + "/account/signin", now, out);
        DemoReaders.subscribe(jdbi, app.config().zone(), now);
        var comments = new DemoComments(jdbi, new Passwords());
        comments.ensureModerator(app.config().baseUrl() + "/newsroom/login", now, out);
        comments.loadIfEmpty(seed, now, out);
        DemoPortraits.ensure(jdbi, app.blobs(), now, out);
        DemoSitePages.ensure(new SitePageStore(jdbi), app.siteName(), now, out);
        DemoFrontPage.arrange(jdbi, now, out);
        app.contentChanged();
    }
}
