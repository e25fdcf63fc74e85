package broadsheet.section;

import broadsheet.content.ContentRows;
import broadsheet.content.Section;
import broadsheet.shared.AuditLog;
import broadsheet.storage.ChangeFeed;
import broadsheet.storage.Rows;
import broadsheet.text.Slugs;
import broadsheet.text.Texts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * An editor's changes to the sections: creating one, renaming it or changing its description, moving it up or
 * down the navigation, and deleting one no article uses. A slug is checked here (valid, not one the site uses
 * itself, not taken) and never changes once the section exists, because it is in every article's address.
 * Each change is one transaction with its audit entry and a change notice, so every instance refreshes its
 * navigation and cached pages. Who may make these changes is the route table's business.
 */
public final class SectionChanges {
    public static final int MAX_NAME = 80;
    public static final int MAX_SLUG = 80;
    public static final int MAX_DESCRIPTION = 500;
    /**
     * Creating and renaming sections take this transaction lock first, one at a time: no index keeps names
     * unique in any case, and a new section's place is the last one plus one, so two at once would otherwise
     * both pass the name check or take the same place.
     */
    private static final long LOCK = 0x73656374696f6eL; // "section"
    private final Jdbi jdbi;

    public SectionChanges(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** What became of a change. */
    public sealed interface Outcome {
        record Done(Section section) implements Outcome {}

        /** Nothing was stored; the problems are keyed by form field ("name", "slug", "description"). */
        record Invalid(Map<String, String> problems) implements Outcome {}

        record NotFound() implements Outcome {}

        /** The section still has articles (of any status), so it was not deleted. */
        record InUse(Section section, long articles) implements Outcome {}
    }

    /** The slug a new section gets: the one typed, or one made from the name when none was typed. */
    public static String slugFor(String name, String typed) {
        if (!typed.isBlank()) return typed.strip();
        return name.isBlank() ? "" : Slugs.of(name, "section");
    }

    public Outcome create(AuditLog.Actor actor, String name, String slug, String description, Instant now) {
        Map<String, String> problems = problems(name, description);
        String slugProblem = slugProblem(slug);
        if (slugProblem != null) problems.put("slug", slugProblem);
        if (!problems.isEmpty()) return new Outcome.Invalid(problems);
        try {
            return jdbi.inTransaction(h -> {
                serialise(h);
                if (nameTaken(h, name, null)) return nameTaken(name);
                Optional<Section> made = h.createQuery("""
                                INSERT INTO sections (slug, name, description, position)
                                VALUES (:slug, :name, :description, (SELECT coalesce(max(position), 0) + 1 FROM sections))
                                ON CONFLICT (slug) DO NOTHING
                                RETURNING *""")
                        .bind("slug", slug).bind("name", name).bind("description", description)
                        .map(ContentRows.SECTION).findOne();
                if (made.isEmpty()) return slugTaken(slug);
                AuditLog.record(h, actor, "section created", name, Map.of("slug", slug), now);
                ChangeFeed.announce(h, "section " + slug);
                return new Outcome.Done(made.get());
            });
        } catch (RuntimeException e) {
            if (Rows.uniqueViolation(e)) return slugTaken(slug);
            throw e;
        }
    }

    /** A new name and description; the slug stays. Saving what is already there changes and records nothing. */
    public Outcome update(AuditLog.Actor actor, long id, String name, String description, Instant now) {
        Map<String, String> problems = problems(name, description);
        if (!problems.isEmpty()) return new Outcome.Invalid(problems);
        return jdbi.inTransaction(h -> {
            serialise(h);
            Optional<Section> before = locked(h, id);
            if (before.isEmpty()) return new Outcome.NotFound();
            if (before.get().name().equals(name) && before.get().description().equals(description)) return new Outcome.Done(before.get());
            if (nameTaken(h, name, id)) return nameTaken(name);
            Section after = h.createQuery("UPDATE sections SET name = :name, description = :description WHERE id = :id RETURNING *")
                    .bind("name", name).bind("description", description).bind("id", id).map(ContentRows.SECTION).one();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("slug", after.slug());
            if (!before.get().name().equals(name)) details.put("from", before.get().name());
            AuditLog.record(h, actor, "section changed", name, details, now);
            ChangeFeed.announce(h, "section " + after.slug());
            return new Outcome.Done(after);
        });
    }

    /** Moves the section one place up (earlier) or down the navigation; at either end nothing moves. */
    public Outcome move(AuditLog.Actor actor, long id, boolean up, Instant now) {
        return jdbi.inTransaction(h -> {
            // every row is locked, so two editors reordering at once take turns and positions stay distinct
            List<Section> order = new ArrayList<>(h.createQuery("SELECT * FROM sections ORDER BY position, name, id FOR UPDATE")
                    .map(ContentRows.SECTION).list());
            int at = -1;
            for (int i = 0; i < order.size(); i++) if (order.get(i).id() == id) at = i;
            if (at < 0) return new Outcome.NotFound();
            Section section = order.get(at);
            int to = up ? at - 1 : at + 1;
            if (to < 0 || to >= order.size()) return new Outcome.Done(section);
            order.set(at, order.get(to));
            order.set(to, section);
            var batch = h.prepareBatch("UPDATE sections SET position = :position WHERE id = :id");
            for (int i = 0; i < order.size(); i++) batch.bind("position", i + 1).bind("id", order.get(i).id()).add();
            batch.execute();
            AuditLog.record(h, actor, "section moved", section.name(), Map.of("slug", section.slug(), "from", at + 1, "to", to + 1), now);
            ChangeFeed.announce(h, "section " + section.slug());
            return new Outcome.Done(new Section(section.id(), section.slug(), section.name(), section.description(), to + 1));
        });
    }

    /** Deletes a section that no article uses, whatever the article's status. */
    public Outcome delete(AuditLog.Actor actor, long id, Instant now) {
        return jdbi.inTransaction(h -> {
            // the row lock waits for a transaction adding an article to the section, so the count below sees it
            Optional<Section> section = locked(h, id);
            if (section.isEmpty()) return new Outcome.NotFound();
            long articles = h.createQuery("SELECT count(*) FROM articles WHERE section_id = :id").bind("id", id).mapTo(Long.class).one();
            if (articles > 0) return new Outcome.InUse(section.get(), articles);
            h.createUpdate("DELETE FROM sections WHERE id = :id").bind("id", id).execute();
            AuditLog.record(h, actor, "section deleted", section.get().name(), Map.of("slug", section.get().slug()), now);
            ChangeFeed.announce(h, "section " + section.get().slug());
            return new Outcome.Done(section.get());
        });
    }

    /** Problems with a name and description, keyed by field; the map can be added to. */
    static Map<String, String> problems(String name, String description) {
        Map<String, String> p = new LinkedHashMap<>();
        if (name.isBlank()) p.put("name", "A section needs a name.");
        else if (name.length() > MAX_NAME) p.put("name", "A name can have at most " + MAX_NAME + " characters.");
        else if (Texts.hasControl(name)) p.put("name", "A name is one line of text, without control characters.");
        if (description.length() > MAX_DESCRIPTION) p.put("description", "A description can have at most " + MAX_DESCRIPTION + " characters.");
        else if (Texts.hasControlBesidesLineBreaks(description)) {
            p.put("description", "A description cannot contain control characters.");
        }
        return p;
    }

    /** What is wrong with a slug for a new section, or null. Whether it is taken is checked when storing. */
    public static String slugProblem(String slug) {
        if (slug.isEmpty()) return "A section needs a slug: lowercase letters and digits, words joined by hyphens.";
        if (slug.length() > MAX_SLUG) return "A slug can have at most " + MAX_SLUG + " characters.";
        if (!Slugs.isValid(slug)) {
            return "\"" + slug + "\" is not a slug: use lowercase letters a-z and digits, words joined by single hyphens (world-news).";
        }
        if (Slugs.RESERVED.contains(slug)) return "\"" + slug + "\" is an address the site uses itself (/" + slug + "/); choose another slug.";
        return null;
    }

    private static void serialise(Handle h) {
        h.createQuery("SELECT pg_advisory_xact_lock(:key)").bind("key", LOCK).mapTo(String.class).one();
    }

    private static Optional<Section> locked(Handle h, long id) {
        return h.createQuery("SELECT * FROM sections WHERE id = :id FOR UPDATE").bind("id", id).map(ContentRows.SECTION).findOne();
    }

    private static boolean nameTaken(Handle h, String name, Long except) {
        // LIMIT 1: a database that got two sections of one name before the lock above still answers
        return h.createQuery("SELECT 1 FROM sections WHERE lower(name) = lower(:name) AND id IS DISTINCT FROM CAST(:except AS bigint) LIMIT 1")
                .bind("name", name).bind("except", except).mapTo(Integer.class).findOne().isPresent();
    }

    private static Outcome nameTaken(String name) {
        return new Outcome.Invalid(Map.of("name", "There is already a section called \"" + name + "\"."));
    }

    private static Outcome slugTaken(String slug) {
        return new Outcome.Invalid(Map.of("slug", "The slug \"" + slug + "\" is taken by another section (/" + slug + "/); choose another."));
    }
}
