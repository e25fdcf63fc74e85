package broadsheet.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.shared.Json;
import broadsheet.shared.StaffRole;
import broadsheet.section.SectionStore;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(TestDatabase.class)
class AdminArticlesIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    private AdminApiClient editor;

    @BeforeEach
    void sections() {
        TestDatabase.jdbi().useHandle(h -> SectionStore.ensure(h, "world-news", "World news", ""));
        editor = AdminApiClient.withRole(app, StaffRole.EDITOR);
    }

    @Test
    void aTokenCreatesADraftWithoutACsrfToken() {
        var r = editor.post("/articles", AdminApiClient.draft("Harbour vote delayed"));
        assertThat(r.status()).isEqualTo(201);
        JsonNode a = r.json();
        long id = a.get("id").asLong();
        assertThat(r.header("Location")).isEqualTo("/api/admin/v1/articles/" + id);
        assertThat(r.header("ETag")).isEqualTo("\"1\"");
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
        assertThat(a.get("version").asInt()).isEqualTo(1);
        assertThat(a.get("status").asText()).isEqualTo("draft");
        assertThat(a.get("slug").asText()).isEqualTo("harbour-vote-delayed");
        assertThat(a.get("section").asText()).isEqualTo("world-news");
        assertThat(a.get("bylines").get(0).asText()).isEqualTo("Our Foreign Staff");
        assertThat(a.get("topics")).hasSize(2);
        assertThat(a.has("url")).isFalse();

        JsonNode fetched = editor.get("/articles/" + id).json();
        assertThat(fetched.get("headline").asText()).isEqualTo("Harbour vote delayed");
        assertThat(fetched.get("standfirst").asText()).isEqualTo("Ministers meet at the quayside");
        assertThat(fetched.get("body").asText()).contains("Ministers will meet again.");
    }

    @Test
    void anInvalidArticleIs422WithOneErrorPerFieldAndNothingIsStored() {
        var r = editor.post("/articles", Map.of("headline", "", "section", "nowhere", "access", "secret", "bylines", "Jane",
                "leadImage", Map.of("id", 999), "colour", "red"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        JsonNode errors = r.json().get("errors");
        assertThat(errors.has("access")).isTrue();
        assertThat(errors.has("bylines")).isTrue();
        assertThat(errors.has("colour")).isTrue();
        assertThat(r.json().get("type").asText()).endsWith("/api/admin/v1/openapi.json#/components/schemas/ValidationProblem");

        var service = editor.post("/articles", Map.of("headline", "", "section", "nowhere", "leadImage", Map.of("id", 999)));
        assertThat(service.status()).isEqualTo(422);
        assertThat(service.json().get("errors").get("headline").asText()).isEqualTo("Every article needs a headline.");
        assertThat(service.json().get("errors").get("section").asText()).contains("nowhere");
        assertThat(service.json().get("errors").get("leadImage.id").asText()).contains("999");
        assertThat(TestDatabase.rowCounts().get("articles")).isZero();

        var notJson = editor.send("POST", "/articles", "application/json", "{\"headline\": ".getBytes());
        assertThat(notJson.status()).isEqualTo(400);
        var form = editor.send("POST", "/articles", "application/x-www-form-urlencoded", "headline=x".getBytes());
        assertThat(form.status()).isEqualTo(415);
    }

    @Test
    void controlCharactersInBylinesAndTopicsAndMoreThanTenBylinesAre422AndStoreNothing() {
        Map<String, Object> bell = new HashMap<>(AdminApiClient.draft("Harbour vote delayed"));
        bell.put("bylines", List.of("Bell\u0007Byline"));
        bell.put("topics", List.of("Escape\u001bTopic"));
        Map<String, Object> crowd = new HashMap<>(AdminApiClient.draft("Harbour vote delayed"));
        crowd.put("bylines", IntStream.rangeClosed(1, 10_000).mapToObj(n -> "Writer " + n).toList());

        var refused = editor.post("/articles", bell);
        var tooMany = editor.post("/articles", crowd);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").get("bylines").asText()).startsWith("Byline 1 has a control character");
        assertThat(refused.json().get("errors").get("topics").asText()).startsWith("Topic 1 has a control character");
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.json().get("errors").get("bylines").asText()).isEqualTo("An article can have at most 10 bylines; this one has 10000.");
        assertThat(TestDatabase.rowCounts()).containsEntry("articles", 0L).containsEntry("contributors", 0L).containsEntry("topics", 0L);

        long id = editor.created("Harbour vote delayed").get("id").asLong();
        Map<String, Object> replaced = new HashMap<>(bell);
        replaced.put("version", 1);
        var put = editor.put("/articles/" + id, replaced);
        assertThat(put.status()).isEqualTo(422);
        assertThat(put.json().get("errors").has("bylines")).isTrue();
    }

    @Test
    void aStaleVersionIs409WithTheCurrentVersionAndSavesNothing() {
        long id = editor.created("First headline").get("id").asLong();
        Map<String, Object> first = new HashMap<>(AdminApiClient.draft("Second headline"));
        first.put("version", 1);
        var saved = editor.put("/articles/" + id, first);
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        assertThat(saved.json().get("version").asInt()).isEqualTo(2);

        Map<String, Object> stale = new HashMap<>(AdminApiClient.draft("Stale headline"));
        stale.put("version", 1);
        var conflict = editor.put("/articles/" + id, stale);
        assertThat(conflict.status()).isEqualTo(409);
        JsonNode p = conflict.json();
        assertThat(p.get("currentVersion").asInt()).isEqualTo(2);
        assertThat(p.get("current").get("headline").asText()).isEqualTo("Second headline");
        assertThat(p.get("type").asText()).endsWith("#/components/schemas/VersionConflictProblem");

        JsonNode now = editor.get("/articles/" + id).json();
        assertThat(now.get("headline").asText()).isEqualTo("Second headline");
        assertThat(now.get("version").asInt()).isEqualTo(2);
        assertThat(editor.get("/articles/" + id + "/revisions").json().get("items")).hasSize(2);
    }

    @Test
    void ifMatchCarriesTheVersionAndAMissingVersionIs428() {
        long id = editor.created("Headline").get("id").asLong();
        var missing = editor.put("/articles/" + id, AdminApiClient.draft("No version"));
        assertThat(missing.status()).isEqualTo(428);

        var r = editor.send("PUT", "/articles/" + id, "application/json", Json.bytes(AdminApiClient.draft("With If-Match")), "If-Match", "\"1\"");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.header("ETag")).isEqualTo("\"2\"");
        assertThat(editor.send("POST", "/articles/" + id + "/publish", null, null, "If-Match", "\"1\"").status()).isEqualTo(409);
    }

    @Test
    void aContributorTokenWorksOnTheDraftsItFiledAndNoOthers() {
        var contributor = AdminApiClient.withRole(app, StaffRole.CONTRIBUTOR);
        var other = AdminApiClient.withRole(app, StaffRole.CONTRIBUTOR);
        var r = contributor.post("/articles", AdminApiClient.draft("From the wire"));
        assertThat(r.status()).isEqualTo(201);
        long id = r.json().get("id").asLong();

        assertThat(contributor.get("/articles/" + id).status()).isEqualTo(200);
        assertThat(contributor.get("/articles").json().get("items")).hasSize(1);
        assertThat(other.get("/articles/" + id).status()).as("another token's draft").isEqualTo(403);
        assertThat(other.get("/articles").json().get("items")).isEmpty();
        assertThat(contributor.post("/articles/" + id + "/submit", Map.of("version", 1)).status()).isEqualTo(200);
        assertThat(contributor.post("/articles/" + id + "/publish", Map.of("version", 2)).status()).as("publishing is an editor's").isEqualTo(403);
        assertThat(editor.get("/articles").json().get("items")).hasSize(1);
    }

    @Test
    void aPublishedArticleTakesACorrectionWithItsNote() {
        long id = editor.created("Quay reopens").get("id").asLong();
        int version = editor.post("/articles/" + id + "/publish", Map.of("version", 1)).json().get("version").asInt();
        Map<String, Object> fix = new HashMap<>(AdminApiClient.draft("Quay reopens"));
        fix.put("version", version);
        fix.put("change", "correction");
        var noNote = editor.put("/articles/" + id, fix);
        assertThat(noNote.status()).isEqualTo(422);
        assertThat(noNote.json().get("errors").has("note")).isTrue();

        fix.put("note", "An earlier version gave the wrong date for the reopening.");
        var saved = editor.put("/articles/" + id, fix);
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        assertThat(app.get("/world-news/2025/12/07/quay-reopens/").body()).contains("An earlier version gave the wrong date");
    }

    @Test
    void theRevisionListGrowsWithEachSave() {
        long id = editor.created("Version one").get("id").asLong();
        for (int v = 1; v <= 2; v++) {
            Map<String, Object> next = new HashMap<>(AdminApiClient.draft("Version " + (v + 1)));
            next.put("version", v);
            assertThat(editor.put("/articles/" + id, next).status()).isEqualTo(200);
            assertThat(editor.get("/articles/" + id + "/revisions").json().get("items")).hasSize(v + 1);
        }
        JsonNode items = editor.get("/articles/" + id + "/revisions").json().get("items");
        assertThat(items.get(0).get("number").asInt()).isEqualTo(3);
        assertThat(items.get(0).get("actor").asText()).isEqualTo("API token: editor bridge");
        assertThat(items.get(2).get("kind").asText()).isEqualTo("created");

        JsonNode second = editor.get("/articles/" + id + "/revisions/2").json();
        assertThat(second.get("version").asInt()).isEqualTo(2);
        assertThat(second.get("article").get("headline").asText()).isEqualTo("Version 2");
        assertThat(editor.get("/articles/" + id + "/revisions/9").status()).isEqualTo(404);
        assertThat(editor.get("/articles/424242/revisions").status()).isEqualTo(404);
    }

    @Test
    void theListPagesWithACursorAndFiltersByStatus() {
        for (int i = 1; i <= 3; i++) editor.created("Story " + i);
        var first = editor.get("/articles?limit=2").json();
        assertThat(first.get("items")).hasSize(2);
        String cursor = first.get("nextCursor").asText();
        assertThat(first.get("next").asText()).startsWith(TestApp.BASE_URL + "/api/admin/v1/articles?limit=2&cursor=");
        var second = editor.get("/articles?limit=2&cursor=" + cursor).json();
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.has("nextCursor")).isFalse();
        assertThat(editor.get("/articles?status=published").json().get("items")).isEmpty();
        assertThat(editor.get("/articles?status=draft").json().get("items")).hasSize(3);
        assertThat(editor.get("/articles?status=lost").status()).isEqualTo(400);
        assertThat(editor.get("/articles?cursor=zzz").status()).isEqualTo(400);
        assertThat(editor.get("/articles?page=2").status()).isEqualTo(400);
    }


    @Test
    void picturesThatAreNotInTheLibraryAreRefusedNotFailed() {
        Map<String, Object> lead = new HashMap<>(AdminApiClient.draft("Missing lead picture"));
        lead.put("leadImage", Map.of("id", 999));
        var r = editor.post("/articles", lead);
        assertThat(r.status()).as(r.text()).isEqualTo(422);
        assertThat(r.json().get("errors").get("leadImage.id").asText()).isEqualTo("There is no picture 999 in the media library.");

        Map<String, Object> inline = new HashMap<>(AdminApiClient.draft("Missing inline picture"));
        inline.put("body", "Text.\n\n![Gone](image:998)");
        var i = editor.post("/articles", inline);
        assertThat(i.status()).as(i.text()).isEqualTo(422);
        assertThat(i.json().get("errors").get("body").asText()).contains("image:998");
        assertThat(TestDatabase.rowCounts().get("articles")).isZero();
    }
}
