package broadsheet.editing;

import broadsheet.shared.AuditLog;
import broadsheet.article.Article;
import broadsheet.article.ArticlePaths;
import broadsheet.article.ArticleStore;
import broadsheet.article.Status;
import broadsheet.storage.ChangeFeed;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moving articles through the workflow: submit a draft, publish now, schedule for later, unpublish (its
 * address then answers 410). Each move checks the role (see {@link Workflow}) and the article's version,
 * is one transaction with its revision and audit entry, and tells every instance when the public site
 * changes. {@link #publishDue} is the scheduled job: it claims due articles with
 * {@code FOR UPDATE SKIP LOCKED}, so two instances running it at once never publish one article twice.
 */
public final class Publishing {
    private static final Logger log = LoggerFactory.getLogger(Publishing.class);
    private final Jdbi jdbi;
    private final ZoneId zone;

    public Publishing(Jdbi jdbi, ZoneId zone) {
        this.jdbi = jdbi;
        this.zone = zone;
    }

    /** The article's new version, or a conflict when it changed since the editor loaded it. */
    public sealed interface Moved {
        record Done(int version) implements Moved {}
        record Stale(int currentVersion) implements Moved {}
    }

    public Moved submit(Editor who, long id, int version, Instant now) {
        return move(who, id, version, Workflow.Action.SUBMIT, now, (h, a) ->
                ArticleStore.setStatus(h, id, version, Status.SUBMITTED, a.firstPublishedAt(), a.updatedAt(), null, now));
    }

    public Moved publish(Editor who, long id, int version, Instant now) {
        return move(who, id, version, Workflow.Action.PUBLISH, now, (h, a) -> publishNow(h, a, version, now));
    }

    public Moved schedule(Editor who, long id, int version, Instant at, Instant now) {
        if (!at.isAfter(now)) throw EditingException.invalid("Choose a time in the future to schedule publication.");
        return move(who, id, version, Workflow.Action.SCHEDULE, now, (h, a) ->
                ArticleStore.setStatus(h, id, version, Status.SCHEDULED, a.firstPublishedAt(), a.updatedAt(), at, now));
    }

    /** Takes a published article off the site; for a scheduled one that never appeared, cancels the schedule (back to draft). */
    public Moved unpublish(Editor who, long id, int version, Instant now) {
        return move(who, id, version, Workflow.Action.UNPUBLISH, now, (h, a) -> ArticleStore.setStatus(h, id, version,
                a.status() == Status.SCHEDULED && a.firstPublishedAt() == null ? Status.DRAFT : Status.UNPUBLISHED,
                a.firstPublishedAt(), a.updatedAt(), null, now));
    }

    /**
     * Publishes every scheduled article that is due; returns the ids published by this call. An article that
     * cannot be published (another article already has its address) stays scheduled, and does not hold up
     * the others in its batch.
     */
    public List<Long> publishDue(Instant now) {
        return jdbi.inTransaction(h -> {
            List<Article> due = h.createQuery("""
                            SELECT * FROM articles WHERE status = 'scheduled' AND scheduled_at <= :now
                            ORDER BY scheduled_at, id LIMIT 50 FOR UPDATE SKIP LOCKED""")
                    .bind("now", now).map(ArticleStore.ROW).list();
            AuditLog.Actor actor = AuditLog.Actor.system("scheduled publishing");
            List<Long> published = new ArrayList<>();
            for (Article a : due) {
                int version;
                try {
                    version = publishNow(h, a, a.version(), now).orElseThrow();
                } catch (EditingException e) {
                    // refused before anything was written for this article
                    log.warn("Scheduled article {} was not published: {}", a.id(), e.getMessage());
                    continue;
                }
                Revisions.add(h, a.id(), version, actor, "published", Drafts.snapshot(h, ArticleStore.byId(h, a.id()).orElseThrow()), now);
                AuditLog.record(h, actor, "article published", a.headline(), Map.of("article", a.id(), "scheduled", true), now);
                published.add(a.id());
            }
            if (!published.isEmpty()) ChangeFeed.announce(h, "scheduled publishing");
            return published;
        });
    }

    private Optional<Integer> publishNow(Handle h, Article a, int version, Instant now) {
        Instant first = a.firstPublishedAt() != null ? a.firstPublishedAt() : now;
        if (a.path() == null) {
            String section = h.createQuery("SELECT slug FROM sections WHERE id = :id").bind("id", a.sectionId()).mapTo(String.class).one();
            String path = ArticlePaths.of(section, first, zone, a.slug());
            if (ArticleStore.idAtPath(h, path).filter(other -> other != a.id()).isPresent()) {
                throw EditingException.invalid("Another article already lives at " + path + "; change the slug before publishing.");
            }
            ArticleStore.movePath(h, a.id(), path);
        }
        return ArticleStore.setStatus(h, a.id(), version, Status.PUBLISHED, first, a.updatedAt(), null, now);
    }

    private interface Step {
        Optional<Integer> apply(Handle h, Article a);
    }

    private Moved move(Editor who, long id, int version, Workflow.Action action, Instant now, Step step) {
        return jdbi.inTransaction(h -> {
            Article a = ArticleStore.lock(h, id).orElseThrow(EditingException::notFound);
            boolean own = who.owner().owns(a, ArticleEditing.currentBylines(h, id));
            if (!Workflow.may(who.role(), own, a.status(), action)) {
                throw EditingException.notAllowed("You may not " + action.name().toLowerCase() + " this article while it is " + a.status().word() + ".");
            }
            if (a.version() != version) return new Moved.Stale(a.version());
            int next = step.apply(h, a).orElseThrow(() -> new IllegalStateException("version changed under a row lock"));
            Article after = ArticleStore.byId(h, id).orElseThrow();
            String kind = switch (action) {
                case SUBMIT -> "submitted";
                case PUBLISH -> "published";
                case SCHEDULE -> "scheduled";
                case UNPUBLISH -> after.status() == Status.DRAFT ? "schedule cancelled" : "unpublished";
                default -> action.name().toLowerCase();
            };
            Revisions.add(h, id, next, who.actor(), kind, Drafts.snapshot(h, after), now);
            Map<String, Object> details = after.scheduledAt() == null ? Map.of("article", id) : Map.of("article", id, "at", after.scheduledAt().toString());
            AuditLog.record(h, who.actor(), "article " + kind, a.headline(), details, now);
            if (action == Workflow.Action.PUBLISH || action == Workflow.Action.UNPUBLISH || a.status() == Status.PUBLISHED) {
                ChangeFeed.announce(h, "article " + id);
            }
            return new Moved.Done(next);
        });
    }
}
