package broadsheet.contributor;

import broadsheet.shared.AuditLog;
import broadsheet.account.StaffStore;
import broadsheet.storage.ChangeFeed;
import broadsheet.storage.Rows;
import broadsheet.text.Texts;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Adding, changing and deleting contributors from the newsroom, with the rules: a name (unique in any case,
 * so a byline typed in the editor finds one contributor), person or desk, a job title, a plain-text bio, and a
 * picture from the media library. The slug is made from the name once, at creation, and never changes: it
 * is in public addresses. A contributor is deleted only while no article carries the byline and no staff
 * account writes under it. Each change is audited in its transaction and announced on the {@link ChangeFeed},
 * so every instance empties its page cache. Who may do this is the route table's decision.
 */
public final class ContributorEditing {
    public static final int NAME_MAX = 120;
    public static final int JOB_TITLE_MAX = 120;
    public static final int BIO_MAX = 3000;
    private static final Pattern PICTURE_NUMBER = Pattern.compile("[0-9]{1,18}");
    /** Serialises the name check with the write, so two editors cannot add the same name at once. */
    private static final long NAME_LOCK = 0x436f6e7472696200L;
    private static final String FOREIGN_KEY_VIOLATION = "23503";
    private final Jdbi jdbi;

    public ContributorEditing(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The form as typed: {@code kind} is "person" or "desk", {@code picture} a media library number or empty. */
    public record Form(String name, String kind, String jobTitle, String bio, String picture) {
        public Form {
            name = name == null ? "" : name;
            kind = kind == null ? "" : kind;
            jobTitle = jobTitle == null ? "" : jobTitle;
            bio = bio == null ? "" : bio;
            picture = picture == null ? "" : picture;
        }

        public static Form blank() {
            return new Form("", "person", "", "", "");
        }

        public static Form of(Contributor c) {
            return new Form(c.name(), c.desk() ? "desk" : "person", c.jobTitle(), c.bio(),
                    c.pictureId() == null ? "" : String.valueOf(c.pictureId()));
        }
    }

    /** The form was refused; nothing was stored. Problems are keyed by field: name, kind, jobTitle, bio, picture. */
    public static final class Refused extends RuntimeException {
        private final Map<String, String> problems;

        Refused(Map<String, String> problems) {
            super(String.join(" ", problems.values()), null, false, false);
            this.problems = Map.copyOf(problems);
        }

        public Map<String, String> problems() {
            return problems;
        }
    }

    /** What a deletion did. */
    public sealed interface Deletion {
        record NotFound() implements Deletion {}

        /** Articles carry the byline or staff write under it: nothing was changed. */
        record InUse(Contributor contributor, ContributorStore.Uses uses) implements Deletion {}

        record Deleted(Contributor contributor) implements Deletion {}
    }

    /** The form's values, tidied; each is usable unless {@code problems} has its field. */
    private record Details(String name, boolean desk, String jobTitle, String bio, Long pictureId, Map<String, String> problems) {}

    /** Adds a contributor; returns its id. */
    public long create(Form form, AuditLog.Actor actor, Instant now) {
        Details d = check(form);
        for (int attempt = 1; ; attempt++) {
            try {
                return insert(d, actor, now);
            } catch (RuntimeException e) {
                // A byline added from the editor took the same slug between the check and the insert: the
                // next attempt sees it and takes the next free one.
                if (!Rows.uniqueViolation(e) || attempt == 3) throw e;
            }
        }
    }

    private long insert(Details d, AuditLog.Actor actor, Instant now) {
        return jdbi.inTransaction(h -> {
            checkInDatabase(h, d, null);
            long id = ContributorStore.create(h, d.name(), d.desk(), d.jobTitle(), d.bio(), d.pictureId());
            String slug = h.createQuery("SELECT slug FROM contributors WHERE id = :id").bind("id", id).mapTo(String.class).one();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("id", id);
            details.put("slug", slug);
            details.put("kind", d.desk() ? "desk" : "person");
            AuditLog.record(h, actor, "contributor created", d.name(), details, now);
            ChangeFeed.announce(h, "contributor " + id);
            return id;
        });
    }

    /**
     * Saves the form over a contributor (its slug stays). Returns the fields that changed (none when the form
     * matched what was stored), or {@link Optional#empty} when there is no such contributor.
     */
    public Optional<List<String>> change(long id, Form form, AuditLog.Actor actor, Instant now) {
        Details d = check(form);
        return jdbi.inTransaction(h -> {
            Optional<Contributor> found = h.createQuery("SELECT * FROM contributors WHERE id = :id FOR UPDATE")
                    .bind("id", id).map(ContributorStore.ROW).findOne();
            if (found.isEmpty()) return Optional.<List<String>>empty();
            Contributor before = found.get();
            checkInDatabase(h, d, id);
            List<String> changed = new ArrayList<>();
            if (!before.name().equals(d.name())) changed.add("name");
            if (before.desk() != d.desk()) changed.add("kind");
            if (!before.jobTitle().equals(d.jobTitle())) changed.add("jobTitle");
            if (!before.bio().equals(d.bio())) changed.add("bio");
            if (!Objects.equals(before.pictureId(), d.pictureId())) changed.add("picture");
            if (changed.isEmpty()) return Optional.of(List.<String>of());
            h.createUpdate("""
                            UPDATE contributors SET name = :name, kind = :kind, job_title = :jobTitle, bio = :bio, picture_id = :picture
                            WHERE id = :id""")
                    .bind("name", d.name()).bind("kind", d.desk() ? "desk" : "person").bind("jobTitle", d.jobTitle())
                    .bind("bio", d.bio()).bind("picture", d.pictureId()).bind("id", id).execute();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("id", id);
            details.put("slug", before.slug());
            details.put("changed", changed);
            if (changed.contains("name")) details.put("from", before.name());
            if (changed.contains("picture")) details.put("picture", d.pictureId());
            AuditLog.record(h, actor, "contributor changed", d.name(), details, now);
            ChangeFeed.announce(h, "contributor " + id);
            return Optional.of(List.copyOf(changed));
        });
    }

    /** Deletes a contributor that nothing uses. */
    public Deletion delete(long id, AuditLog.Actor actor, Instant now) {
        try {
            return jdbi.inTransaction(h -> {
                // The row lock makes an article save that adds this byline meanwhile wait, and then fail, rather
                // than point at a contributor that is gone.
                Optional<Contributor> found = h.createQuery("SELECT * FROM contributors WHERE id = :id FOR UPDATE")
                        .bind("id", id).map(ContributorStore.ROW).findOne();
                if (found.isEmpty()) return new Deletion.NotFound();
                Contributor c = found.get();
                ContributorStore.Uses uses = ContributorStore.uses(h, id);
                if (!uses.isEmpty()) return new Deletion.InUse(c, uses);
                h.createUpdate("DELETE FROM contributors WHERE id = :id").bind("id", id).execute();
                AuditLog.record(h, actor, "contributor deleted", c.name(), Map.of("id", id, "slug", c.slug()), now);
                ChangeFeed.announce(h, "contributor " + id);
                return new Deletion.Deleted(c);
            });
        } catch (RuntimeException e) {
            // A byline or staff link added by a transaction that committed while this one counted.
            if (!foreignKeyViolation(e)) throw e;
            return jdbi.withHandle(h -> ContributorStore.byId(h, id)
                    .<Deletion>map(c -> new Deletion.InUse(c, ContributorStore.uses(h, id)))
                    .orElseGet(Deletion.NotFound::new));
        }
    }

    /**
     * Makes a staff account write under this byline (it then owns the articles the byline carries, and its new
     * articles start with it), in place of any byline it had; or, with {@code link} false, stops it writing
     * under this one. False when there is no such contributor, or (unlinking) the account does not write under it.
     */
    public boolean link(long contributorId, long staffId, boolean link, AuditLog.Actor actor, Instant now) {
        return jdbi.inTransaction(h -> {
            Optional<Contributor> c = h.createQuery("SELECT * FROM contributors WHERE id = :id FOR KEY SHARE")
                    .bind("id", contributorId).map(ContributorStore.ROW).findOne();
            Optional<String> email = h.createQuery("SELECT email FROM staff WHERE id = :id AND (:link OR contributor_id = :c) FOR UPDATE")
                    .bind("id", staffId).bind("link", link).bind("c", contributorId).mapTo(String.class).findOne();
            if (c.isEmpty() || email.isEmpty()) return false;
            StaffStore.linkContributor(h, staffId, link ? contributorId : null);
            AuditLog.record(h, actor, link ? "byline linked" : "byline unlinked", c.get().name(),
                    Map.of("contributor", contributorId, "staff", email.get()), now);
            return true;
        });
    }

    /** The form's own problems, all at once; {@link #checkInDatabase} adds the rest and refuses. */
    private static Details check(Form f) {
        Map<String, String> problems = new LinkedHashMap<>();
        String name = f.name().strip();
        if (name.isEmpty()) problems.put("name", "A name is needed.");
        else if (name.length() > NAME_MAX) problems.put("name", "A name has at most " + NAME_MAX + " characters.");
        else if (Texts.hasControl(name)) problems.put("name", "A name is one line of text.");
        Boolean desk = switch (f.kind()) {
            case "person" -> false;
            case "desk" -> true;
            default -> null;
        };
        if (desk == null) problems.put("kind", "Choose whether this is a person or a desk.");
        String jobTitle = f.jobTitle().strip();
        if (jobTitle.length() > JOB_TITLE_MAX) problems.put("jobTitle", "A job title has at most " + JOB_TITLE_MAX + " characters.");
        else if (Texts.hasControl(jobTitle)) problems.put("jobTitle", "A job title is one line of text.");
        String bio = tidyBio(f.bio());
        if (bio.length() > BIO_MAX) problems.put("bio", "A bio has at most " + BIO_MAX + " characters; this one has " + bio.length() + ".");
        else if (Texts.hasControlBesidesLineBreaks(bio)) problems.put("bio", "The bio has characters that are not text; type or paste it again.");
        String picture = f.picture().strip();
        Long pictureId = null;
        if (!picture.isEmpty()) {
            if (PICTURE_NUMBER.matcher(picture).matches()) pictureId = Long.parseLong(picture);
            else problems.put("picture", "Give the picture's number in the media library, or leave it empty for no picture.");
        }
        return new Details(name, desk != null && desk, jobTitle, bio, pictureId, problems);
    }

    /**
     * Adds what needs the database to the form's problems (the name is free, the picture exists and stays
     * until this transaction commits), and refuses the form if it has any.
     */
    private static void checkInDatabase(Handle h, Details d, Long self) {
        Map<String, String> problems = new LinkedHashMap<>(d.problems());
        if (!problems.containsKey("name")) {
            h.createQuery("SELECT 1 FROM pg_advisory_xact_lock(:key)").bind("key", NAME_LOCK).mapTo(Integer.class).one();
            h.createQuery("SELECT name FROM contributors WHERE lower(name) = lower(:name) AND id <> :self ORDER BY id LIMIT 1")
                    .bind("name", d.name()).bind("self", self == null ? -1L : self).mapTo(String.class).findOne()
                    .ifPresent(other -> problems.put("name", "There is already a contributor called " + other + "."));
        }
        // KEY SHARE keeps the picture from being deleted from the library before this transaction commits.
        if (!problems.containsKey("picture") && d.pictureId() != null && h.createQuery("SELECT 1 FROM images WHERE id = :id FOR KEY SHARE")
                .bind("id", d.pictureId()).mapTo(Integer.class).findOne().isEmpty()) {
            problems.put("picture", "There is no picture number " + d.pictureId() + " in the media library.");
        }
        if (!problems.isEmpty()) throw new Refused(problems);
    }

    /** Line breaks as {@code \n}, no spaces at line ends, paragraphs apart by one blank line, no blank lines around. */
    static String tidyBio(String bio) {
        String s = bio.replace("\r\n", "\n").replace('\r', '\n').replace('\t', ' ');
        s = s.lines().map(String::stripTrailing).reduce((a, b) -> a + "\n" + b).orElse("");
        return s.replaceAll("\n{3,}", "\n\n").strip();
    }

    private static boolean foreignKeyViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && FOREIGN_KEY_VIOLATION.equals(s.getSQLState())) return true;
        }
        return false;
    }
}
