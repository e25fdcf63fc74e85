package broadsheet.editing;

import broadsheet.shared.AuditLog;
import broadsheet.storage.CopyRows;
import broadsheet.storage.Rows;
import broadsheet.shared.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** SQL for {@code article_revisions}: every save of an article, numbered from 1, with who, when and what kind. */
public final class Revisions {
    private final Jdbi jdbi;

    public Revisions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A revision as listed, without its content. */
    public record Entry(long id, int number, int version, String actor, Instant at, String kind) {}

    /** A revision with its content. */
    public record Full(Entry entry, Snapshot snapshot) {}

    public static int add(Handle h, long articleId, int version, AuditLog.Actor actor, String kind, Snapshot snapshot, Instant now) {
        return h.createQuery("""
                        INSERT INTO article_revisions (article_id, number, version, staff_id, actor, at, kind, snapshot)
                        VALUES (:article, (SELECT coalesce(max(number), 0) + 1 FROM article_revisions WHERE article_id = :article),
                                :version, :staff, :actor, :at, :kind, CAST(:snapshot AS jsonb))
                        RETURNING number""")
                .bind("article", articleId).bind("version", version).bind("staff", actor.staffId()).bind("actor", actor.name())
                .bind("at", now).bind("kind", kind).bind("snapshot", new String(Json.bytes(snapshot), StandardCharsets.UTF_8))
                .mapTo(Integer.class).one();
    }

    /** A first revision of a new article, for {@link #addFirst}. */
    public record First(long articleId, int version, Snapshot snapshot) {}

    /** Gives new articles (an import's) their first revision, all with one COPY. */
    public static void addFirst(Handle h, List<First> revisions, AuditLog.Actor actor, String kind, Instant now) {
        if (revisions.isEmpty()) return;
        List<List<Object>> rows = revisions.parallelStream().map(r -> Arrays.<Object>asList(r.articleId(), 1, r.version(),
                actor.staffId(), actor.name(), now, kind, new String(Json.bytes(r.snapshot()), StandardCharsets.UTF_8))).toList();
        CopyRows.copy(h, "article_revisions", List.of("article_id", "number", "version", "staff_id", "actor", "at", "kind", "snapshot"),
                rows);
    }

    /** The content of the article's latest revision, if it has one. */
    public static Optional<Snapshot> latest(Handle h, long articleId) {
        return h.createQuery("SELECT snapshot FROM article_revisions WHERE article_id = :a ORDER BY number DESC LIMIT 1")
                .bind("a", articleId).mapTo(String.class).findOne().map(Revisions::parse);
    }

    public static long idOf(Handle h, long articleId, int number) {
        return h.createQuery("SELECT id FROM article_revisions WHERE article_id = :a AND number = :n")
                .bind("a", articleId).bind("n", number).mapTo(Long.class).one();
    }

    public List<Entry> list(long articleId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, number, version, actor, at, kind FROM article_revisions
                        WHERE article_id = :a ORDER BY number DESC""")
                .bind("a", articleId).map((rs, c) -> entry(rs)).list());
    }

    public Optional<Full> get(long articleId, int number) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM article_revisions WHERE article_id = :a AND number = :n")
                .bind("a", articleId).bind("n", number)
                .map((rs, c) -> new Full(entry(rs), parse(rs.getString("snapshot")))).findOne());
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        return new Entry(rs.getLong("id"), rs.getInt("number"), rs.getInt("version"), rs.getString("actor"),
                Rows.instant(rs, "at"), rs.getString("kind"));
    }

    static Snapshot parse(String json) {
        try {
            return Json.MAPPER.readValue(json, Snapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable revision", e);
        }
    }
}
