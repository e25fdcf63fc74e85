package broadsheet.content;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The one mapping of a {@code sections} row to a {@link Section} and of a {@code topics} row to a {@link Topic},
 * for the stores that own those tables and for the queries that read them beside articles. Which rows to read
 * is the caller's.
 */
public final class ContentRows {
    public static final RowMapper<Section> SECTION = (rs, ctx) -> section(rs, "");
    public static final RowMapper<Topic> TOPIC = (rs, ctx) -> new Topic(rs.getLong("id"), rs.getString("slug"),
            rs.getString("name"), rs.getString("description"));

    private ContentRows() {}

    /** The section in the current row, its columns named with {@code prefix} ({@code s_id}, {@code s_slug}...) or plainly. */
    public static Section section(ResultSet rs, String prefix) throws SQLException {
        return new Section(rs.getLong(prefix + "id"), rs.getString(prefix + "slug"), rs.getString(prefix + "name"),
                rs.getString(prefix + "description"), rs.getInt(prefix + "position"));
    }
}
