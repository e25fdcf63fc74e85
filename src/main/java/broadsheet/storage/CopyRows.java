package broadsheet.storage;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.postgresql.PGConnection;

/**
 * Rows written with PostgreSQL's {@code COPY ... FROM STDIN} on a handle's connection, so inside its transaction: for
 * many rows of long text (an import's revisions) it is cheaper on both sides than a statement of arrays, whose
 * elements are quoted and escaped one character at a time and parsed back the same way. Each value is written as
 * {@link String#valueOf} gives it (an {@link java.time.Instant} in ISO-8601, which PostgreSQL reads as a timestamptz);
 * null is SQL NULL.
 */
public final class CopyRows {
    private CopyRows() {}

    /** Writes the rows into these columns of the table; how many were written. */
    public static long copy(Handle h, String table, List<String> columns, List<? extends List<?>> rows) {
        if (rows.isEmpty()) return 0;
        StringBuilder text = new StringBuilder(rows.size() * 256);
        for (List<?> row : rows) {
            if (row.size() != columns.size()) throw new IllegalArgumentException("a row of " + row.size() + " values for " + columns);
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) text.append('\t');
                append(text, row.get(i));
            }
            text.append('\n');
        }
        String sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
        try {
            return h.getConnection().unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(text.toString()));
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A value in COPY's text format: backslash, tab, newline and carriage return escaped; null as \N. */
    static void append(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
            return;
        }
        String s = String.valueOf(value);
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String escaped = switch (c) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (escaped != null) {
                text.append(s, from, i).append(escaped);
                from = i + 1;
            }
        }
        text.append(s, from, s.length());
    }
}
