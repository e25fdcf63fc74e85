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
                    start(pgData, binaries, port, settings);
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
    private record Running(int port, Connection connection) {}

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

    private static void start(Path pgData, Path binaries, int port, Map<String, String> given) {
        List<String> options = new ArrayList<>(List.of("-p", String.valueOf(port), "-c", "listen_addresses=127.0.0.1",
                "-c", "unix_socket_directories=''"));
        Map<String, String> settings = new TreeMap<>(SMALL_FOOTPRINT);
        settings.putAll(given);
        settings.forEach((k, v) -> options.addAll(List.of("-c", k + "=" + v)));
        Path logFile = pgData.resolveSibling(pgData.getFileName() + ".log");
        run(List.of(binaries.resolve("bin/pg_ctl").toString(), "-D", pgData.toString(), "-l", logFile.toString(),
                "-o", String.join(" ", options), "-w", "-t", "60", "start"), 70, binaries);
        log.info("Started the embedded PostgreSQL on 127.0.0.1:{}", port);
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
        List<String> full = new ArrayList<>();
        if (isRoot()) full.addAll(List.of("unshare", "--user", "--map-user=65534", "--map-group=65534", "--"));
        full.addAll(command);
        try {
            Path out = Files.createTempFile("broadsheet-pg-", ".out");
            try {
                Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(out.toFile()).start();
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException(command.get(0) + " did not finish within " + timeoutSeconds + " s");
                }
                if (p.exitValue() != 0) {
                    String output = Files.readString(out).strip();
                    throw new IllegalStateException(Path.of(command.get(0)).getFileName() + " failed: " + output
                            + (isRoot() && output.contains("root") ? " (PostgreSQL cannot run as root; run Broadsheet as an ordinary user)" : ""));
                }
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command.get(0), e);
        }
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
