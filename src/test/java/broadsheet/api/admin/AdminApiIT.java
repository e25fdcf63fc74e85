package broadsheet.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.account.ApiTokens;
import broadsheet.shared.AuditLog;
import broadsheet.shared.StaffRole;
import broadsheet.section.SectionStore;
import broadsheet.testing.Fixtures;
import broadsheet.testing.Newsroom;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import broadsheet.shared.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(TestDatabase.class)
class AdminApiIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    private AdminApiClient editor;

    @BeforeEach
    void sections() {
        TestDatabase.jdbi().useHandle(h -> SectionStore.ensure(h, "world-news", "World news", ""));
        editor = AdminApiClient.withRole(app, StaffRole.EDITOR);
    }

    @Test
    void withoutATokenTheAnswerIs401ProblemWithWwwAuthenticate() {
        var r = new AdminApiClient(app, null).get("/articles");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.get("status").asInt()).isEqualTo(401);
        assertThat(p.get("type").asText()).isEqualTo("about:blank");
        assertThat(p.get("title").asText()).isNotBlank();
        assertThat(p.get("detail").asText()).contains("Bearer bs_");
        assertThat(r.text()).doesNotContain("Exception", "at broadsheet.");
        assertThat(new AdminApiClient(app, "bs_not-a-real-token").get("/articles").status()).isEqualTo(401);
    }

    @Test
    void aRevokedTokenIsRefused() {
        var tokens = new ApiTokens(TestDatabase.jdbi());
        var issued = tokens.issue(AuditLog.Actor.system("test"), "Old bridge", StaffRole.EDITOR, TestApp.NOW);
        var client = new AdminApiClient(app, issued.value());
        assertThat(client.get("/articles").status()).isEqualTo(200);

        tokens.revoke(AuditLog.Actor.system("test"), issued.token().id(), TestApp.NOW);
        var r = client.get("/articles");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void aNewsroomSessionCookieAloneCannotUseTheApi() {
        var person = Newsroom.signedIn(app, StaffRole.ADMIN);
        String cookie = "bs_session=" + person.cookie("bs_session");
        var anonymous = new AdminApiClient(app, null);
        assertThat(anonymous.send("GET", "/articles", null, null, "Cookie", cookie).status()).isEqualTo(401);
        var post = anonymous.send("POST", "/articles", "application/json", Json.bytes(AdminApiClient.draft("Cookie draft")), "Cookie", cookie);
        assertThat(post.status()).isEqualTo(401);
        assertThat(TestDatabase.rowCounts().get("articles")).isZero();
    }

    @Test
    void aContributorTokenCannotPublishAndNothingChanges() {
        long id = editor.created("Editors only").get("id").asLong();
        var before = TestDatabase.rowCounts();
        var contributor = AdminApiClient.withRole(app, StaffRole.CONTRIBUTOR);

        var r = contributor.post("/articles/" + id + "/publish", Map.of("version", 1));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asText()).contains("editor");

        JsonNode a = editor.get("/articles/" + id).json();
        assertThat(a.get("status").asText()).isEqualTo("draft");
        assertThat(a.get("version").asInt()).isEqualTo(1);
        var after = TestDatabase.rowCounts();
        assertThat(after.get("article_revisions")).isEqualTo(before.get("article_revisions"));
        assertThat(after.get("audit_log")).isEqualTo(before.get("audit_log"));
    }

    @Test
    void publishingPutsTheArticleAtItsAddressAndUnpublishingMakesItGone() {
        long id = editor.created("Harbour strategy agreed").get("id").asLong();
        var published = editor.post("/articles/" + id + "/publish", Map.of("version", 1));
        assertThat(published.status()).as(published.text()).isEqualTo(200);
        JsonNode a = published.json();
        assertThat(a.get("status").asText()).isEqualTo("published");
        String path = "/world-news/2025/12/07/harbour-strategy-agreed/";
        assertThat(a.get("url").asText()).isEqualTo(TestApp.BASE_URL + path);
        assertThat(a.get("firstPublished").asText()).isEqualTo("2025-12-07T15:00:00Z");

        var page = app.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Harbour strategy agreed");
        assertThat(auditActions()).contains("article published by API token: editor bridge");

        var again = editor.post("/articles/" + id + "/publish", Map.of("version", a.get("version").asInt()));
        assertThat(again.status()).isEqualTo(409);

        var gone = editor.post("/articles/" + id + "/unpublish", Map.of("version", a.get("version").asInt()));
        assertThat(gone.status()).as(gone.text()).isEqualTo(200);
        assertThat(gone.json().get("status").asText()).isEqualTo("unpublished");
        assertThat(app.get(path).statusCode()).isEqualTo(410);
        assertThat(auditActions()).contains("article unpublished by API token: editor bridge");
    }

    @Test
    void schedulingNeedsATimeInTheFuture() {
        long id = editor.created("Tomorrow's news").get("id").asLong();
        var past = editor.post("/articles/" + id + "/schedule", Map.of("at", "2025-12-07T14:00:00Z", "version", 1));
        assertThat(past.status()).isEqualTo(422);
        assertThat(past.json().get("detail").asText()).contains("future");
        var garbled = editor.post("/articles/" + id + "/schedule", Map.of("at", "tomorrow morning", "version", 1));
        assertThat(garbled.status()).isEqualTo(422);
        assertThat(garbled.json().get("errors").has("at")).isTrue();
        assertThat(editor.get("/articles/" + id).json().get("status").asText()).isEqualTo("draft");

        var scheduled = editor.post("/articles/" + id + "/schedule", Map.of("at", "2025-12-08T07:00:00Z", "version", 1));
        assertThat(scheduled.status()).as(scheduled.text()).isEqualTo(200);
        assertThat(scheduled.json().get("status").asText()).isEqualTo("scheduled");
        assertThat(scheduled.json().get("scheduledAt").asText()).isEqualTo("2025-12-08T07:00:00Z");
        assertThat(auditActions()).contains("article scheduled by API token: editor bridge");
    }

    @Test
    void aRealJpegIsAddedToTheLibrary() {
        byte[] jpeg = Fixtures.jpeg(1200, 800, Color.BLUE, Color.ORANGE);
        var r = editor.send("POST", "/images?caption=Cranes%20at%20dawn&credit=Staff&alt=Two%20cranes", "image/jpeg", jpeg);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        JsonNode p = r.json();
        assertThat(p.get("width").asInt()).isEqualTo(1200);
        assertThat(p.get("height").asInt()).isEqualTo(800);
        assertThat(p.get("caption").asText()).isEqualTo("Cranes at dawn");
        assertThat(p.get("renditions").size()).isGreaterThan(1);
        assertThat(p.get("renditions").get(0).get("url").asText()).startsWith(TestApp.BASE_URL + "/media/");
        assertThat(auditActions()).contains("picture uploaded by API token: editor bridge");

        Map<String, Object> withPicture = new HashMap<>(AdminApiClient.draft("With a picture"));
        withPicture.put("leadImage", Map.of("id", p.get("id").asLong(), "caption", "Our caption"));
        withPicture.put("body", "Text.\n\n![Cranes](image:" + p.get("id").asLong() + ")");
        var article = editor.post("/articles", withPicture);
        assertThat(article.status()).as(article.text()).isEqualTo(201);
        assertThat(article.json().get("leadImage").get("caption").asText()).isEqualTo("Our caption");
    }

    @Test
    void aMultipartUploadIsTakenToo() throws Exception {
        byte[] jpeg = Fixtures.jpeg(640, 480, Color.GREEN, Color.WHITE);
        String boundary = "----broadsheet-test";
        var out = new ByteArrayOutputStream();
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"credit\"\r\n\r\nAgency\r\n").getBytes());
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"quay.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes());
        out.write(jpeg);
        out.write(("\r\n--" + boundary + "--\r\n").getBytes());
        var r = editor.send("POST", "/images", "multipart/form-data; boundary=" + boundary, out.toByteArray());
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.json().get("credit").asText()).isEqualTo("Agency");
    }

    @Test
    void junkIsRefusedAndLeavesNothingBehind() throws Exception {
        var media = app.app().config().mediaDir();
        List<Path> before = filesIn(media);
        var r = editor.send("POST", "/images", "image/jpeg", "this is not a picture at all".getBytes());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asText()).contains("not a JPEG, PNG, GIF or WebP picture");
        byte[] cut = Arrays.copyOf(Fixtures.jpeg(800, 600, Color.RED, Color.BLACK), 600);
        assertThat(editor.send("POST", "/images", "image/jpeg", cut).status()).isEqualTo(400);
        assertThat(editor.send("POST", "/images", "text/plain", "hello".getBytes()).status()).isEqualTo(415);
        assertThat(TestDatabase.rowCounts().get("images")).isZero();
        assertThat(filesIn(media)).isEqualTo(before);
    }

    private static List<Path> filesIn(Path folder) throws IOException {
        if (!Files.exists(folder)) return List.of();
        try (var files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void theOpenApiDocumentIsPublicAndCacheable() {
        var r = app.get("/api/admin/v1/openapi.json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(r.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).startsWith("public"));
        assertThat(r.headers().firstValue("ETag")).isPresent();
        assertThat(r.body()).contains("\"openapi\": \"3.1.0\"");
    }

    private static List<String> auditActions() {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT action || ' by ' || actor FROM audit_log ORDER BY id")
                .mapTo(String.class).list());
    }
}
