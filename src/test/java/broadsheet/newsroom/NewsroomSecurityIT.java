package broadsheet.newsroom;

import static broadsheet.testing.Desk.count;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.shared.StaffRole;
import broadsheet.article.Article;
import broadsheet.article.Status;
import broadsheet.testing.Desk;
import broadsheet.testing.Newsroom;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The newsroom's forms over the real server: the workflow buttons refuse a contributor, forms without
 * their CSRF token save nothing (and save with it), drafts' previews stay private, and newsroom error
 * answers are not stored. NewsroomRoutesIT runs the same refusals over every route; this class follows
 * them through to what the database holds. Sign-in and sessions are in SessionsIT.
 */
@ExtendWith(TestDatabase.class)
class NewsroomSecurityIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    @BeforeEach
    void sections() {
        Desk.section("world-news", "World news");
    }

    private static Map<String, String> form(String headline, Integer version) {
        Map<String, String> f = new LinkedHashMap<>(NewsroomRoutesIT.form(version));
        f.put("headline", headline);
        f.put("change", "minor");
        f.put("bylines", "");
        return f;
    }

    private static long create(Newsroom.Client who, String headline) {
        var r = who.submit("/newsroom/articles/new", "/newsroom/articles", form(headline, null));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        return Long.parseLong(r.headers().firstValue("Location").orElseThrow().replaceAll("^/newsroom/articles/(\\d+).*$", "$1"));
    }

    private static String editorPage(long id) {
        return "/newsroom/articles/" + id;
    }

    @Test
    void aContributorCannotPublishScheduleOrUnpublishEvenTheirOwnDraft() {
        var connie = Newsroom.signedIn(app, StaffRole.CONTRIBUTOR);
        long id = create(connie, "Connie's scoop");
        Article before = Desk.article(id);
        String page = connie.get(editorPage(id)).body();
        assertThat(page).contains("Submit for review").doesNotContain("Publish now", ">Schedule<", ">Unpublish<");

        for (String move : List.of("publish", "schedule", "unpublish")) {
            var r = connie.submit(editorPage(id), editorPage(id) + "/" + move, form("Connie's scoop, changed", 1));
            assertThat(r.statusCode()).as(move).isEqualTo(403);
        }

        assertThat(Desk.article(id)).isEqualTo(before);
        assertThat(count("SELECT count(*) FROM article_revisions WHERE article_id = ?", id)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_log WHERE action LIKE 'article %'")).isZero();
    }

    @Test
    void creatingWithoutTheTokenSavesNothingAndWithItSaves() {
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);

        var refused = editor.post("/newsroom/articles", form("No token", null));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(count("SELECT count(*) FROM articles")).isZero();

        create(editor, "With token");
        assertThat(count("SELECT count(*) FROM articles")).isEqualTo(1);
    }

    @Test
    void savingWithoutTheTokenSavesNothingAndWithItSaves() {
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);
        long id = create(editor, "Original headline");
        Article before = Desk.article(id);

        var refused = editor.post(editorPage(id) + "/save", form("Forged headline", 1));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(Desk.article(id)).isEqualTo(before);

        var saved = editor.submit(editorPage(id), editorPage(id) + "/save", form("Edited headline", 1));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(Desk.article(id).headline()).isEqualTo("Edited headline");
    }

    @Test
    void publishingWithoutTheTokenPublishesNothingAndWithItPublishes() {
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);
        long id = create(editor, "Harbour vote");

        assertThat(editor.post(editorPage(id) + "/publish", form("Harbour vote", 1)).statusCode()).isEqualTo(403);
        assertThat(Desk.article(id).status()).isEqualTo(Status.DRAFT);

        var published = editor.submit(editorPage(id), editorPage(id) + "/publish", form("Harbour vote", 1));
        assertThat(published.statusCode()).isEqualTo(303);
        assertThat(Desk.article(id).status()).isEqualTo(Status.PUBLISHED);
        assertThat(app.get(Desk.article(id).path()).statusCode()).isEqualTo(200);
    }

    @Test
    void signingOutWithoutTheTokenKeepsTheSession() {
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);

        assertThat(editor.post("/newsroom/logout", Map.of()).statusCode()).isEqualTo(403);
        assertThat(editor.get("/newsroom/").statusCode()).isEqualTo(200);
        assertThat(count("SELECT count(*) FROM sessions")).isEqualTo(1);
    }

    @Test
    void aDraftsPreviewIsForItsWritersAndEditorsOnly() {
        var connie = Newsroom.signedIn(app, StaffRole.CONTRIBUTOR);
        long id = create(connie, "Secret harbour draft");
        Newsroom.staff(StaffRole.CONTRIBUTOR, "colin@test.example", "Colin Contributor");
        var colin = Newsroom.signIn(app, "colin@test.example", Newsroom.PASSWORD);
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);
        String preview = editorPage(id) + "/preview";

        var anonymous = app.get(preview);
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(anonymous.body()).doesNotContain("Secret harbour draft");
        var other = colin.get(preview);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).doesNotContain("Secret harbour draft");

        for (var allowed : List.of(connie, editor)) {
            var r = allowed.get(preview);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("Secret harbour draft", "noindex");
            assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        }
    }

    @Test
    void newsroomErrorAnswersAreNotStored() {
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);
        var connie = Newsroom.signedIn(app, StaffRole.CONTRIBUTOR);
        long id = create(editor, "Editor's draft");

        var missing = editor.get("/newsroom/articles/999999");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Cache-Control")).contains("no-store");
        var refused = connie.get(editorPage(id));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(app.get("/no-such-section/2025/12/07/nothing/").headers().firstValue("Cache-Control"))
                .as("public pages' 404s may still be cached briefly").hasValueSatisfying(v -> assertThat(v).startsWith("public"));
    }
}
