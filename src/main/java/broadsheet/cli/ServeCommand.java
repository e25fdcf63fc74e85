package broadsheet.cli;

import broadsheet.App;
import broadsheet.storage.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code broadsheet serve}: runs the site until stopped; stops gracefully on SIGTERM or Ctrl-C. */
@Command(name = "serve", description = "Serve the site.")
public final class ServeCommand implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @Mixin
    CommonOptions options;

    @Override
    public void run() {
        long entered = System.nanoTime();
        // the launcher execs the JVM, so the process started when the launcher did (to the system clock's tick)
        Optional<Duration> toCommand = ProcessHandle.current().info().startInstant()
                .map(launched -> Duration.between(launched, Instant.now()))
                .filter(d -> !d.isNegative());
        App app = App.create(options.config(), Clock.systemUTC());
        long built = System.nanoTime();
        serve(app, () -> {
            long started = System.nanoTime();
            log.info(startLine(toCommand, Duration.ofNanos(built - entered), Duration.ofNanos(started - built),
                    app.database().openingTime()));
        });
    }

    /**
     * Where a start's time went, for the operator (and bench/start): from launch to this command, building the site,
     * then starting the web server while the database, which opens alongside from the command's start, finishes.
     */
    static String startLine(Optional<Duration> toCommand, Duration build, Duration start, Optional<Database.OpeningTime> database) {
        Duration fromCommand = build.plus(start);
        StringBuilder line = new StringBuilder("Started in ");
        if (toCommand.isPresent()) {
            line.append(ms(toCommand.get().plus(fromCommand))).append(" from launch: ").append(ms(toCommand.get()))
                    .append(" to the serve command (the launcher, the JVM, the command line), ");
        } else {
            line.append(ms(fromCommand)).append(" from the serve command: ");
        }
        line.append(ms(build)).append(" building the site, ").append(ms(start))
                .append(" starting the web server and waiting for the database");
        database.ifPresent(d -> line.append("; the database opened alongside in ").append(ms(d.total()))
                .append(" (finding or starting PostgreSQL ").append(ms(d.server()))
                .append(", the first connections and the migrations check ").append(ms(d.connections())).append(")"));
        return line.toString();
    }

    private static String ms(Duration d) {
        return String.format(Locale.ROOT, "%,d ms", d.toMillis());
    }

    /** Starts the app, prints its address, and blocks until the process is asked to stop. */
    static void serve(App app) {
        serve(app, () -> {});
    }

    /** As {@link #serve(App)}, running {@code started} once the app has started. */
    static void serve(App app, Runnable started) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "shutdown"));
        app.start();
        started.run();
        System.out.println();
        System.out.println("  " + app.siteName() + " is running. Open " + app.localAddress() + "/");
        if (!app.address().equals(app.localAddress())) System.out.println("  Public address: " + app.address() + "/");
        System.out.println("  Press Ctrl-C to stop.");
        System.out.println();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
