package broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.Config;
import broadsheet.content.CommentPolicy;
import broadsheet.testing.Html;
import broadsheet.testing.Newsroom;
import broadsheet.testing.Readers;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import broadsheet.testing.ThreadsFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The threads in the Content API (a paged thread, the counts of many articles), and the page cache: a thread's change
 * empties that article's cached pages, on this instance at once and on others through the change feed, and no others.
 */
@ExtendWith(TestDatabase.class)
class CommentApiIT {
    @RegisterExtension
    static final TestApp app = new TestApp().with(Config.PAGE_CACHE_MB.key(), "16");

    @Test
    void theThreadPageByPage() {
        long article = ThreadsFixtures.article(app, "api", CommentPolicy.OPEN);
        long ann = Readers.reader("ann@example.com", "Ann", true);
        ThreadsFixtures.trusted(ann, 10);
        ThreadsFixtures.bulk(article, ann, 30, 4, TestApp.NOW.minusSeconds(60));
        HttpResponse<String> r = app.get("/api/v1/articles/" + article + "/comments?sort=oldest");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control").orElseThrow()).startsWith("public");
        JsonNode first = Html.json(r.body());
        assertThat(first.path("count").asInt()).isEqualTo(150);
        assertThat(first.path("state").asText()).isEqualTo("open");
        assertThat(first.path("items")).hasSize(CommentStore.TOP_PER_PAGE);
        assertThat(first.at("/items/0/body").asText()).isEqualTo("Comment number 30");
        assertThat(first.at("/items/0/moreReplies").asBoolean()).isTrue();
        String next = first.path("next").asText().replace(TestApp.BASE_URL, "");
        JsonNode second = Html.json(app.get(next).body());
        assertThat(second.path("items")).hasSize(10);
        assertThat(second.has("next")).isFalse();
        for (String bad : new String[] {"?sort=loud", "?cursor=zzz", "?limit=5", "?sort=newest&cursor=" + first.path("nextCursor").asText()}) {
            HttpResponse<String> refused = app.get("/api/v1/articles/" + article + "/comments" + bad);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        }
        assertThat(app.get("/api/v1/articles/x/comments").statusCode()).isEqualTo(400);
        assertThat(app.get("/api/v1/articles/99999/comments").statusCode()).isEqualTo(404);
    }

    @Test
    void theCountsOfManyArticlesInOneCall() {
        long a = ThreadsFixtures.article(app, "a", CommentPolicy.OPEN);
        long b = ThreadsFixtures.article(app, "b", CommentPolicy.OFF);
        ThreadsFixtures.comment(a, null, "One", TestApp.NOW.minusSeconds(9));
        ThreadsFixtures.comment(a, null, "Two", TestApp.NOW.minusSeconds(8));
        JsonNode counts = Html.json(app.get("/api/v1/comment-counts?articles=" + a + "," + b + ",999").body());
        assertThat(counts.path("items")).hasSize(2);
        assertThat(counts.at("/items/0/count").asInt()).isEqualTo(2);
        assertThat(counts.at("/items/1/state").asText()).isEqualTo("off");
        String hundred = LongStream.rangeClosed(1, 100).mapToObj(Long::toString).collect(Collectors.joining(","));
        assertThat(app.get("/api/v1/comment-counts?articles=" + hundred).statusCode()).isEqualTo(200);
        for (String bad : new String[] {"", "?articles=", "?articles=1,x", "?articles=1,,2", "?articles=" + hundred + ",101", "?articles=-1"}) {
            HttpResponse<String> refused = app.get("/api/v1/comment-counts" + bad);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        }
    }

    @Test
    void aThreadsChangeEmptiesOnlyItsArticlesCachedPages() throws Exception {
        long a = ThreadsFixtures.article(app, "cached-a", CommentPolicy.OPEN);
        long b = ThreadsFixtures.article(app, "cached-b", CommentPolicy.OPEN);
        String pathA = ThreadsFixtures.path(a);
        String pathB = ThreadsFixtures.path(b);
        assertThat(Html.parse(app.get(pathA)).select(".comment-count a").text()).isEqualTo("Comment");
        assertThat(app.get(pathB).statusCode()).isEqualTo(200);
        assertThat(app.get("/comments/" + a).body()).contains("No comments yet");
        // a change the feed does not announce: B's cached page keeps its old headline while it stays cached
        TestDatabase.jdbi().useHandle(h -> h.execute("UPDATE articles SET headline = 'Changed behind the cache' WHERE id = " + b));

        ThreadsFixtures.settings(app, "comments_who = 'readers'");
        app.get(pathB); // the settings change emptied everything: cache B again
        TestDatabase.jdbi().useHandle(h -> h.execute("UPDATE articles SET headline = 'Changed again' WHERE id = " + b));
        assertThat(app.get(pathB).body()).doesNotContain("Changed again");
        app.get(pathA);
        app.get("/comments/" + a);

        Newsroom.Client ann = Readers.signedIn(app, "ann@example.com", "Ann");
        ThreadsFixtures.trusted("ann@example.com");
        assertThat(ann.submit(pathA, "/comments/" + a, Map.of("body", "Fresh")).statusCode()).isEqualTo(303);
        // at once on this instance
        assertThat(Html.parse(app.get(pathA)).select(".comment-count a").text()).isEqualTo("1 comment");
        assertThat(app.get("/comments/" + a).body()).contains("Fresh");
        assertThat(app.get(pathB).body()).as("B's page stays cached").doesNotContain("Changed again");

        // another instance's change arrives through the change feed
        TestDatabase.jdbi().useTransaction(h -> {
            h.execute("INSERT INTO comments (article_id, root_id, depth, author_name, body, status, created_at) "
                    + "VALUES (" + a + ", 0, 0, 'Elsewhere', 'From another instance', 'approved', now())");
            h.execute("UPDATE comments SET root_id = id WHERE root_id = 0");
            CommentNotices.announce(h, a);
        });
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!app.get(pathA).body().contains("From another instance")) {
            assertThat(System.nanoTime()).as("the change feed's notice empties A's page").isLessThan(deadline);
            Thread.onSpinWait();
        }
        assertThat(app.get(pathB).body()).doesNotContain("Changed again");
    }
}
