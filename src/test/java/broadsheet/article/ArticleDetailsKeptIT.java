package broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.Config;
import broadsheet.comment.CommentNotices;
import broadsheet.content.AccessLevel;
import broadsheet.content.CommentPolicy;
import broadsheet.testing.Html;
import broadsheet.testing.Newsroom;
import broadsheet.testing.Readers;
import broadsheet.testing.Statements;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import broadsheet.testing.ThreadsFixtures;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A subscriber's article page is private, so the page cache never holds it. With the page cache on (as in production)
 * the article itself, the same for every reader, is read once per change rather than on every view: a content change
 * announced on the change feed shows on the next view, and so does a change to its thread (its comment count).
 */
@ExtendWith(TestDatabase.class)
class ArticleDetailsKeptIT {
    @RegisterExtension
    static final TestApp app = new TestApp().with(Config.PAGE_CACHE_MB.key(), "16");

    private static Document page(Newsroom.Client reader, String path) {
        var response = reader.get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).get().asString().contains("private");
        return Html.parse(response);
    }

    @Test
    void aSubscribersArticleIsReadOncePerChange() {
        long article = ThreadsFixtures.article(app, "kept", CommentPolicy.OPEN, AccessLevel.PREMIUM);
        String path = ThreadsFixtures.path(article);
        long writer = Readers.reader("writer@example.com", "Writer", true);
        ThreadsFixtures.comment(article, writer, "A first comment", TestApp.NOW.minusSeconds(60));
        app.app().contentChanged();
        Newsroom.Client subscriber = Readers.signedIn(app, "kept@example.com", "Kim Subscriber");
        ThreadsFixtures.subscriber(ThreadsFixtures.readerId("kept@example.com"));

        assertThat(page(subscriber, path).select("h1").text()).isEqualTo("Story kept");
        List<String> again = Statements.of(() -> subscriber.get(path));
        // as ArticleRoundTripsIT's subscriber (the page cache off) counts them, less the article's own statement
        assertThat(again).as(String.join("\n", again)).hasSize(6);

        TestDatabase.jdbi().useHandle(h -> h.execute("UPDATE articles SET headline = 'Story kept, retitled' WHERE id = " + article));
        assertThat(page(subscriber, path).select("h1").text()).as("kept until a change is announced").isEqualTo("Story kept");
        app.app().contentChanged();
        assertThat(page(subscriber, path).select("h1").text()).isEqualTo("Story kept, retitled");

        assertThat(page(subscriber, path).select(".comment-count").text()).isEqualTo("1 comment");
        ThreadsFixtures.comment(article, writer, "A second comment", TestApp.NOW.minusSeconds(30));
        // the thread's notice, as another instance sends it when a comment is approved there
        TestDatabase.jdbi().useHandle(h -> CommentNotices.announce(h, article));
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!page(subscriber, path).select(".comment-count").text().equals("2 comments")) {
            assertThat(System.nanoTime()).as("the thread's notice empties the kept article").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
