package broadsheet.topic;

import broadsheet.content.ContentRows;
import broadsheet.content.Topic;
import broadsheet.shared.AuditLog;
import broadsheet.storage.ChangeFeed;
import broadsheet.storage.Rows;
import broadsheet.text.Slugs;
import broadsheet.text.Texts;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * An editor's changes to topics: creating one, changing its name, address and description, and deleting
 * one that no article uses. A changed address leaves the old one in {@code topic_redirects}, answered with
 * 301. Each change is one transaction with its audit entry and a change notice. Merging is {@link TopicMerge}'s;
 * who may do any of this is decided by the route table.
 */
public final class TopicEditing {
    public static final int MAX_NAME = 80;
    public static final int MAX_SLUG = 80;
    public static final int MAX_DESCRIPTION = 1000;
    /**
     * Topic changes from the newsroom take this transaction lock first, one at a time: whether a name or
     * address is free depends on two tables (topics and their earlier names), which no index spans.
     */
    private static final long LOCK = 0x746f70696373L; // "topics"
    private static final String TAKEN_JUST_NOW = "A topic with this name or address was created just now, as an article was saved. "
            + "Look at the list of topics, then choose another name or address.";
    private final Jdbi jdbi;

    public TopicEditing(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** What the form sends, trimmed; an empty slug means "make one from the name". */
    public record Fields(String name, String slug, String description) {
        public Fields {
            name = name == null ? "" : name.strip();
            slug = slug == null ? "" : slug.strip();
            description = description == null ? "" : description.replace("\r\n", "\n").strip();
        }
    }

    public sealed interface Result {
        /** Saved; {@code changed} is false when the form held what was stored, {@code moved} when the address changed. */
        record Saved(Topic topic, boolean changed, boolean moved) implements Result {}

        /** Nothing saved: problems keyed by field ("name", "slug", "description"). */
        record Invalid(Map<String, String> problems) implements Result {}

        record NotFound() implements Result {}
    }

    public sealed interface Deletion {
        record Deleted(Topic topic) implements Deletion {}

        /** Articles use it, so it was not deleted. */
        record InUse(Topic topic, long articles) implements Deletion {}

        record NotFound() implements Deletion {}
    }

    public Result create(Fields f, AuditLog.Actor actor, Instant now) {
        try {
            return jdbi.inTransaction(h -> {
                serialise(h);
                Map<String, String> problems = problems(h, f, null);
                if (!problems.isEmpty()) return new Result.Invalid(problems);
                String slug = f.slug().isEmpty() ? derivedSlug(h, f.name(), null) : f.slug();
                long id = h.createQuery("INSERT INTO topics (slug, name, description) VALUES (:slug, :name, :d) RETURNING id")
                        .bind("slug", slug).bind("name", f.name()).bind("d", f.description()).mapTo(Long.class).one();
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("topic", id);
                details.put("slug", slug);
                AuditLog.record(h, actor, "topic created", f.name(), details, now);
                ChangeFeed.announce(h, "topic " + id);
                return new Result.Saved(new Topic(id, slug, f.name(), f.description()), true, false);
            });
        } catch (RuntimeException e) {
            // a name typed in the editor at the same moment (TopicStore.ensure does not wait for this lock)
            if (Rows.uniqueViolation(e)) return new Result.Invalid(Map.of("name", TAKEN_JUST_NOW));
            throw e;
        }
    }

    public Result update(long id, Fields f, AuditLog.Actor actor, Instant now) {
        try {
            return jdbi.inTransaction(h -> {
                serialise(h);
                Optional<Topic> found = h.createQuery("SELECT * FROM topics WHERE id = :id FOR UPDATE")
                        .bind("id", id).map(ContentRows.TOPIC).findOne();
                if (found.isEmpty()) return new Result.NotFound();
                Topic before = found.get();
                Map<String, String> problems = problems(h, f, before);
                if (!problems.isEmpty()) return new Result.Invalid(problems);
                String slug = f.slug().isEmpty() ? derivedSlug(h, f.name(), id) : f.slug();
                Topic after = new Topic(id, slug, f.name(), f.description());
                if (after.equals(before)) return new Result.Saved(before, false, false);
                boolean moved = !slug.equals(before.slug());
                if (moved) {
                    h.createUpdate("INSERT INTO topic_redirects (slug, topic_id, created_at) VALUES (:slug, :id, :now)")
                            .bind("slug", before.slug()).bind("id", id).bind("now", now).execute();
                }
                h.createUpdate("UPDATE topics SET slug = :slug, name = :name, description = :d WHERE id = :id")
                        .bind("slug", slug).bind("name", f.name()).bind("d", f.description()).bind("id", id).execute();
                forgetCurrent(h, after);
                AuditLog.record(h, actor, "topic changed", f.name(), changes(before, after), now);
                ChangeFeed.announce(h, "topic " + id);
                return new Result.Saved(after, true, moved);
            });
        } catch (RuntimeException e) {
            if (Rows.uniqueViolation(e)) return new Result.Invalid(Map.of("name", TAKEN_JUST_NOW));
            throw e;
        }
    }

    /** Deletes a topic no article uses (its earlier addresses go with it); one in use is refused, to be merged instead. */
    public Deletion delete(long id, AuditLog.Actor actor, Instant now) {
        return jdbi.inTransaction(h -> {
            serialise(h);
            // the row lock waits for saves that have just named the topic (TopicStore.ensure share-locks it)
            Optional<Topic> found = h.createQuery("SELECT * FROM topics WHERE id = :id FOR UPDATE")
                    .bind("id", id).map(ContentRows.TOPIC).findOne();
            if (found.isEmpty()) return new Deletion.NotFound();
            long articles = h.createQuery("SELECT count(*) FROM article_topics WHERE topic_id = :id").bind("id", id).mapTo(Long.class).one();
            if (articles > 0) return new Deletion.InUse(found.get(), articles);
            int earlier = h.createUpdate("DELETE FROM topic_redirects WHERE topic_id = :id").bind("id", id).execute();
            h.createUpdate("DELETE FROM topics WHERE id = :id").bind("id", id).execute();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("topic", id);
            details.put("slug", found.get().slug());
            if (earlier > 0) details.put("earlier addresses and names", earlier);
            AuditLog.record(h, actor, "topic deleted", found.get().name(), details, now);
            ChangeFeed.announce(h, "topic " + id);
            return new Deletion.Deleted(found.get());
        });
    }

    /** Takes the topics lock for the rest of the caller's transaction. */
    static void serialise(Handle h) {
        h.createQuery("SELECT pg_advisory_xact_lock(:key)").bind("key", LOCK).mapTo(String.class).one();
    }

    /**
     * A topic's own current slug and name are never among its earlier ones: taking one of them again clears
     * it from its row (and a row with neither left goes).
     */
    static void forgetCurrent(Handle h, Topic t) {
        h.createUpdate("""
                        DELETE FROM topic_redirects WHERE topic_id = :id
                        AND (slug IS NULL OR slug = :slug) AND (name IS NULL OR lower(name) = lower(:name))""")
                .bind("id", t.id()).bind("slug", t.slug()).bind("name", t.name()).execute();
        h.createUpdate("UPDATE topic_redirects SET slug = NULL WHERE topic_id = :id AND slug = :slug")
                .bind("id", t.id()).bind("slug", t.slug()).execute();
        h.createUpdate("UPDATE topic_redirects SET name = NULL WHERE topic_id = :id AND lower(name) = lower(:name)")
                .bind("id", t.id()).bind("name", t.name()).execute();
    }

    /** What is wrong with the form, for a new topic ({@code current} null) or a change to {@code current}. */
    static Map<String, String> problems(Handle h, Fields f, Topic current) {
        Map<String, String> p = new LinkedHashMap<>();
        Long self = current == null ? null : current.id();
        if (f.name().isEmpty()) p.put("name", "Give the topic a name.");
        else if (f.name().length() > MAX_NAME) p.put("name", "A topic name can have at most " + MAX_NAME + " characters.");
        else if (Texts.hasControl(f.name())) p.put("name", "A topic name is one line of text.");
        else nameTaken(h, f.name(), self).ifPresent(m -> p.put("name", m));
        if (!f.slug().isEmpty()) {
            if (f.slug().length() > MAX_SLUG) p.put("slug", "An address can have at most " + MAX_SLUG + " characters.");
            else if (!Slugs.isValid(f.slug())) {
                p.put("slug", "An address is lower-case letters and digits joined by single hyphens, such as interest-rates.");
            } else slugTaken(h, f.slug(), self).ifPresent(m -> p.put("slug", m));
        }
        if (f.description().length() > MAX_DESCRIPTION) {
            p.put("description", "A description can have at most " + MAX_DESCRIPTION + " characters.");
        } else if (Texts.hasControlBesidesLineBreaks(f.description())) {
            // PostgreSQL text cannot hold NUL at all
            p.put("description", "A description cannot contain control characters.");
        }
        return p;
    }

    /** The slug made from the name; a topic may take its own current or earlier one, else "-2", "-3"... are added. */
    private static String derivedSlug(Handle h, String name, Long self) {
        String base = Slugs.of(name, "topic");
        return slugTaken(h, base, self).isEmpty() ? base : TopicStore.freeSlug(h, base);
    }

    private static Optional<String> nameTaken(Handle h, String name, Long self) {
        Optional<Topic> other = h.createQuery("SELECT * FROM topics WHERE lower(name) = lower(:name)")
                .bind("name", name).map(ContentRows.TOPIC).findOne().filter(t -> !Long.valueOf(t.id()).equals(self));
        if (other.isPresent()) {
            return Optional.of("There is already a topic called \"" + other.get().name() + "\"."
                    + (self == null ? "" : " To fold this topic into it, merge it below."));
        }
        return h.createQuery("""
                        SELECT t.* FROM topic_redirects r JOIN topics t ON t.id = r.topic_id
                        WHERE lower(r.name) = lower(:name)""")
                .bind("name", name).map(ContentRows.TOPIC).findOne().filter(t -> !Long.valueOf(t.id()).equals(self))
                .map(kept -> "\"" + name + "\" was merged into \"" + kept.name() + "\", and the name now means that topic. "
                        + "Choose another name.");
    }

    private static Optional<String> slugTaken(Handle h, String slug, Long self) {
        Optional<Topic> other = h.createQuery("SELECT * FROM topics WHERE slug = :slug")
                .bind("slug", slug).map(ContentRows.TOPIC).findOne().filter(t -> !Long.valueOf(t.id()).equals(self));
        if (other.isPresent()) return Optional.of("/topics/" + slug + "/ is the address of \"" + other.get().name() + "\".");
        return h.createQuery("SELECT t.* FROM topic_redirects r JOIN topics t ON t.id = r.topic_id WHERE r.slug = :slug")
                .bind("slug", slug).map(ContentRows.TOPIC).findOne().filter(t -> !Long.valueOf(t.id()).equals(self))
                .map(kept -> "/topics/" + slug + "/ is an earlier address of \"" + kept.name() + "\" and leads there. Choose another.");
    }

    private static Map<String, Object> changes(Topic before, Topic after) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("topic", after.id());
        if (!before.name().equals(after.name())) {
            d.put("name", after.name());
            d.put("previous name", before.name());
        }
        if (!before.slug().equals(after.slug())) {
            d.put("slug", after.slug());
            d.put("previous slug", before.slug());
        }
        if (!before.description().equals(after.description())) d.put("description", "changed");
        return d;
    }
}
