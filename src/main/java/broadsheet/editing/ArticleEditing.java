package broadsheet.editing;

import broadsheet.shared.AuditLog;
import broadsheet.account.StaffStore;
import broadsheet.article.Article;
import broadsheet.article.ArticleContent;
import broadsheet.article.ArticlePaths;
import broadsheet.article.ArticleStore;
import broadsheet.article.BodyRebuild;
import broadsheet.article.BodyRenderer;
import broadsheet.article.Status;
import broadsheet.contributor.ContributorStore;
import broadsheet.shared.Json;
import broadsheet.storage.ChangeFeed;
import broadsheet.storage.Rows;
import broadsheet.text.Slugs;
import broadsheet.topic.TopicStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Writing and saving articles: create a draft, save changes (with optimistic locking on the article's
 * version: a save based on an older version is a {@link Result.Conflict} and changes nothing), and restore
 * a revision as a new save. Every save is one transaction with its revision; a save of a published
 * article is also a change on the editorial timeline (see {@link ChangeKind}). Moving through the
 * workflow (submit, publish, schedule, unpublish) is {@link Publishing}'s job.
 */
public final class ArticleEditing {
    private final Jdbi jdbi;
    private final ZoneId zone;

    public ArticleEditing(Jdbi jdbi, ZoneId zone) {
        this.jdbi = jdbi;
        this.zone = zone;
    }

    /** The outcome of a save. */
    public sealed interface Result {
        record Saved(long id, int version) implements Result {}
        record Conflict(long id, Snapshot theirs, int theirVersion, ArticleContent yours) implements Result {}
        record Invalid(Map<String, String> problems) implements Result {}
    }

    /** An article as the editor opens it: its content, what this person may do, and their newer unsaved text. */
    public record State(Article article, Snapshot snapshot, boolean own, Set<Workflow.Action> allowed, Autosave autosave) {}

    /** Text the editor page kept while someone typed, not yet saved. */
    public record Autosave(Snapshot snapshot, int baseVersion, Instant savedAt) {}

    public State load(Editor who, long id) {
        return jdbi.withHandle(h -> {
            Article a = ArticleStore.byId(h, id).orElseThrow(EditingException::notFound);
            boolean own = who.owner().owns(a, currentBylines(h, id));
            var allowed = Workflow.allowed(who.role(), own, a.status());
            if (!allowed.contains(Workflow.Action.EDIT)) {
                throw EditingException.notAllowed(own ? "You may not edit this article now that it is " + a.status().word() + "."
                        : "This article is not yours to edit.");
            }
            Autosave autosave = who.staffId() == null ? null : h.createQuery("""
                            SELECT fields, base_version, saved_at FROM article_autosaves
                            WHERE article_id = :a AND staff_id = :s AND saved_at > :modified""")
                    .bind("a", id).bind("s", who.staffId()).bind("modified", a.modifiedAt())
                    .map((rs, ctx) -> new Autosave(Revisions.parse(rs.getString("fields")), rs.getInt("base_version"),
                            Rows.instant(rs, "saved_at")))
                    .findOne().orElse(null);
            return new State(a, Drafts.snapshot(h, a), own, allowed, autosave);
        });
    }

    /** Keeps what someone is typing, so a closed tab or a lost connection loses nothing. Not a save. */
    public void autosave(Editor who, long id, int baseVersion, ArticleContent d, Instant now) {
        if (who.staffId() == null) return;
        load(who, id);
        String json = new String(Json.bytes(new Snapshot(d, "autosave")), StandardCharsets.UTF_8);
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO article_autosaves (article_id, staff_id, base_version, fields, saved_at)
                        VALUES (:a, :s, :v, CAST(:f AS jsonb), :now)
                        ON CONFLICT (article_id, staff_id) DO UPDATE
                        SET base_version = excluded.base_version, fields = excluded.fields, saved_at = excluded.saved_at""")
                .bind("a", id).bind("s", who.staffId()).bind("v", baseVersion).bind("f", json).bind("now", now).execute());
    }

    public Result create(Editor who, ArticleContent d, Instant now) {
        if (!Workflow.canCreate(who.role())) throw EditingException.notAllowed("You may not write articles.");
        return jdbi.inTransaction(h -> {
            Optional<Long> section = sectionId(h, d.sectionSlug());
            Map<String, String> problems = new LinkedHashMap<>(DraftCheck.problems(d, section.isPresent()));
            missingPictures(h, d, "").forEach(problems::putIfAbsent);
            if (!problems.isEmpty()) return new Result.Invalid(problems);
            ArticleContent content = d.withSlug(d.slug().isEmpty() ? Slugs.of(d.headline()) : d.slug());
            long id = ArticleStore.insertDraft(h, section.get(), content, who.staffId(), who.tokenId(), now);
            attach(h, id, d, who, now);
            Revisions.add(h, id, 1, who.actor(), "created", new Snapshot(content, Status.DRAFT.word()), now);
            return new Result.Saved(id, 1);
        });
    }

    /**
     * Saves a draft over the article at {@code version}. For a published article, {@code kind} says what the
     * change means to readers and {@code note} is the public text of an update, correction or clarification.
     */
    public Result save(Editor who, long id, int version, ArticleContent d, ChangeKind kind, String note, Instant now) {
        return jdbi.inTransaction(h -> save(h, who, id, version, d, kind, note, "saved", now));
    }

    /** Saves an earlier revision's content again, as a new revision. */
    public Result restore(Editor who, long id, int version, int revision, ChangeKind kind, String note, Instant now) {
        Snapshot old = new Revisions(jdbi).get(id, revision)
                .orElseThrow(() -> EditingException.invalid("There is no revision " + revision + " of this article.")).snapshot();
        return jdbi.inTransaction(h -> save(h, who, id, version, old.content(), kind, note, "restored revision " + revision, now));
    }

    private Result save(Handle h, Editor who, long id, int version, ArticleContent d, ChangeKind kind, String note,
                        String revisionKind, Instant now) {
        Article a = ArticleStore.lock(h, id).orElseThrow(EditingException::notFound);
        boolean own = who.owner().owns(a, currentBylines(h, id));
        if (!Workflow.may(who.role(), own, a.status(), Workflow.Action.EDIT)) {
            throw EditingException.notAllowed("You may not edit this article" + (own ? " now that it is " + a.status().word() : "") + ".");
        }
        if (a.version() != version) return conflict(h, a, d);
        Optional<Long> section = sectionId(h, d.sectionSlug());
        Map<String, String> problems = new LinkedHashMap<>(DraftCheck.problems(d, section.isPresent()));
        missingPictures(h, d, a.bodySource()).forEach(problems::putIfAbsent);
        boolean published = a.status() == Status.PUBLISHED;
        ChangeKind change = published ? (kind == null ? ChangeKind.MINOR : kind) : ChangeKind.MINOR;
        String publicNote = note == null ? "" : note.strip();
        if (change.needsNote() && publicNote.isEmpty()) problems.put("note", "Say what was corrected or clarified; readers see this note.");
        if (publicNote.length() > 1000) problems.put("note", "The note can have at most 1000 characters.");
        if (!problems.isEmpty()) return new Result.Invalid(problems);
        String slug = chooseSlug(a, d);
        ArticleContent content = d.withSlug(slug);
        int next = ArticleStore.updateContent(h, id, version, section.get(), content, now)
                .orElseThrow(() -> new IllegalStateException("version changed under a row lock"));
        if (a.path() != null && a.firstPublishedAt() != null) {
            String path = ArticlePaths.of(d.sectionSlug(), a.firstPublishedAt(), zone, slug);
            if (!path.equals(a.path())) {
                if (ArticleStore.idAtPath(h, path).filter(other -> other != id).isPresent()) {
                    throw EditingException.invalid("Another article already lives at " + path + "; choose another slug.");
                }
                ArticleStore.movePath(h, id, path);
            }
        }
        attach(h, id, d, who, now);
        String recorded = !published || change == ChangeKind.MINOR ? revisionKind
                : "saved".equals(revisionKind) ? change.word() : change.word() + ", " + revisionKind;
        int number = Revisions.add(h, id, next, who.actor(), recorded, new Snapshot(content, a.status().word()), now);
        if (published) {
            Timeline.record(h, id, change, publicNote, Revisions.idOf(h, id, number), now);
            if (change != ChangeKind.MINOR) {
                AuditLog.record(h, who.actor(), "article " + change.word(), d.headline(), Map.of("article", id), now);
            }
            ChangeFeed.announce(h, "article " + id);
        }
        h.createUpdate("DELETE FROM article_autosaves WHERE article_id = :id").bind("id", id).execute();
        return new Result.Saved(id, next);
    }

    private Result conflict(Handle h, Article current, ArticleContent yours) {
        return new Result.Conflict(current.id(), Drafts.snapshot(h, current), current.version(), yours);
    }

    /** A draft follows its headline until someone sets a slug; a published article keeps its slug unless it is changed. */
    private static String chooseSlug(Article a, ArticleContent d) {
        if (!d.slug().isEmpty()) return d.slug();
        return a.firstPublishedAt() != null ? a.slug() : Slugs.of(d.headline());
    }

    /** Pictures the draft names that are not in the media library, which could not be saved as references. */
    /**
     * Pictures the draft names that are not in the library: the lead picture, and pictures newly placed in
     * the body. A picture already in the saved body and since deleted is not held against the writer; it
     * shows as nothing.
     */
    private static Map<String, String> missingPictures(Handle h, ArticleContent d, String previousBody) {
        var renderer = new BodyRenderer();
        Set<Long> before = new HashSet<>(BodyRebuild.pictureIds(renderer, previousBody));
        List<Long> inline = BodyRebuild.pictureIds(renderer, d.body()).stream().filter(id -> !before.contains(id)).toList();
        List<Long> named = new ArrayList<>(inline);
        Long lead = d.lead().imageId();
        if (lead != null) named.add(lead);
        if (named.isEmpty()) return Map.of();
        Set<Long> known = h.createQuery("SELECT id FROM images WHERE id = ANY(:ids)")
                .bindArray("ids", Long.class, named).mapTo(Long.class).set();
        Map<String, String> p = new LinkedHashMap<>();
        if (lead != null && !known.contains(lead)) {
            p.put("leadImageId", "There is no picture " + lead + " in the media library.");
        }
        List<String> missing = inline.stream().filter(id -> !known.contains(id)).distinct().map(id -> "image:" + id).toList();
        if (!missing.isEmpty()) p.put("body", "The body shows pictures that are not in the media library: " + String.join(", ", missing) + ".");
        return p;
    }

    private static void attach(Handle h, long id, ArticleContent d, Editor who, Instant now) {
        StaffStore.Byline own = who.staffId() == null ? null : StaffStore.byline(h, who.staffId()).orElse(null);
        List<Long> bylines = bylineIds(h, d, own);
        ArticleStore.setBylines(h, id, bylines);
        ArticleStore.setTopics(h, id, d.topics().stream().map(t -> TopicStore.ensure(h, t, "")).distinct().toList());
        ArticleStore.setInlineImages(h, id, BodyRebuild.pictureIds(new BodyRenderer(), d.body()));
        if (own != null && own.contributorId() == null && own.ownName() != null) claimOwnByline(h, who, own.ownName(), id, bylines, now);
    }

    /**
     * The names a new article's byline starts with: the writer's byline, else their own name when one was given
     * (a name that is only the start of their email is never put on a byline), else none.
     */
    public List<String> defaultBylines(Editor who) {
        if (who.staffId() == null) return List.of();
        return jdbi.withHandle(h -> StaffStore.byline(h, who.staffId())).map(b -> b.contributorId() != null ? b.contributorName() : b.ownName())
                .map(List::of).orElse(List.of());
    }

    /** The draft's bylines, or when it names none the writer's own ({@link #defaultBylines}); none for an API token. */
    private static List<Long> bylineIds(Handle h, ArticleContent d, StaffStore.Byline own) {
        if (d.bylines().isEmpty()) {
            if (own == null) return List.of();
            if (own.contributorId() != null) return List.of(own.contributorId());
            if (own.ownName() == null) return List.of();
            return List.of(ContributorStore.ensure(h, own.ownName()));
        }
        return d.bylines().stream().map(name -> ContributorStore.ensure(h, name)).distinct().toList();
    }

    /**
     * A member of staff without a byline who signs an article with their own name makes that byline theirs,
     * if it is nobody else's: no other article carries it and no other account writes under it. A byline that
     * is already someone's is linked only by an editor, on the contributor's page in the newsroom.
     */
    private static void claimOwnByline(Handle h, Editor who, String ownName, long articleId, List<Long> bylines, Instant now) {
        for (long c : bylines) {
            if (ContributorStore.unclaimed(h, c, ownName, articleId)) {
                StaffStore.linkContributor(h, who.staffId(), c);
                AuditLog.record(h, who.actor(), "byline linked", ownName, Map.of("contributor", c, "article", articleId), now);
                return;
            }
        }
    }

    static List<Long> currentBylines(Handle h, long id) {
        return h.createQuery("SELECT contributor_id FROM article_bylines WHERE article_id = :id ORDER BY position")
                .bind("id", id).mapTo(Long.class).list();
    }

    /** A lead picture must be in the library (it may have been deleted since the form was opened). */
    static Optional<Long> sectionId(Handle h, String slug) {
        return h.createQuery("SELECT id FROM sections WHERE slug = :s").bind("s", slug).mapTo(Long.class).findOne();
    }
}
