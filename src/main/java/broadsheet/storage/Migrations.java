package broadsheet.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Applies the versioned schema in {@code src/main/resources/db/migration} at start. Flyway takes a
 * PostgreSQL advisory lock, so several instances starting together migrate once. When the schema history
 * already lists every migration shipped as applied (the usual start), Flyway is not run at all: loading it,
 * scanning the migrations and validating each one's checksum is a good part of a start on an existing data
 * folder. Any doubt (no history yet, a migration missing or failed) runs Flyway in full, which then applies or
 * refuses as it always does.
 */
public final class Migrations {
    private static final String LOCATION = "db/migration";
    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9_.]*)__.+\\.sql");

    private Migrations() {}

    public static void apply(DataSource dataSource) {
        if (upToDate(dataSource)) return;
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:" + LOCATION)
                .failOnMissingLocations(true)
                // a migration numbered below one already applied (work merged from a parallel branch) is still applied
                .outOfOrder(true)
                .load()
                .migrate();
    }

    /** Whether the schema history lists every migration shipped as applied successfully. */
    static boolean upToDate(DataSource dataSource) {
        Set<String> shipped = shipped();
        if (shipped.isEmpty()) return false;
        Set<String> applied = new HashSet<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL")) {
            while (rs.next()) applied.add(rs.getString(1));
        } catch (SQLException e) {
            return false; // a new database, without a schema history yet
        }
        return applied.containsAll(shipped);
    }

    /** The versions of the migrations shipped in the program, as Flyway writes them in its history ("001", "172"). */
    static Set<String> shipped() {
        URL url = Migrations.class.getClassLoader().getResource(LOCATION);
        if (url == null) return Set.of();
        try {
            URI uri = url.toURI();
            if (!uri.getScheme().equals("jar")) return versions(Path.of(uri));
            FileSystem jar;
            try {
                jar = FileSystems.newFileSystem(uri, Map.of());
            } catch (FileSystemAlreadyExistsException e) {
                return versions(FileSystems.getFileSystem(uri).provider().getPath(uri));
            }
            try (jar) {
                return versions(jar.provider().getPath(uri));
            }
        } catch (URISyntaxException | IOException | UncheckedIOException e) {
            return Set.of();
        }
    }

    private static Set<String> versions(Path folder) throws IOException {
        Set<String> versions = new HashSet<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.forEach(f -> {
                Matcher m = VERSIONED.matcher(f.getFileName().toString());
                if (m.matches()) versions.add(m.group(1).replace('_', '.'));
            });
        }
        return versions;
    }
}
