package broadsheet.topic;

import broadsheet.content.ContentRows;
import broadsheet.content.Topic;
import broadsheet.shared.AuditLog;
import broadsheet.article.ArticleStore;
import broadsheet.storage.ChangeFeed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Merges one topic into another ("Ukraine war" into "War in Ukraine"), in one transaction with its audit
 * entry: every article of the merged topic gets the kept one in its place (an article that had both keeps
 * one, at the earlier of the two places), the merged topic is deleted, and its address and name, and any
 * earlier ones it had, now lead to the kept topic. The articles are not given a revision or a new version:
 * what their pages show comes from the topics they have, and an editor who saves one still open with the
 * old name gets the kept topic (see {@link TopicStore#ensure}). Who may merge is the route table's.
 */
public final class TopicMerge {
    private final Jdbi jdbi;

    public TopicMerge(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** What a merge would do: how many articles get the kept topic, how many of them are published, and how many had both. */
    public record Preview(Topic merged, Topic kept, long articles, long published, long both) {}

    public sealed interface Outcome {
        record Merged(Topic merged, Topic kept, int articles, int published, int both) implements Outcome {}

        /** One of the two topics is gone (perhaps merged or deleted by someone else just now). */
        record NotFound() implements Outcome {}

        /** A topic cannot be merged into itself. */
        record Same() implements Outcome {}
    }

    public Optional<Preview> preview(long id, long keepId) {
        return jdbi.withHandle(h -> {
            Optional<Topic> merged = TopicStore.byId(h, id);
            Optional<Topic> kept = TopicStore.byId(h, keepId);
            if (merged.isEmpty() || kept.isEmpty()) return Optional.empty();
            return h.createQuery("""
                            SELECT count(*) AS articles, count(*) FILTER (WHERE a.status = 'published') AS published,
                                   count(*) FILTER (WHERE EXISTS (SELECT 1 FROM article_topics y
                                                                  WHERE y.article_id = a.id AND y.topic_id = :keep)) AS had_both
                            FROM article_topics x JOIN articles a ON a.id = x.article_id WHERE x.topic_id = :id""")
                    .bind("id", id).bind("keep", keepId)
                    .map((rs, c) -> new Preview(merged.get(), kept.get(), rs.getLong("articles"), rs.getLong("published"), rs.getLong("had_both")))
                    .findOne();
        });
    }

    public Outcome merge(long id, long keepId, AuditLog.Actor actor, Instant now) {
        if (id == keepId) return new Outcome.Same();
        return jdbi.inTransaction(h -> {
            TopicEditing.serialise(h);
            // Articles first, then the topics: an article save locks its article and then share-locks each topic
            // it names, so taking them in the same order means neither waits on the other in a circle.
            List<Long> locked = lockArticles(h, id, List.of());
            // Locking the merged topic waits for saves that have just named it; saves that name it after this
            // wait for the merge and then find the kept topic by the merged one's name. The kept topic only
            // needs to stay (other changes to topics wait for the lock taken above), so saves naming it go on.
            Optional<Topic> merged = h.createQuery("SELECT * FROM topics WHERE id = :id FOR UPDATE")
                    .bind("id", id).map(ContentRows.TOPIC).findOne();
            Optional<Topic> kept = h.createQuery("SELECT * FROM topics WHERE id = :id FOR KEY SHARE")
                    .bind("id", keepId).map(ContentRows.TOPIC).findOne();
            if (merged.isEmpty() || kept.isEmpty()) return new Outcome.NotFound();
            // Articles given the topic by saves that committed between the two locks above. Should another save
            // of one of them be waiting for the merged topic meanwhile, the two would wait on each other;
            // PostgreSQL then ends one of them, and that one is refused whole.
            locked.addAll(lockArticles(h, id, locked));

            List<Long> changed = new ArrayList<>();
            int hadBoth = 0;
            for (long article : locked) {
                List<Long> topics = h.createQuery("SELECT topic_id FROM article_topics WHERE article_id = :a ORDER BY position")
                        .bind("a", article).mapTo(Long.class).list();
                if (!topics.contains(id)) continue;
                if (topics.contains(keepId)) hadBoth++;
                Set<Long> replaced = new LinkedHashSet<>();
                for (long t : topics) replaced.add(t == id ? keepId : t);
                ArticleStore.setTopics(h, article, List.copyOf(replaced));
                changed.add(article);
            }
            int published = 0;
            if (!changed.isEmpty()) {
                published = h.createQuery("""
                                UPDATE articles SET modified_at = :now WHERE id = ANY(:ids) RETURNING status""")
                        .bind("now", now).bindArray("ids", Long.class, changed).mapTo(String.class).list()
                        .stream().filter("published"::equals).mapToInt(s -> 1).sum();
            }

            h.createUpdate("UPDATE topic_redirects SET topic_id = :keep WHERE topic_id = :id").bind("keep", keepId).bind("id", id).execute();
            h.createUpdate("INSERT INTO topic_redirects (slug, name, topic_id, created_at) VALUES (:slug, :name, :keep, :now)")
                    .bind("slug", merged.get().slug()).bind("name", merged.get().name()).bind("keep", keepId).bind("now", now).execute();
            h.createUpdate("DELETE FROM topics WHERE id = :id").bind("id", id).execute();

            Map<String, Object> details = new LinkedHashMap<>();
            details.put("topic", id);
            details.put("slug", merged.get().slug());
            details.put("into", keepId);
            details.put("into slug", kept.get().slug());
            details.put("articles", changed.size());
            details.put("published", published);
            details.put("already had both", hadBoth);
            AuditLog.record(h, actor, "topic merged", merged.get().name() + " into " + kept.get().name(), details, now);
            ChangeFeed.announce(h, "topic " + id + " merged into topic " + keepId);
            return new Outcome.Merged(merged.get(), kept.get(), changed.size(), published, hadBoth);
        });
    }

    /** Locks, in id order, the articles with the topic but for those already locked; returns their ids. */
    private static List<Long> lockArticles(Handle h, long topicId, List<Long> except) {
        return new ArrayList<>(h.createQuery("""
                        SELECT id FROM articles
                        WHERE id IN (SELECT article_id FROM article_topics WHERE topic_id = :id) AND NOT (id = ANY(:except))
                        ORDER BY id FOR UPDATE""")
                .bind("id", topicId).bindArray("except", Long.class, except).mapTo(Long.class).list());
    }
}
