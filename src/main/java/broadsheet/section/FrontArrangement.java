package broadsheet.section;

import broadsheet.shared.AuditLog;
import broadsheet.storage.ChangeFeed;
import broadsheet.storage.Rows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The editors' arrangement of the home page's top stories: which published stories they picked to lead it, in order
 * (the home page fills the slots left with the newest stories; see {@code ArticleQueries#front}). Picking, moving up or
 * down, removing and clearing each rewrite the whole arrangement in one transaction, one editor at a time, with an
 * audit entry and a change notice (every instance empties its page cache; a trigger queues the CDN purge of the home
 * page). A picked story that is unpublished or deleted leaves the arrangement by itself (the database sees to it).
 * Who may arrange the front page is the route table's business.
 */
public final class FrontArrangement {
    /** At most this many picks: one for each top story the home page shows. */
    public static final int MAX_PICKS = FrontPages.TOP_STORIES;
    /** How many stories the page offers to pick from, newest first. */
    public static final int CANDIDATES = 20;
    public static final int MAX_QUERY = 200;
    /** Arranging takes this transaction lock first, so two editors' changes at once take turns. */
    private static final long LOCK = 0x66726f6e74L; // "front"
    private final Jdbi jdbi;

    public FrontArrangement(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A published story as the arrangement page lists it. */
    public record Story(long id, String headline, String path, String section, Instant published) {}

    /** What became of a change: the arrangement after it, or why nothing was changed. */
    public sealed interface Outcome {
        record Done(List<Story> picks) implements Outcome {}

        /** Nothing was stored; {@code message} says why, for the editor. */
        record Refused(String message) implements Outcome {}
    }

    private static final String STORY_COLUMNS = """
            a.id, a.headline, a.path, s.name AS section, a.first_published_at""";
    private static final RowMapper<Story> STORY = (rs, ctx) -> new Story(rs.getLong("id"), rs.getString("headline"),
            rs.getString("path"), rs.getString("section"), Rows.instant(rs, "first_published_at"));

    /** The picked stories, in order (only published ones: the others have left by themselves). */
    public List<Story> picks() {
        return jdbi.withHandle(FrontArrangement::picks);
    }

    /**
     * Published stories not picked, newest first: the latest {@link #CANDIDATES}, or those whose headline contains
     * {@code words} (any case) when they are not blank.
     */
    public List<Story> candidates(String words) {
        String like = words == null || words.isBlank() ? null
                : "%" + words.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT %s FROM articles a JOIN sections s ON s.id = a.section_id
                        WHERE a.status = 'published' AND NOT EXISTS (SELECT 1 FROM front_page_picks p WHERE p.article_id = a.id)
                        AND (CAST(:like AS text) IS NULL OR a.headline ILIKE :like ESCAPE '\\')
                        ORDER BY a.first_published_at DESC, a.id DESC LIMIT :limit""".formatted(STORY_COLUMNS))
                .bind("like", like).bind("limit", CANDIDATES).map(STORY).list());
    }

    /** Adds a published story after the picks there are. */
    public Outcome pick(AuditLog.Actor actor, long articleId, Instant now) {
        return change(actor, now, (h, order) -> {
            Optional<Story> story = published(h, articleId);
            if (story.isEmpty()) return "There is no published story with the number " + articleId + ": it may have been unpublished or deleted.";
            if (order.contains(articleId)) return "\u201c" + story.get().headline() + "\u201d is already on the front page.";
            if (order.size() >= MAX_PICKS) {
                return "The front page has " + MAX_PICKS + " picked stories, as many as it shows: remove one before adding another.";
            }
            order.add(articleId);
            return null;
        }, "front page story picked", articleId);
    }

    /** Moves a picked story one place up (towards the lead) or down; at either end nothing moves. */
    public Outcome move(AuditLog.Actor actor, long articleId, boolean up, Instant now) {
        return change(actor, now, (h, order) -> {
            int at = order.indexOf(articleId);
            if (at < 0) return notPicked(articleId);
            int to = up ? at - 1 : at + 1;
            if (to >= 0 && to < order.size()) {
                order.set(at, order.get(to));
                order.set(to, articleId);
            }
            return null;
        }, up ? "front page story moved up" : "front page story moved down", articleId);
    }

    /** Takes a story out of the arrangement (it may still be on the front page among the newest). */
    public Outcome remove(AuditLog.Actor actor, long articleId, Instant now) {
        return change(actor, now, (h, order) -> order.remove(articleId) ? null : notPicked(articleId),
                "front page story removed", articleId);
    }

    /** Removes every pick: the front page goes back to the newest stories first. */
    public Outcome clear(AuditLog.Actor actor, Instant now) {
        return change(actor, now, (h, order) -> {
            order.clear();
            return null;
        }, "front page cleared", null);
    }

    /** A change to the order of picked article ids: returns why it is refused, or null when the list is the new order. */
    private interface Change {
        String apply(Handle h, List<Long> order);
    }

    private Outcome change(AuditLog.Actor actor, Instant now, Change change, String action, Long articleId) {
        return jdbi.inTransaction(h -> {
            h.createQuery("SELECT pg_advisory_xact_lock(:key)").bind("key", LOCK).mapTo(String.class).one();
            List<Story> before = picks(h);
            List<Long> order = new ArrayList<>(before.stream().map(Story::id).toList());
            String refused = change.apply(h, order);
            if (refused != null) return new Outcome.Refused(refused); // nothing was written

            if (!order.equals(before.stream().map(Story::id).toList())) {
                h.execute("DELETE FROM front_page_picks");
                var batch = h.prepareBatch("""
                        INSERT INTO front_page_picks (article_id, position, picked_at, picked_by) VALUES (:id, :position, :now, :staff)""");
                for (int i = 0; i < order.size(); i++) {
                    batch.bind("id", order.get(i)).bind("position", i + 1).bind("now", now).bind("staff", actor.staffId()).add();
                }
                if (!order.isEmpty()) batch.execute();
                String subject = articleId == null ? "Front page" : published(h, articleId).map(Story::headline)
                        .orElseGet(() -> before.stream().filter(s -> s.id() == articleId).map(Story::headline).findFirst().orElse("Front page"));
                AuditLog.record(h, actor, action, subject, Map.of("order", order), now);
                ChangeFeed.announce(h, "front page");
            }
            return new Outcome.Done(picks(h));
        });
    }

    private static String notPicked(long articleId) {
        return "The story with the number " + articleId + " is not among the picked stories (another editor may have just removed it).";
    }

    private static List<Story> picks(Handle h) {
        return h.createQuery("""
                        SELECT %s FROM front_page_picks p JOIN articles a ON a.id = p.article_id JOIN sections s ON s.id = a.section_id
                        WHERE a.status = 'published' ORDER BY p.position""".formatted(STORY_COLUMNS))
                .map(STORY).list();
    }

    private static Optional<Story> published(Handle h, long articleId) {
        return h.createQuery("""
                        SELECT %s FROM articles a JOIN sections s ON s.id = a.section_id WHERE a.id = :id AND a.status = 'published'"""
                        .formatted(STORY_COLUMNS))
                .bind("id", articleId).map(STORY).findOne();
    }
}
