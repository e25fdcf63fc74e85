package broadsheet.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;

/** Reading columns the same way everywhere, and telling what a failed statement ran into. */
public final class Rows {
    private static final String UNIQUE_VIOLATION = "23505";

    private Rows() {}

    /** A {@code timestamptz} column as an instant, or null. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /**
     * Ids to bind as one SQL array ({@code = ANY(:ids)}). A plain array binds by its class; JDBI's
     * {@code bindArray(name, Long.class, list)} works out a generic type on every call, a cost the busiest pages felt.
     */
    public static Long[] ids(Collection<Long> ids) {
        return ids.toArray(Long[]::new);
    }

    /** Whether a statement failed because a unique index already holds the value (someone else took it first). */
    public static boolean uniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && UNIQUE_VIOLATION.equals(s.getSQLState())) return true;
        }
        return false;
    }
}
