package broadsheet.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.shared.StaffRole;
import broadsheet.testing.Desk;
import broadsheet.testing.Newsroom;
import broadsheet.testing.RawHttp;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How large a body the moderation forms take: a form's limit for the actions and an article's comment controls (not
 * the editor's, beside them), and room for both word lists at their longest on the word lists' page, and no more.
 */
@ExtendWith(TestDatabase.class)
class ModerationBodiesIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    private static int declared(String path, long length) {
        try (RawHttp http = RawHttp.open(app)) {
            http.send("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: " + length + "\r\n\r\n");
            return http.answer().status();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/newsroom/comments/bulk", "/newsroom/comments/1/approve", "/newsroom/comments/1/reject",
            "/newsroom/commenters/1/warn", "/newsroom/commenters/1/ban", "/newsroom/articles/1/comments"})
    void theActionsTakeAFormsBodyAndNoMore(String path) {
        // past the default form limit (64 KB), far below the editor's
        assertThat(declared(path, 100 * 1024)).as(path).isEqualTo(413);
        assertThat(app.get("/healthz").statusCode()).isEqualTo(200);
    }

    @Test
    void theWordListsTakeBothListsAtTheirLongestButNotMuchMore() {
        assertThat(declared("/newsroom/comments/words", 600 * 1024)).isEqualTo(413);

        var mo = Newsroom.signedIn(app, StaffRole.MODERATOR);
        // 500 entries of 60 characters outside ASCII in each list: nine bytes a character once encoded
        String list = IntStream.range(0, 500).mapToObj(i -> "\u0416".repeat(55) + String.format("%05d", i)).collect(Collectors.joining("\r\n"));
        var saved = mo.submit("/newsroom/comments/words", "/newsroom/comments/words", Map.of("banned", list, "suspect", list.replace('\u0416', '\u0436')));

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        assertThat(Desk.count("SELECT count(*) FROM comment_words")).isEqualTo(1000);
    }
}
