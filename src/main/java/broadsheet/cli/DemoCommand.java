package broadsheet.cli;

import broadsheet.App;
import broadsheet.demo.DemoSite;
import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code broadsheet demo}: serves the site with a generated newsroom. The first start fills an empty
 * database; later starts on the same data folder keep what is there.
 */
@Command(name = "demo", description = "Serve the site with a generated demo newsroom.")
public final class DemoCommand implements Runnable {
    @Mixin
    CommonOptions options;

    @Option(names = "--articles", paramLabel = "N", defaultValue = "200", description = "Articles to generate (default 200).")
    int articles;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "2025", description = "Seed for the generator (default 2025).")
    long seed;

    @Override
    public void run() {
        if (articles < 1 || articles > 100_000) throw new IllegalArgumentException("--articles must be from 1 to 100000");
        Clock clock = Clock.systemUTC();
        App app = App.create(options.config(), clock);
        try {
            app.database().awaitOpen();
            DemoSite.load(app, seed, articles, clock.instant(), System.out);
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        ServeCommand.serve(app);
    }
}
