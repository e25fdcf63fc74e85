package broadsheet.moderation;

import broadsheet.storage.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * What moderators read: the queues a page at a time (keyset paging on time and id, never an offset), one reader's
 * comments, each comment with its article, its open reports and its writer's record, and the queues' sizes.
 */
public final class ModerationQueries {
    /** Items on a page of a queue. */
    public static final int PAGE = 20;
    private static final String SELECT = """
            SELECT c.id, c.article_id, a.headline, a.path, c.reader_id, c.author_name, c.by_staff, c.body, c.status, c.held_reason,
                   c.rejected_reason, c.featured_at, c.created_at, c.edited_at, c.recommendations,
                   coalesce(r.name, '') AS reader_name, coalesce(r.email, '') AS reader_email,
                   coalesce(m.approved, 0) AS approved, coalesce(m.rejected, 0) AS rejected, coalesce(m.warnings, 0) AS warnings,
                   m.last_warning, m.suspended_until, m.banned_at, m.ban_reason, <key> AS key_at
            FROM comments c
            JOIN articles a ON a.id = c.article_id
            LEFT JOIN readers r ON r.id = c.reader_id
            LEFT JOIN commenters m ON m.reader_id = c.reader_id
            """;
    private final Jdbi jdbi;

    public ModerationQueries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A commenter: the reader (null id once their account is gone) and their record and standing. */
    public record Commenter(Long readerId, String name, String email, int approved, int rejected, int warnings, String lastWarning,
                            Instant suspendedUntil, Instant bannedAt, String banReason) {
        public boolean banned() {
            return bannedAt != null;
        }

        public boolean suspended(Instant now) {
            return suspendedUntil != null && now.isBefore(suspendedUntil);
        }
    }

    /** An open report of a comment. */
    public record Report(String reason, String details, Instant at) {}

    /** A comment as a moderator sees it. {@code articlePath} is null for an article not (or no longer) public. */
    public record Item(long id, long articleId, String headline, String articlePath, String authorName, boolean byStaff, String body,
                       String status, String heldReason, String rejectedReason, Instant featuredAt, Instant createdAt, Instant editedAt,
                       int recommendations, Commenter writer, List<Report> reports) {
        public boolean featured() {
            return featuredAt != null;
        }

        /** The body's paragraphs (blank lines part them), for showing as written. */
        public List<String> paragraphs() {
            return List.of(body.strip().split("\\n\\s*\\n"));
        }
    }

    /** A page of items and where the next page starts (null on the last). */
    public record Slice(List<Item> items, Cursor next) {}

    /** A page of a queue, after {@code after} (null: the first page). */
    public Slice queue(Queue queue, Cursor after) {
        return jdbi.withHandle(h -> switch (queue) {
            case PENDING -> slice(h, "", "c.created_at", "c.status = 'pending'", after, true, Map.of());
            case RECENT -> slice(h, "", "c.created_at", "true", after, false, Map.of());
            // each reported comment once, placed by its first open report
            case REPORTED -> slice(h, """
                    JOIN (SELECT comment_id, min(created_at) AS first_at FROM comment_reports WHERE resolved_at IS NULL
                          GROUP BY comment_id) o ON o.comment_id = c.id""", "o.first_at", "true", after, true, Map.of());
        });
    }

    /** A page of one reader's comments, newest first. */
    public Slice ofReader(long readerId, Cursor after) {
        return jdbi.withHandle(h -> slice(h, "", "c.created_at", "c.reader_id = :reader", after, false, Map.of("reader", readerId)));
    }

    /** One comment, as the queues show it. */
    public Optional<Item> item(long commentId) {
        return jdbi.withHandle(h -> {
            List<Item> items = h.createQuery(SELECT.replace("<key>", "c.created_at") + " WHERE c.id = :id")
                    .bind("id", commentId).map((rs, ctx) -> item(rs)).list();
            return withReports(h, items).stream().findFirst();
        });
    }

    private static Slice slice(Handle h, String join, String key, String where, Cursor after, boolean ascending, Map<String, Object> binds) {
        String order = ascending ? "ASC" : "DESC";
        String cursor = after == null ? "" : " AND (" + key + ", c.id) " + (ascending ? ">" : "<") + " (:at, :id)";
        var q = h.createQuery(SELECT.replace("<key>", key) + join + " WHERE " + where + cursor
                        + " ORDER BY " + key + " " + order + ", c.id " + order + " LIMIT :limit")
                .bind("limit", PAGE + 1);
        binds.forEach(q::bind);
        if (after != null) q.bind("at", after.at()).bind("id", after.id());
        List<Item> items = new ArrayList<>();
        List<Instant> keys = new ArrayList<>();
        q.map((rs, ctx) -> {
            keys.add(Rows.instant(rs, "key_at"));
            return item(rs);
        }).forEach(items::add);
        Cursor next = null;
        if (items.size() > PAGE) {
            items = items.subList(0, PAGE);
            next = new Cursor(keys.get(PAGE - 1), items.get(PAGE - 1).id());
        }
        return new Slice(withReports(h, items), next);
    }

    /** The items with their open reports, read in one query for the page. */
    private static List<Item> withReports(Handle h, List<Item> items) {
        if (items.isEmpty()) return items;
        Map<Long, List<Report>> reports = new LinkedHashMap<>();
        h.createQuery("""
                        SELECT comment_id, reason, details, created_at FROM comment_reports
                        WHERE comment_id = ANY(:ids) AND resolved_at IS NULL ORDER BY created_at, id""")
                .bind("ids", items.stream().mapToLong(Item::id).boxed().toArray(Long[]::new))
                .map((rs, ctx) -> reports.computeIfAbsent(rs.getLong("comment_id"), k -> new ArrayList<>())
                        .add(new Report(rs.getString("reason"), rs.getString("details"), Rows.instant(rs, "created_at"))))
                .list();
        return items.stream().map(i -> new Item(i.id(), i.articleId(), i.headline(), i.articlePath(), i.authorName(), i.byStaff(), i.body(),
                i.status(), i.heldReason(), i.rejectedReason(), i.featuredAt(), i.createdAt(), i.editedAt(), i.recommendations(), i.writer(),
                reports.getOrDefault(i.id(), List.of()))).toList();
    }

    private static Item item(ResultSet rs) throws SQLException {
        return new Item(rs.getLong("id"), rs.getLong("article_id"), rs.getString("headline"), rs.getString("path"),
                rs.getString("author_name"), rs.getBoolean("by_staff"), rs.getString("body"), rs.getString("status"),
                rs.getString("held_reason"), rs.getString("rejected_reason"), Rows.instant(rs, "featured_at"),
                Rows.instant(rs, "created_at"), Rows.instant(rs, "edited_at"), rs.getInt("recommendations"), commenter(rs), List.of());
    }

    private static Commenter commenter(ResultSet rs) throws SQLException {
        long reader = rs.getLong("reader_id");
        return new Commenter(rs.wasNull() ? null : reader, rs.getString("reader_name"), rs.getString("reader_email"),
                rs.getInt("approved"), rs.getInt("rejected"), rs.getInt("warnings"), rs.getString("last_warning"),
                Rows.instant(rs, "suspended_until"), Rows.instant(rs, "banned_at"), rs.getString("ban_reason"));
    }

    /** A reader as a commenter (a clean record when they never commented), or empty when there is no such reader. */
    public Optional<Commenter> commenter(long readerId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT r.id AS reader_id, r.name AS reader_name, r.email AS reader_email,
                               coalesce(m.approved, 0) AS approved, coalesce(m.rejected, 0) AS rejected,
                               coalesce(m.warnings, 0) AS warnings, m.last_warning, m.suspended_until, m.banned_at, m.ban_reason
                        FROM readers r LEFT JOIN commenters m ON m.reader_id = r.id WHERE r.id = :id""")
                .bind("id", readerId).map((rs, ctx) -> commenter(rs)).findOne());
    }

    /** How many comments wait for a moderator (the partial index of the pending queue answers it). */
    public long pending() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM comments WHERE status = 'pending'").mapTo(Long.class).one());
    }

    /** How many comments wait in each queue that has a size (pending, reported). */
    public Map<Queue, Long> sizes() {
        return jdbi.withHandle(h -> {
            Map<Queue, Long> out = new LinkedHashMap<>();
            out.put(Queue.PENDING, h.createQuery("SELECT count(*) FROM comments WHERE status = 'pending'").mapTo(Long.class).one());
            out.put(Queue.REPORTED, h.createQuery("SELECT count(DISTINCT comment_id) FROM comment_reports WHERE resolved_at IS NULL")
                    .mapTo(Long.class).one());
            return out;
        });
    }
}
