package broadsheet.editing;

import broadsheet.article.Status;
import broadsheet.media.Picture;
import broadsheet.newsroom.Frame;
import broadsheet.content.Section;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the editor template needs: the form's values, the article's state, what the person may do, and
 * any problems to show beside the fields.
 *
 * @param id        the article, or null for a new one
 * @param autosaved the time of newer unsaved text kept for this person, or null
 */
public record EditorView(Frame frame, Long id, int version, Snapshot form, Status status, String publicUrl,
                         Instant firstPublished, Instant scheduledAt, List<Section> sections, Set<Workflow.Action> allowed,
                         Map<String, String> problems, String notice, ChangeKind change, String note, Picture leadPicture,
                         Instant autosaved, ZoneId zone) {

    public boolean isNew() {
        return id == null;
    }

    public boolean published() {
        return status == Status.PUBLISHED;
    }

    public boolean may(String action) {
        return allowed.contains(Workflow.Action.valueOf(action));
    }

    public String problem(String field) {
        return problems.get(field);
    }

    /** The form's action for a button: the article's address plus a step ("publish"), or the new-article address. */
    public String action(String step) {
        return isNew() ? "/newsroom/articles" : "/newsroom/articles/" + id + (step.isEmpty() ? "" : "/" + step);
    }

    public List<ChangeKind> changeKinds() {
        return List.of(ChangeKind.values());
    }
}
