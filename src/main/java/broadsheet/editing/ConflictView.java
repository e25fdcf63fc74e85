package broadsheet.editing;

import broadsheet.newsroom.Frame;
import broadsheet.content.Section;
import java.util.List;

/**
 * The conflict screen: someone saved the article after this person opened it. Shows both versions side
 * by side and keeps this person's text in a form, so they can save it over the newer version or copy
 * what they need; nothing they typed is lost.
 */
public record ConflictView(Frame frame, long id, int theirVersion, Snapshot theirs, Snapshot yours, List<WordDiff.Field> fields,
                           List<Section> sections, ChangeKind change, String note) {
    /** A published article's save also says what kind of change it is, as in the editor. */
    public boolean published() {
        return "published".equals(theirs.status());
    }
}
