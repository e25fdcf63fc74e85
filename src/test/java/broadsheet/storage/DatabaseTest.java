package broadsheet.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jdbi.v3.core.ConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures mean "the database cannot be reached just now" (answered 503) and which are faults (500). */
class DatabaseTest {
    @Test
    void connectionFailuresAndShutdownsAreUnavailabilityWhereverTheyAreWrapped() {
        assertThat(Database.unavailable(new ConnectionException(new SQLTransientConnectionException("pool timed out")))).isTrue();
        assertThat(Database.unavailable(new IllegalStateException(new SQLException("refused", "08001")))).isTrue();
        assertThat(Database.unavailable(new SQLException("I/O error", "08006"))).isTrue();
        assertThat(Database.unavailable(new RuntimeException(new SQLException("terminating connection", "57P01")))).isTrue();
        assertThat(Database.unavailable(new SQLException("the database system is starting up", "57P03"))).isTrue();
    }

    @Test
    void faultsInQueriesAreNot() {
        assertThat(Database.unavailable(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(Database.unavailable(new SQLException("canceling statement due to user request", "57014"))).isFalse();
        assertThat(Database.unavailable(new SQLException("pool closed"))).isFalse();
        assertThat(Database.unavailable(new IllegalStateException("no cause"))).isFalse();
    }
}
