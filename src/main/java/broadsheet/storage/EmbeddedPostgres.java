package broadsheet.storage;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server kept in a folder of its own (normally {@code DATA/postgres}), for when no
 * external database is configured. Several Broadsheet processes may share one folder (a server and an
 * import, say): the first starts the server, the others attach to it, and whichever leaves last stops it.
 * The server listens on 127.0.0.1 only, with a password generated at creation.
 *
 * <p>PostgreSQL refuses to run as root. When Broadsheet runs as root (containers, CI), the server
 * programs run inside a user namespace ({@code unshare --user}) where they are an ordinary user.
 */
public final class EmbeddedPostgres implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    public static final String DATABASE = "broadsheet";
    public static final String USER = "postgres";

    private final Path pgData;
    private final Path binaries;
    private final String password;
    private final int port;

    private EmbeddedPostgres(Path pgData, Path binaries, String password, int port) {
        this.pgData = pgData;
        this.binaries = binaries;
        this.password = password;
        this.port = port;
    }

    /** Opens the server in {@code folder}, creating and starting it if needed, with default settings. */
    public static EmbeddedPostgres open(Path folder) {
        return open(folder, Map.of());
    }

    /**
     * As {@link #open(Path)}, with extra server settings used when this call starts the server; a {@code port}
     * setting chooses the port (to start a stopped server where its clients expect it), otherwise a free one.
     */
    public static EmbeddedPostgres open(Path folder, Map<String, String> settings) {
        Path pgData = folder.toAbsolutePath().normalize();
        Path binaries = PostgresBinaries.unpacked();
        try {
            Files.createDirectories(pgData.getParent());
            String password = ensureCluster(pgData, binaries);
            for (int attempt = 1; ; attempt++) {
                Running running = running(pgData, password);
                if (running != null) {
                    var pg = new EmbeddedPostgres(pgData, binaries, password, running.port());
                    pg.ensureDatabase(running.connection());
                    return pg;
                }
                int port = settings.containsKey("port") ? Integer.parseInt(settings.get("port")) : freePort();
                try {
                    Running started = start(pgData, binaries, port, settings, password);
                    var pg = new EmbeddedPostgres(pgData, binaries, password, port);
                    pg.ensureDatabase(started.connection());
                    return pg;
                } catch (IllegalStateException e) {
                    if (attempt >= 3) throw e;
                    log.info("PostgreSQL did not start on attempt {} ({}); trying again", attempt, e.getMessage());
                    sleep(500L * attempt);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the embedded PostgreSQL in " + pgData + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    /** Stops the server unless another process is still connected to it. */
    @Override
    public void close() {
        try (Connection c = connect("postgres", port, password);
             ResultSet rs = c.createStatement().executeQuery("""
                     SELECT count(*) FROM pg_stat_activity
                     WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()""")) {
            rs.next();
            if (rs.getInt(1) > 0) {
                log.debug("Leaving the embedded PostgreSQL running: another process is connected");
                return;
            }
        } catch (SQLException e) {
            return;
        }
        run(List.of(bin("pg_ctl"), "-D", pgData.toString(), "-m", "fast", "-w", "-t", "60", "stop"), 70);
    }

    private static String ensureCluster(Path pgData, Path binaries) throws IOException {
        Path passwordFile = pgData.resolveSibling(pgData.getFileName() + ".password");
        if (Files.isRegularFile(pgData.resolve("PG_VERSION")) && Files.isRegularFile(passwordFile)) {
            return Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
        }
        if (Files.exists(pgData) && !isEmptyDir(pgData)) {
            throw new IllegalStateException(pgData + " exists but is not a complete PostgreSQL folder; move it away to start afresh");
        }
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Path work = Files.createTempDirectory(pgData.getParent(), ".postgres-init-");
        Path pwFile = work.resolve("pwfile");
        Path cluster = work.resolve("data");
        Files.writeString(pwFile, password + "\n");
        String init = binaries.resolve("bin/initdb").toString();
        try {
            run(List.of(init, "-D", cluster.toString(), "-U", USER, "-A", "scram-sha-256", "--pwfile=" + pwFile,
                    "-E", "UTF-8", "--locale=C", "--no-instructions"), 120, binaries);
            Files.deleteIfExists(pwFile);
            Files.deleteIfExists(pgData);
            Files.move(cluster, pgData);
            Path tmpPassword = work.resolve("password");
            Files.writeString(tmpPassword, password + "\n");
            Files.setPosixFilePermissions(tmpPassword, PosixFilePermissions.fromString("rw-------"));
            Files.move(tmpPassword, passwordFile);
        } finally {
            PostgresBinaries.deleteTree(work);
        }
        log.info("Created a PostgreSQL cluster in {}", pgData);
        return password;
    }

    /** A server found running, with the connection that proved it (each sign-in costs a SCRAM exchange). */
    record Running(int port, Connection connection) {}

    private static Running running(Path pgData, String password) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) return null;
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 4) return null;
        int port;
        try {
            port = Integer.parseInt(lines.get(3).strip());
        } catch (NumberFormatException e) {
            return null;
        }
        try {
            return new Running(port, connect("postgres", port, password));
        } catch (SQLException e) {
            return null;
        }
    }

    /**
     * Settings of the embedded server unless the caller gives its own: it shares a small machine with one instance, whose
     * page reads touch few blocks, so its buffer cache is kept small (the kernel's file cache still holds the rest);
     * a large archive would otherwise fill the default 128 MB, all of it counted against this program's memory.
     */
    static final Map<String, String> SMALL_FOOTPRINT = Map.of("shared_buffers", "32MB");

    /** How long a starting server may take to accept connections before the start is given up. */
    static final Duration READY_LIMIT = Duration.ofSeconds(60);
    /** How often a starting server is asked whether it is ready (pg_ctl -w asks every 100 ms). */
    private static final long POLL_MILLIS = 5;

    /**
     * Starts the server with {@code pg_ctl start} and returns as soon as it accepts connections: pg_ctl still checks
     * the start (and says why it failed), but its own wait looks only every tenth of a second, so the readiness the
     * server writes in its {@code postmaster.pid} is watched here more often, and a connection is tried once it says so.
     */
    private static Running start(Path pgData, Path binaries, int port, Map<String, String> given, String password) {
        List<String> options = new ArrayList<>(List.of("-p", String.valueOf(port), "-c", "listen_addresses=127.0.0.1",
                "-c", "unix_socket_directories=''"));
        Map<String, String> settings = new TreeMap<>(SMALL_FOOTPRINT);
        settings.putAll(given);
        settings.forEach((k, v) -> options.addAll(List.of("-c", k + "=" + v)));
        Path logFile = pgData.resolveSibling(pgData.getFileName() + ".log");
        List<String> command = List.of(binaries.resolve("bin/pg_ctl").toString(), "-D", pgData.toString(), "-l", logFile.toString(),
                "-o", String.join(" ", options), "-w", "-t", String.valueOf(READY_LIMIT.toSeconds()), "start");
        Started pgCtl = launch(command);
        Running running = awaitReady(pgCtl, READY_LIMIT, () -> readyOn(pgData, port, password));
        log.info("Started the embedded PostgreSQL on 127.0.0.1:{}", port);
        return running;
    }

    /** A program started, with the file its output goes to (deleted once it has ended). */
    record Started(String name, Process process, Path output) {}

    private static Started launch(List<String> command) {
        List<String> full = new ArrayList<>();
        if (isRoot()) full.addAll(List.of("unshare", "--user", "--map-user=65534", "--map-group=65534", "--"));
        full.addAll(command);
        try {
            Path out = Files.createTempFile("broadsheet-pg-", ".out");
            try {
                Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(out.toFile()).start();
                return new Started(Path.of(command.get(0)).getFileName().toString(), p, out);
            } catch (IOException e) {
                Files.deleteIfExists(out);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command.get(0) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Waits until {@code ready} gives the running server, {@code program} (which starts it and checks the start)
     * fails, or {@code limit} passes; either of the last two throws, in one line. The program is left to end by
     * itself when the server is ready first, and stopped when the wait is given up.
     */
    static Running awaitReady(Started program, Duration limit, ReadyCheck ready) {
        long deadline = System.nanoTime() + limit.toNanos();
        Process p = program.process();
        try {
            while (true) {
                boolean ended = !p.isAlive();
                Running running = ready.check();
                if (running != null) return running;
                if (ended) {
                    if (p.exitValue() != 0) throw failed(program);
                    // pg_ctl saw the server ready: one more look, then it is not coming
                    running = ready.check();
                    if (running != null) return running;
                    throw new IllegalStateException(program.name() + " reported a start, but the server does not accept connections");
                }
                if (System.nanoTime() - deadline > 0) {
                    p.destroyForcibly();
                    throw new IllegalStateException("PostgreSQL did not accept connections within " + seconds(limit) + " s");
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IllegalStateException("Interrupted while waiting for PostgreSQL to start", e);
        } finally {
            // read above when it failed; otherwise removed once the program has ended
            p.onExit().thenRun(() -> deleteQuietly(program.output()));
        }
    }

    /** Whether a starting server is ready: gives it with a connection that proves it, or null while it is not. */
    @FunctionalInterface
    interface ReadyCheck {
        Running check();
    }

    /**
     * The server in {@code pgData} on {@code port} once its {@code postmaster.pid} says it is ready (the eighth line,
     * as pg_ctl reads it) and it takes a connection; null before.
     */
    private static Running readyOn(Path pgData, int port, String password) {
        try {
            List<String> lines = Files.readAllLines(pgData.resolve("postmaster.pid"));
            if (lines.size() < 8 || !lines.get(7).strip().equals("ready") || !lines.get(3).strip().equals(String.valueOf(port))) return null;
            return new Running(port, connect("postgres", port, password));
        } catch (IOException | SQLException | RuntimeException e) {
            return null; // not written yet, written half, or not taking connections yet
        }
    }

    /** A limit in seconds as people read it: "60", "0.3". */
    private static String seconds(Duration limit) {
        return java.math.BigDecimal.valueOf(limit.toMillis(), 3).stripTrailingZeros().toPlainString();
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file left behind is harmless
        }
    }

    /** Creates the database unless it exists, through a connection to the server's "postgres" database, and closes it. */
    private void ensureDatabase(Connection control) {
        try (Connection c = control) {
            var st = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?");
            st.setString(1, DATABASE);
            if (!st.executeQuery().next()) {
                try {
                    c.createStatement().execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
                } catch (SQLException e) {
                    if (!"42P04".equals(e.getSQLState())) throw e; // created meanwhile by another process
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the database in the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    private String bin(String name) {
        return binaries.resolve("bin").resolve(name).toString();
    }

    private void run(List<String> command, int timeoutSeconds) {
        run(command, timeoutSeconds, binaries);
    }

    private static void run(List<String> command, int timeoutSeconds, Path binaries) {
        Started program = launch(command);
        Process p = program.process();
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish within " + timeoutSeconds + " s");
            }
            if (p.exitValue() != 0) throw failed(program);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command.get(0), e);
        } finally {
            deleteQuietly(program.output());
        }
    }

    /** The program's failure, with its output on one line. */
    private static IllegalStateException failed(Started program) {
        String output = readQuietly(program.output()).strip().replaceAll("\\s*\\R\\s*", " ");
        return new IllegalStateException(program.name() + " failed: " + output
                + (isRoot() && output.contains("root") ? " (PostgreSQL cannot run as root; run Broadsheet as an ordinary user)" : ""));
    }

    private static Connection connect(String database, int port, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", USER);
        p.setProperty("password", password);
        p.setProperty("connectTimeout", "5");
        p.setProperty("ApplicationName", "broadsheet-embedded-control");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, p);
    }

    private static boolean isRoot() {
        try {
            return new UnixSystem().getUid() == 0;
        } catch (Throwable e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static boolean isEmptyDir(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
