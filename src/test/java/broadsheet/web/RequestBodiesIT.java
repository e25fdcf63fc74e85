package broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.account.ApiTokens;
import broadsheet.shared.StaffRole;
import broadsheet.media.Uploads;
import broadsheet.section.SectionStore;
import broadsheet.testing.Fixtures;
import broadsheet.testing.Html;
import broadsheet.testing.Multipart;
import broadsheet.testing.Newsroom;
import broadsheet.testing.RawHttp;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How large a request body each address takes: small forms and JSON for everyone, room for a long article in
 * the editor and the Admin API, and the picture limit only on the upload addresses, for the staff allowed to
 * upload. A body declared larger is refused with 413 before a byte of it is read; a chunked one is cut off at
 * the limit; and the server stays up however many of them arrive at once.
 */
@ExtendWith(TestDatabase.class)
class RequestBodiesIT {
    /** The largest picture upload the default settings allow, declared by a client that never sends it. */
    private static final long PICTURE_SIZED = 20L * 1024 * 1024;

    @RegisterExtension
    static final TestApp app = new TestApp();

    @ParameterizedTest
    @ValueSource(strings = {"/newsroom/login", "/newsroom/login/code", "/newsroom/setup", "/", "/world-news/", "/nowhere/",
            "/api/v1/articles", "/api/admin/v1/articles"})
    void aBodyDeclaredLargerThanTheAddressTakesIsRefusedBeforeItIsSent(String path) {
        try (RawHttp http = RawHttp.open(app)) {
            // the head alone: the client holds the whole body back, as the attack that stopped the server did
            http.send("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: " + PICTURE_SIZED + "\r\n\r\n");

            RawHttp.Answer answer = http.answer();

            assertThat(answer.status()).as(path).isEqualTo(413);
            assertThat(answer.header("Content-Type")).as(path).startsWith(path.startsWith("/api/") ? "application/problem+json" : "text/html");
            assertThat(answer.text()).as(path).contains("too large").doesNotContain("Exception", "Jetty");
        }
        assertThat(app.get("/healthz").statusCode()).isEqualTo(200);
    }

    @Test
    void aChunkedBodyIsCutOffAtTheLimit() {
        String field = "email=" + "a".repeat(200 * 1024);
        RawHttp.Answer answer = RawHttp.exchange(app, "POST /newsroom/login HTTP/1.1\r\nHost: localhost\r\n" + formCookie()
                + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n", chunked(field));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.header("Content-Type")).startsWith("text/html");
        assertThat(answer.text()).contains("too large");
        assertThat(app.get("/healthz").statusCode()).isEqualTo(200);
    }

    /**
     * The cookie the sign-in form comes with, as a request header line: without one the form is refused (403)
     * before its body is read, and these tests are about reading it.
     */
    private static String formCookie() {
        String cookie = app.get("/newsroom/login").headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(Cookies.FORM + "=")).findFirst().orElseThrow();
        return "Cookie: " + cookie.substring(0, cookie.indexOf(';')) + "\r\n";
    }

    @Test
    void aFormSentWholePastItsLimitGetsItsAnswerEveryTime() {
        // as a browser sends a form: the whole body at once, the answer read after it; the server must not reset the
        // connection with the body unread, or the answer may be lost
        var visitor = Newsroom.anonymous(app);
        for (int i = 0; i < 400; i++) {
            // just past the account forms' limit, and longer each time
            var refused = visitor.submit("/account/signin", "/account/signin", Map.of("email", "a@test.example", "password", "x".repeat(25_000 + 97 * i)));

            assertThat(refused.statusCode()).isEqualTo(413);
            assertThat(refused.body()).contains("too large");
        }
        assertThat(visitor.get("/account/signin").statusCode()).isEqualTo(200);
    }

    @Test
    void aBodyPastTheLimitHeldBackIsAnsweredFromTheHeadAlone() {
        try (RawHttp http = RawHttp.open(app)) {
            // well within what the server reads and drops after the answer, and never sent
            http.send("POST /newsroom/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: " + 200 * 1024 + "\r\n\r\n" + "email=" + "a".repeat(1000));

            assertThat(http.answer().status()).isEqualTo(413);
        }
        assertThat(app.get("/healthz").statusCode()).isEqualTo(200);
    }

    @Test
    void aMalformedChunkIsABadRequestPage() {
        RawHttp.Answer answer = RawHttp.exchange(app, "POST /newsroom/login HTTP/1.1\r\nHost: localhost\r\n" + formCookie()
                + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("text/html");
        assertThat(answer.text()).contains("could not be read").doesNotContain("Exception", "Jetty", "error has been logged");
    }

    @Test
    void aNulInASignInFormIsABadRequest() {
        var visitor = Newsroom.anonymous(app);
        String form = visitor.get("/newsroom/login").body();

        var refused = visitor.post("/newsroom/login", Map.of("_csrf", Newsroom.csrf(form), "email", "a\u0000@test.example", "password", "x"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("NUL").doesNotContain("error has been logged");
    }

    @Test
    void aNulInTheEditorsFormIsABadRequestAndNothingIsSaved() {
        TestDatabase.jdbi().useHandle(h -> SectionStore.ensure(h, "world-news", "World news", ""));
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);

        var refused = editor.submit("/newsroom/articles/new", "/newsroom/articles", article("A paragraph with a \u0000 in it."));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("NUL").doesNotContain("error has been logged");
        assertThat(TestDatabase.rowCounts().get("articles")).isZero();
    }

    @Test
    void aChunkedAdminApiBodyPastItsLimitIsAProblem() {
        String token = token(StaffRole.EDITOR);
        String json = "{\"headline\": \"Long\", \"body\": \"" + "a".repeat(5 * 1024 * 1024) + "\"}";
        RawHttp.Answer answer = RawHttp.exchange(app, "POST /api/admin/v1/articles HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n", chunked(json));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.text()).contains("\"status\":413");
        assertThat(TestDatabase.rowCounts().get("articles")).isZero();
    }

    @Test
    void manyLargeBodiesHeldOpenAtOnceAreRefusedAndTheServerStaysUp() throws Exception {
        int connections = 40;
        List<RawHttp> open = new ArrayList<>();
        ExecutorService readers = Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < connections; i++) {
                RawHttp http = RawHttp.open(app);
                open.add(http);
                // all but the last byte, as in the report; nothing about it may be kept in memory while waiting
                http.send("POST /newsroom/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: " + PICTURE_SIZED + "\r\n\r\n" + "email=" + "a".repeat(60_000));
            }
            List<Future<Integer>> statuses = new ArrayList<>();
            for (RawHttp http : open) statuses.add(readers.submit(() -> http.answer().status()));
            for (Future<Integer> status : statuses) assertThat(status.get()).isEqualTo(413);
        } finally {
            readers.shutdownNow();
            open.forEach(RawHttp::close);
        }
        assertThat(app.get("/healthz").statusCode()).isEqualTo(200);
        assertThat(app.get("/newsroom/login").statusCode()).isEqualTo(200);
    }

    @Test
    void theUploadLimitIsOnlyForStaffAllowedToUploadWhoseAccessIsCheckedFirst() {
        try (RawHttp http = RawHttp.open(app)) {
            http.send("POST /newsroom/media HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=x\r\n"
                    + "Content-Length: " + PICTURE_SIZED + "\r\n\r\n");

            assertThat(http.answer().status()).isEqualTo(403);
        }
        try (RawHttp http = RawHttp.open(app)) {
            http.send("POST /api/admin/v1/images HTTP/1.1\r\nHost: localhost\r\nContent-Type: image/jpeg\r\n"
                    + "Content-Length: " + PICTURE_SIZED + "\r\n\r\n");

            assertThat(http.answer().status()).isEqualTo(401);
        }
        try (RawHttp http = RawHttp.open(app)) {
            // larger than any picture the library would take, even to say how much larger it is
            http.send("POST /api/admin/v1/images HTTP/1.1\r\nHost: localhost\r\nContent-Type: image/jpeg\r\n"
                    + "Authorization: Bearer " + token(StaffRole.CONTRIBUTOR) + "\r\nContent-Length: " + 100 * PICTURE_SIZED + "\r\n\r\n");

            RawHttp.Answer answer = http.answer();
            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    @Test
    void whileEveryTurnIsTakenAnUploadIsAskedToComeBackAndKeepsItsForm() {
        var contributor = Newsroom.signedIn(app, StaffRole.CONTRIBUTOR);
        byte[] jpeg = Fixtures.jpeg(400, 300, Color.BLUE, Color.WHITE);
        List<Uploads.Turn> taken = new ArrayList<>();
        try {
            for (int i = 0; i < Uploads.AT_ONCE; i++) taken.add(app.app().uploads().turn());

            var page = contributor.postMultipart("/newsroom/media", Multipart.form(Map.of("_csrf", Newsroom.csrf(contributor.get("/newsroom/media/").body()),
                    "caption", "Kept caption")).file("file", "a.jpg", "image/jpeg", jpeg));
            RawHttp.Answer api = RawHttp.exchange(app, "POST /api/admin/v1/images HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Authorization: Bearer " + token(StaffRole.CONTRIBUTOR) + "\r\nContent-Type: image/jpeg\r\nContent-Length: " + jpeg.length
                    + "\r\n\r\n", jpeg);

            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.headers().firstValue("Retry-After")).contains("5");
            assertThat(Html.parse(page).selectFirst("#file-error").text()).contains("Send this one again");
            assertThat(Html.parse(page).selectFirst("#caption").text()).isEqualTo("Kept caption");
            assertThat(api.status()).isEqualTo(503);
            assertThat(api.header("Retry-After")).isEqualTo("5");
            assertThat(api.header("Content-Type")).startsWith("application/problem+json");
            assertThat(TestDatabase.rowCounts().get("images")).isZero();
        } finally {
            taken.forEach(Uploads.Turn::close);
        }
        RawHttp.Answer again = RawHttp.exchange(app, "POST /api/admin/v1/images HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Authorization: Bearer " + token(StaffRole.CONTRIBUTOR) + "\r\nContent-Type: image/jpeg\r\nContent-Length: " + jpeg.length
                + "\r\n\r\n", jpeg);
        assertThat(again.status()).isEqualTo(201);
    }

    @Test
    void theEditorTakesAnArticleAtItsLongestEvenInAnotherScript() {
        TestDatabase.jdbi().useHandle(h -> SectionStore.ensure(h, "world-news", "World news", ""));
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);

        // 500,000 characters, each sent percent-encoded as three bytes of UTF-8: 4.5 MB of form
        var saved = editor.submit("/newsroom/articles/new", "/newsroom/articles", article("\u0416".repeat(500_000)));

        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(TestDatabase.rowCounts().get("articles")).isEqualTo(1);
    }

    @Test
    void theAdminApiTakesAnArticleAtItsLongestWithEveryCharacterEscaped() {
        TestDatabase.jdbi().useHandle(h -> SectionStore.ensure(h, "world-news", "World news", ""));
        // as Python's json.dumps writes it by default: \u0416 for every character, six bytes each
        String json = "{\"headline\": \"The longest article\", \"section\": \"world-news\", \"bylines\": [\"Our Staff\"], \"body\": \""
                + "\\u0416".repeat(500_000) + "\"}";
        RawHttp.Answer answer = RawHttp.exchange(app, "POST /api/admin/v1/articles HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Authorization: Bearer " + token(StaffRole.EDITOR) + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + json.length() + "\r\n\r\n", json.getBytes(StandardCharsets.US_ASCII));

        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
    }

    /** The editor's form for a new article in world news with this body. */
    private static Map<String, String> article(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("headline", "Harbour talks");
        form.put("section", "world-news");
        form.put("bylines", "Editor Person");
        form.put("body", body);
        return form;
    }

    private static String token(StaffRole role) {
        return TestDatabase.jdbi().inTransaction(h -> ApiTokens.create(h, role.word() + " bridge", role, null, TestApp.NOW));
    }

    /** The text as a chunked body, in chunks of 8 KB. */
    static byte[] chunked(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        for (int at = 0; at < bytes.length; at += 8192) {
            int n = Math.min(8192, bytes.length - at);
            out.append(Integer.toHexString(n)).append("\r\n").append(new String(bytes, at, n, StandardCharsets.ISO_8859_1)).append("\r\n");
        }
        return out.append("0\r\n\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
