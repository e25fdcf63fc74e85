package broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.content.CommentPolicy;
import broadsheet.testing.Html;
import broadsheet.testing.Readers;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import broadsheet.testing.ThreadsFixtures;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A thread of 5,000 comments opens as a thread of five does: the first page renders at most 50 comments with a bounded
 * number of SQL statements, "show more" walks on through the indexes without repeating a comment, and the plans of the
 * page queries are index scans, never a sort of the whole thread.
 */
@ExtendWith(TestDatabase.class)
class LargeThreadIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    /** The statements the server runs while {@code request} runs (the scheduled jobs' aside). */
    private static List<String> statements(Supplier<?> request) {
        List<String> seen = new CopyOnWriteArrayList<>();
        var config = TestDatabase.jdbi().getConfig(SqlStatements.class);
        config.setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                if (!Thread.currentThread().getName().equals("newsroom-jobs")) seen.add(context.getRenderedSql());
            }
        });
        try {
            request.get();
        } finally {
            config.setSqlLogger(SqlLogger.NOP_SQL_LOGGER);
        }
        return seen;
    }

    @Test
    void theFirstPageOfFiveThousandCommentsIsSmallAndCheap() {
        long article = ThreadsFixtures.article(app, "huge", CommentPolicy.OPEN);
        long ann = Readers.reader("ann@example.com", "Ann", true);
        ThreadsFixtures.bulk(article, ann, 2500, 1, TestApp.NOW.minusSeconds(60));
        assertThat(ThreadsFixtures.count("SELECT count(*) FROM comments")).isEqualTo(5000);
        String path = ThreadsFixtures.path(article);

        List<Document> page = new ArrayList<>();
        List<String> sql = statements(() -> page.add(Html.parse(app.get(path))));
        Document doc = page.get(0);
        assertThat(doc.select(".comment-count a").text()).isEqualTo("5000 comments");
        assertThat(doc.select("li.comment").size()).isBetween(20, CommentStore.MOST_PER_PAGE);
        assertThat(sql).as(String.join("\n---\n", sql)).hasSizeLessThanOrEqualTo(14);
        assertThat(sql.stream().filter(s -> s.contains("FROM comments"))).hasSizeLessThanOrEqualTo(3);
        assertThat(sql).noneMatch(s -> s.contains("OFFSET")).noneMatch(s -> s.matches("(?s).*count\\(\\*\\).*comments.*"));

        // show more, all the way through in every order: no comment twice, none missed, each page as small
        for (ThreadSort sort : ThreadSort.values()) {
            Set<String> seen = new HashSet<>();
            String next = "/comments/" + article + "?sort=" + sort.word();
            int pages = 0;
            while (next != null && pages < 200) {
                Document d = Html.parse(app.get(next));
                for (var li : d.select("ol.comment-list > li.comment")) assertThat(seen.add(li.id())).as(sort + " " + li.id()).isTrue();
                assertThat(d.select("li.comment").size()).isLessThanOrEqualTo(CommentStore.MOST_PER_PAGE);
                var more = d.select("a[data-more]");
                next = more.isEmpty() ? null : more.attr("href").replace(TestApp.BASE_URL, "");
                pages++;
            }
            assertThat(seen).as(sort.word()).hasSize(2500);
        }
        // a page further on costs the same
        String third = Html.parse(app.get("/comments/" + article)).select("a[data-more]").attr("href").replace(TestApp.BASE_URL, "");
        List<String> later = statements(() -> app.get(third));
        assertThat(later.stream().filter(s -> s.contains("FROM comments"))).hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void thePageQueriesReadTheIndexes() throws SQLException {
        long article = ThreadsFixtures.article(app, "plans", CommentPolicy.OPEN);
        long ann = Readers.reader("ann@example.com", "Ann", true);
        ThreadsFixtures.bulk(article, ann, 2500, 1, TestApp.NOW.minusSeconds(60));
        TestDatabase.jdbi().useHandle(h -> h.execute("UPDATE comments SET featured_at = created_at WHERE id % 50 = 0 AND parent_id IS NULL"));
        TestDatabase.jdbi().useHandle(h -> h.execute("ANALYZE comments"));
        record Case(ThreadSort sort, boolean picks, String index) {}
        for (Case c : List.of(new Case(ThreadSort.NEWEST, false, "comments_top_by_time"), new Case(ThreadSort.OLDEST, false, "comments_top_by_time"),
                new Case(ThreadSort.RECOMMENDED, false, "comments_top_by_votes"), new Case(ThreadSort.PICKS, true, "comments_top_picks"))) {
            for (boolean after : new boolean[] {false, true}) {
                List<String> lines = TestDatabase.jdbi().withHandle(h -> h.createQuery("EXPLAIN (COSTS OFF) " + CommentStore.topQuery(c.sort(), after, c.picks()))
                        .bind("article", article).bind("key", c.sort() == ThreadSort.RECOMMENDED ? (Object) 50 : TestApp.NOW.minusSeconds(3000))
                        .bind("id", 1000L).bind("limit", 21).mapTo(String.class).list());
                String plan = String.join("\n", lines);
                assertThat(plan).as(c + " after=" + after + "\n" + plan).contains(c.index()).doesNotContain("Seq Scan on comments c")
                        .doesNotContainPattern("(?m)^\\s*(->\\s*)?Sort\\b");
            }
        }
    }
}
