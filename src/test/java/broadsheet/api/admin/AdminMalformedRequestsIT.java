package broadsheet.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.shared.StaffRole;
import broadsheet.section.SectionStore;
import broadsheet.testing.RawHttp;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests to the Admin API that are broken on the wire or in their JSON: each is a 400 or 422 problem that
 * says what is wrong, never a 500, and nothing of it is stored.
 */
@ExtendWith(TestDatabase.class)
class AdminMalformedRequestsIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    /** An editor's token, and the section its articles go to. */
    private static AdminApiClient editor() {
        TestDatabase.jdbi().useHandle(h -> SectionStore.ensure(h, "world-news", "World news", ""));
        return AdminApiClient.withRole(app, StaffRole.EDITOR);
    }

    @Test
    void aMalformedChunkIsABadRequest() {
        var editor = editor();
        RawHttp.Answer answer = RawHttp.exchange(app, "POST /api/admin/v1/articles HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + editor.token() + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.text()).contains("could not be read").doesNotContain("Exception", "Jetty");
        assertThat(TestDatabase.rowCounts().get("articles")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u0000", "\\ud800", "\\udc00", "a\\ud800b"})
    void textThatCannotBeStoredIsRefusedByField(String character) {
        var editor = editor();
        String json = "{\"headline\": \"Harbour " + character + " talks\", \"section\": \"world-news\", \"bylines\": [\"Our Staff\"], "
                + "\"topics\": [\"Harbours\", \"Trade " + character + "\"], \"leadImage\": null, \"body\": \"Text.\"}";

        var r = editor.send("POST", "/articles", "application/json", json.getBytes(StandardCharsets.UTF_8));

        assertThat(r.status()).as(r.text()).isEqualTo(422);
        JsonNode errors = r.json().get("errors");
        assertThat(errors.has("headline")).isTrue();
        assertThat(errors.has("topics")).isTrue();
        assertThat(errors.get("headline").asText()).contains("cannot be stored");
        assertThat(TestDatabase.rowCounts().get("articles")).isZero();
    }

    @Test
    void textThatCannotBeStoredIsRefusedInAReplacementToo() {
        var editor = editor();
        long id = editor.created("Harbour talks").get("id").asLong();
        String json = "{\"version\": 1, \"headline\": \"Harbour talks\", \"section\": \"world-news\", \"bylines\": [\"Our\\u0000 Staff\"], "
                + "\"body\": \"Text \\ud83d.\"}";

        var r = editor.send("PUT", "/articles/" + id, "application/json", json.getBytes(StandardCharsets.UTF_8));

        assertThat(r.status()).as(r.text()).isEqualTo(422);
        assertThat(r.json().get("errors").has("bylines")).isTrue();
        assertThat(r.json().get("errors").has("body")).isTrue();
    }

    @Test
    void aPairedSurrogateIsJustACharacter() {
        var editor = editor();
        String json = "{\"headline\": \"Harbour talks \\ud83d\\udea2\", \"section\": \"world-news\", \"bylines\": [\"Our Staff\"], \"body\": \"Text.\"}";

        var r = editor.send("POST", "/articles", "application/json", json.getBytes(StandardCharsets.UTF_8));

        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.json().get("headline").asText()).isEqualTo("Harbour talks \uD83D\uDEA2");
    }

    @Test
    void aMemberSentTwiceIsRefusedByName() {
        var editor = editor();
        String json = "{\"headline\": \"First\", \"section\": \"world-news\", \"bylines\": [\"Our Staff\"], \"body\": \"Text.\", \"headline\": \"Second\"}";

        var r = editor.send("POST", "/articles", "application/json", json.getBytes(StandardCharsets.UTF_8));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asText()).contains("\"headline\"", "more than once");
        assertThat(TestDatabase.rowCounts().get("articles")).isZero();
    }

    @Test
    void aNestedMemberSentTwiceIsRefusedByItsPath() {
        var editor = editor();
        long id = editor.created("Harbour talks").get("id").asLong();
        String json = "{\"version\": 1, \"headline\": \"Harbour talks\", \"section\": \"world-news\", \"leadImage\": {\"id\": 1, \"id\": 2}}";

        var r = editor.send("PUT", "/articles/" + id, "application/json", json.getBytes(StandardCharsets.UTF_8));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asText()).contains("\"leadImage.id\"");
    }

    @Test
    void aWorkflowRequestWithAMemberSentTwiceIsRefused() {
        var editor = editor();
        long id = editor.created("Harbour talks").get("id").asLong();

        var r = editor.send("POST", "/articles/" + id + "/schedule", "application/json",
                "{\"version\": 1, \"at\": \"2030-01-01T07:00:00Z\", \"at\": \"2020-01-01T07:00:00Z\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asText()).contains("\"at\"");
    }

    @Test
    void aMultipartUploadWithoutABoundaryIsABadRequest() {
        var editor = editor();
        var r = editor.send("POST", "/images", "multipart/form-data", "--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc\r\n--x--\r\n"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.text()).contains("could not be read").doesNotContain("Exception");
        assertThat(TestDatabase.rowCounts().get("images")).isZero();
    }

    @Test
    void anUnterminatedMultipartUploadIsABadRequest() {
        var editor = editor();
        var r = editor.send("POST", "/images", "multipart/form-data; boundary=x",
                "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n\u00ff\u00d8\u00ff"
                        .getBytes(StandardCharsets.ISO_8859_1));

        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(TestDatabase.rowCounts().get("images")).isZero();
    }
}
