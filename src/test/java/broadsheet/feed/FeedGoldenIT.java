package broadsheet.feed;

import static broadsheet.testing.Fixtures.story;
import static broadsheet.testing.TestApp.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.content.AccessLevel;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole of one RSS feed and one Atom feed, from a fixed corpus at the test clock's fixed time, compared with the
 * golden files in {@code src/test/resources/broadsheet/feed/}. A change to what the feeds write shows up here as a
 * difference to read. When the change is meant, regenerate the files and read the diff before committing it:
 * {@code mvn -B -q -Dtest=FeedGoldenIT -Dsurefire.failIfNoSpecifiedTests=false -Dbroadsheet.regenerateGolden=true test}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestDatabase.PerClass.class)
class FeedGoldenIT {
    private static final Path GOLDEN = Path.of("src/test/resources/broadsheet/feed");

    @RegisterExtension
    static final TestApp app = new TestApp();

    @BeforeAll
    void storeStories() {
        app.fixtures().store(NOW,
                story("Harbour <reopens> & ferries return").section("business").topics("Ports", "Transport")
                        .bylines("Ann Writer", "Bob Reporter")
                        .body("The harbour reopened on *Monday*.\n\nFerries [return](/business/) this week.")
                        .published(NOW.minusSeconds(3600)).updated(NOW.minusSeconds(600)).build(),
                story("Premium scoop").section("politics").topics("Ports").bylines("Ann Writer").access(AccessLevel.PREMIUM)
                        .body("Secret premium paragraph.").published(NOW.minusSeconds(7200)).build());
    }

    @Test
    void theSiteRssFeedIsAsGolden() throws IOException {
        compare("/rss.xml", "site.rss.xml");
    }

    @Test
    void aTopicAtomFeedIsAsGolden() throws IOException {
        compare("/topics/ports/atom.xml", "topic.atom.xml");
    }

    private static void compare(String path, String file) throws IOException {
        var response = app.get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        Path golden = GOLDEN.resolve(file);
        if (Boolean.getBoolean("broadsheet.regenerateGolden")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, response.body(), StandardCharsets.UTF_8);
        }
        assertThat(response.body()).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
