package broadsheet.editing;

import broadsheet.article.Dateline;
import broadsheet.article.Status;
import broadsheet.newsroom.Frame;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * What the revisions pages show: the article they belong to, the list, a comparison of two revisions,
 * one revision, and the restore form they share. Immutable records for the templates.
 */
public final class RevisionViews {
    private RevisionViews() {}

    /** The article the revisions belong to, as it is now. */
    public record Article(long id, String headline, Status status) {
        static Article of(ArticleEditing.State state) {
            return new Article(state.article().id(), state.article().headline(), state.article().status());
        }

        public String path() {
            return "/newsroom/articles/" + id;
        }
    }

    /**
     * The restore form: the article's current version (a restore based on an older one is a conflict), and
     * for a published article the kind of change and the note for readers, with any problems.
     */
    public record Restore(int version, boolean published, ChangeKind change, String note, Map<String, String> problems) {
        static Restore fresh(ArticleEditing.State state) {
            return new Restore(state.article().version(), state.article().status() == Status.PUBLISHED, ChangeKind.MINOR, "", Map.of());
        }

        public List<ChangeKind> changeKinds() {
            return List.of(ChangeKind.values());
        }

        public String problem(String field) {
            return problems.get(field);
        }
    }

    /** Every revision, newest first, with the two preselected for comparing (0 when there are too few). */
    public record Listing(Frame frame, Article article, List<Revisions.Entry> entries, int a, int b, ZoneId zone) {
        public String when(Instant at) {
            return Dateline.format(at, zone);
        }

        public String iso(Instant at) {
            return Dateline.iso(at, zone);
        }
    }

    /** Two revisions side by side: the changed fields, and the unchanged ones to collapse. */
    public record Comparison(Frame frame, Article article, Revisions.Entry a, Revisions.Entry b, List<WordDiff.Field> changed,
                             List<WordDiff.Field> unchanged, List<Revisions.Entry> entries, Restore restore, ZoneId zone) {
        public String when(Instant at) {
            return Dateline.format(at, zone);
        }

        public String iso(Instant at) {
            return Dateline.iso(at, zone);
        }
    }

    /** One revision's content, and the number of the latest revision to compare it with. */
    public record One(Frame frame, Article article, Revisions.Full revision, int latest, Restore restore, ZoneId zone) {
        public String when(Instant at) {
            return Dateline.format(at, zone);
        }

        public String iso(Instant at) {
            return Dateline.iso(at, zone);
        }

        /** Every field, labelled and escaped as in a comparison. */
        public List<WordDiff.Field> fields() {
            return WordDiff.fields(revision.snapshot(), revision.snapshot());
        }
    }
}
