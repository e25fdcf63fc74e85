package broadsheet.api.admin;

import broadsheet.article.ArticleOwner;
import broadsheet.article.Status;
import broadsheet.storage.Rows;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The Admin API's article list: every status, most recently changed first, one page after a cursor (the
 * change time and id of the last article seen). Like the newsroom's list, it can be limited to one
 * writer's articles; whether it must be is the caller's question for the workflow.
 */
final class AdminArticleList {
    private final Jdbi jdbi;

    AdminArticleList(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** One line of the list. */
    record Row(long id, int version, Status status, String headline, String section, String path, Instant firstPublishedAt,
               Instant scheduledAt, Instant modifiedAt) {}

    /** One page of {@code owner}'s articles, or (null) everyone's. */
    List<Row> page(ArticleOwner owner, Status status, Instant afterTime, Long afterId, int limit) {
        String own = owner == null ? "" : "AND " + ArticleOwner.condition("a");
        return jdbi.withHandle(h -> ArticleOwner.bind(h.createQuery("""
                        SELECT a.id, a.version, a.status, a.headline, s.slug AS section, a.path, a.first_published_at,
                               a.scheduled_at, a.modified_at
                        FROM articles a JOIN sections s ON s.id = a.section_id
                        WHERE (CAST(:status AS text) IS NULL OR a.status = :status)
                          AND (CAST(:afterTime AS timestamptz) IS NULL OR (a.modified_at, a.id) < (:afterTime, :afterId))
                          <own>
                        ORDER BY a.modified_at DESC, a.id DESC
                        LIMIT :limit"""), owner)
                .define("own", own)
                .bind("status", status == null ? null : status.word())
                .bind("afterTime", afterTime).bind("afterId", afterId)
                .bind("limit", limit)
                .map((rs, ctx) -> new Row(rs.getLong("id"), rs.getInt("version"), Status.fromWord(rs.getString("status")),
                        rs.getString("headline"), rs.getString("section"), rs.getString("path"),
                        Rows.instant(rs, "first_published_at"), Rows.instant(rs, "scheduled_at"), Rows.instant(rs, "modified_at")))
                .list());
    }
}
