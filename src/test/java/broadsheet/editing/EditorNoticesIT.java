package broadsheet.editing;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.Desk;
import broadsheet.shared.StaffRole;
import broadsheet.article.ArticleStore;
import broadsheet.article.Status;
import broadsheet.testing.Newsroom;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the editor page tells its reader beyond the form: an overdue schedule, and the conflict screen's choices. */
@ExtendWith(TestDatabase.class)
class EditorNoticesIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    @Test
    void aScheduledArticleThatMissedItsTimeSaysSo() {
        Desk.section("world-news", "World news");
        Editor edna = Desk.person(StaffRole.EDITOR, "Edna Editor");
        var editing = new ArticleEditing(TestDatabase.jdbi(), Desk.LONDON);
        long id = ((ArticleEditing.Result.Saved) editing.create(edna, Desk.draft("Late story"), TestApp.NOW.minusSeconds(7200))).id();
        TestDatabase.jdbi().useHandle(h -> ArticleStore.setStatus(h, id, 1, Status.SCHEDULED, null, null,
                TestApp.NOW.minus(Duration.ofMinutes(30)), TestApp.NOW.minusSeconds(7200)));
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);

        String page = editor.get("/newsroom/articles/" + id).body();

        assertThat(page).contains("was due at 7 December 2025 2:30pm GMT but has not been published");
        assertThat(page).contains("Cancel the schedule");
    }

    @Test
    void theConflictScreenOfAPublishedArticleAsksWhatKindOfChangeItIs() {
        Desk.section("world-news", "World news");
        Editor edna = Desk.person(StaffRole.EDITOR, "Edna Editor");
        var editing = new ArticleEditing(TestDatabase.jdbi(), Desk.LONDON);
        var publishing = new Publishing(TestDatabase.jdbi(), Desk.LONDON);
        long id = ((ArticleEditing.Result.Saved) editing.create(edna, Desk.draft("Harbour talks"), TestApp.NOW.minusSeconds(7200))).id();
        publishing.publish(edna, id, 1, TestApp.NOW.minusSeconds(3600));
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);
        String form = editor.get("/newsroom/articles/" + id).body();
        Map<String, String> stale = new LinkedHashMap<>();
        stale.put("_csrf", Newsroom.csrf(form));
        stale.put("version", "1");
        stale.put("headline", "Harbour talks, my version");
        stale.put("section", "world-news");
        stale.put("body", "Mine.");
        stale.put("change", "correction");
        stale.put("note", "A name was misspelt.");

        var r = editor.post("/newsroom/articles/" + id + "/save", stale);

        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.body()).contains("What kind of change is this?", "value=\"correction\" checked", "A name was misspelt.");
    }
}
