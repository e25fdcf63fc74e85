package broadsheet.storage;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Applies the versioned schema in {@code src/main/resources/db/migration} at start. Flyway takes a
 * PostgreSQL advisory lock, so several instances starting together migrate once.
 */
public final class Migrations {
    private Migrations() {}

    public static void apply(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                // a migration numbered below one already applied (work merged from a parallel branch) is still applied
                .outOfOrder(true)
                .load()
                .migrate();
    }
}
