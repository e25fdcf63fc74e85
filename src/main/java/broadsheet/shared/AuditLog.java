package broadsheet.shared;

import broadsheet.storage.Rows;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Who did what and when: sign-ins (and refused ones), publishing, role changes, deletions, tokens.
 * Entries are written in the same transaction as the change they describe, so the log never claims
 * a change that did not happen. Admins read it in the newsroom.
 */
public final class AuditLog {
    private final Jdbi jdbi;

    public AuditLog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Someone acting: a member of staff, an API token, or the command line. */
    public record Actor(Long staffId, String name, String ip) {
        public static Actor of(Staff s, String ip) {
            return new Actor(s.id(), s.name(), ip);
        }

        public static Actor system(String what) {
            return new Actor(null, what, "");
        }
    }

    /** One line of the log. */
    public record Entry(long id, Instant at, String actor, String action, String subject, String details, String ip) {}

    public static void record(Handle h, Actor actor, String action, String subject, Map<String, ?> details, Instant now) {
        h.createUpdate("""
                        INSERT INTO audit_log (at, staff_id, actor, action, subject, details, ip)
                        VALUES (:at, :staff, :actor, :action, :subject, CAST(:details AS jsonb), :ip)""")
                .bind("at", now).bind("staff", actor.staffId()).bind("actor", actor.name()).bind("action", action)
                .bind("subject", subject).bind("details", new String(Json.bytes(details), StandardCharsets.UTF_8))
                .bind("ip", actor.ip() == null ? "" : actor.ip())
                .execute();
    }

    public void record(Actor actor, String action, String subject, Map<String, ?> details, Instant now) {
        jdbi.useHandle(h -> record(h, actor, action, subject, details, now));
    }

    public Page<Entry> page(int number, int size, String action) {
        return jdbi.withHandle(h -> {
            String where = action == null || action.isBlank() ? "" : "WHERE action = :action";
            long total = h.createQuery("SELECT count(*) FROM audit_log <where>").define("where", where)
                    .bind("action", action).mapTo(Long.class).one();
            List<Entry> items = h.createQuery("""
                            SELECT * FROM audit_log <where> ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset""")
                    .define("where", where).bind("action", action)
                    .bind("limit", size).bind("offset", (long) (number - 1) * size)
                    .map((rs, ctx) -> new Entry(rs.getLong("id"), Rows.instant(rs, "at"), rs.getString("actor"),
                            rs.getString("action"), rs.getString("subject"), rs.getString("details"), rs.getString("ip")))
                    .list();
            return new Page<>(items, number, size, total);
        });
    }

    public List<String> actions() {
        return jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT action FROM audit_log ORDER BY action").mapTo(String.class).list());
    }
}
