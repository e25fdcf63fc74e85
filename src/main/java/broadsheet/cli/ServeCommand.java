package broadsheet.cli;

import broadsheet.App;
import broadsheet.storage.Database;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        Optional<Launch> launch = Launch.of(System.getenv(LAUNCHED_AT), Instant.now());
        App app = App.create(options.config(), Clock.systemUTC());
        long built = System.nanoTime();
        serve(app, () -> {
            long started = System.nanoTime();
            log.info(startLine(launch, Duration.ofNanos(built - entered), Duration.ofNanos(started - built),
                    app.database().openingTime()));
        });
    }

    /**
     * The serve command for a command line that is {@code serve} with only its own options ({@code --data}, {@code --port},
     * {@code --host}, each at most once, as {@code --name value} or {@code --name=value}, with a value that picocli would
     * read as it stands), read without picocli; empty for any other command line (help, an unknown or repeated option, an
     * odd value, an argument file), which picocli reads and answers as before. A server's start so skips picocli: loading
     * its classes (which no class cache can hold: they are Java 5 class files) and reading every annotation took some
     * 0.25 to 0.5 s of a start on a busy two-core machine, before the database could begin to open.
     */
    public static Optional<ServeCommand> plain(String[] args) {
        if (args.length == 0 || !args[0].equals("serve")) return Optional.empty();
        Map<String, String> values = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String name = args[i];
            String value;
            int equals = name.indexOf('=');
            if (name.startsWith("--") && equals > 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                return Optional.empty();
            }
            if (!PLAIN_OPTIONS.contains(name) || values.containsKey(name) || value.isEmpty() || value.startsWith("-")
                    || value.startsWith("@") || name.equals("--port") && !value.matches("[0-9]{1,9}")) {
                return Optional.empty();
            }
            values.put(name, value);
        }
        ServeCommand serve = new ServeCommand();
        serve.options = new CommonOptions();
        serve.options.data = values.get("--data");
        serve.options.port = values.containsKey("--port") ? Integer.valueOf(values.get("--port")) : null;
        serve.options.host = values.get("--host");
        return Optional.of(serve);
    }

    /** The options {@link #plain} reads: {@link CommonOptions}'. */
    static final List<String> PLAIN_OPTIONS = List.of("--data", "--port", "--host");

    /**
     * Set by the {@code broadsheet} launcher to the moment it began, in seconds since the epoch with their fraction (bash's
     * {@code EPOCHREALTIME}), so that a start can be told from launch.
     */
    static final String LAUNCHED_AT = "BROADSHEET_LAUNCHED_AT";

    /** From what a start is told (the launcher's start, or else the JVM's), and how long it took to reach the command. */
    record Launch(String from, Duration toCommand) {
        /** From the launcher's mark when it is there and sensible (under an hour ago), else from the JVM's start. */
        static Optional<Launch> of(String launchedAt, Instant now) {
            Optional<Launch> launcher = launcherMark(launchedAt).map(at -> new Launch("launch", Duration.between(at, now)))
                    .filter(l -> !l.toCommand().isNegative() && l.toCommand().compareTo(Duration.ofHours(1)) < 0);
            if (launcher.isPresent()) return launcher;
            Duration sinceJvm = Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime());
            return Optional.of(new Launch("the JVM's start", sinceJvm));
        }

        private static Optional<Instant> launcherMark(String value) {
            if (value == null || !value.matches("[0-9]{1,12}(\\.[0-9]{1,9})?")) return Optional.empty();
            String[] parts = value.split("\\.");
            long nanos = parts.length == 1 ? 0 : Long.parseLong((parts[1] + "000000000").substring(0, 9));
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(parts[0]), nanos));
        }
    }

    /**
     * Where a start's time went, for the operator (and bench/start): from launch to this command, building the site,
     * then starting the web server while the database, which opens alongside from the command's start, finishes.
     */
    static String startLine(Optional<Launch> launch, Duration build, Duration start, Optional<Database.OpeningTime> database) {
        Duration fromCommand = build.plus(start);
        StringBuilder line = new StringBuilder("Started in ");
        if (launch.isPresent()) {
            Launch l = launch.get();
            line.append(ms(l.toCommand().plus(fromCommand))).append(" from ").append(l.from()).append(": ")
                    .append(ms(l.toCommand())).append(" to the serve command (")
                    .append(l.from().equals("launch") ? "the launcher, the JVM, the command line" : "the JVM, the command line")
                    .append("), ");
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
