package broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.article.ArticleQueries.Direction;
import broadsheet.article.ArticleQueries.Filter;
import broadsheet.testing.Fixtures;
import broadsheet.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every query a public listing runs (the home page, a section, a topic and a writer, first and deep pages, either
 * way) is a walk of one index in the listing's order that stops after the page: no Sort over the archive, no Seq Scan
 * on articles, and no node reading more rows than a page and a few, on 30,000 generated articles. Each is checked as
 * PostgreSQL plans it for the values given and as the generic plan a statement prepared once and run many times gets.
 */
@ExtendWith(TestDatabase.class)
class ListingQueryPlanIT {
    private static final int PAGE = ListingPages.PAGE_SIZE + 1;
    private static final Pattern ROWS = Pattern.compile("actual rows=([0-9.]+) loops=([0-9]+)");

    @Test
    void everyListingWalksAnIndexAndStopsAfterThePage() {
        TestDatabase.jdbi().useHandle(h -> {
            Fixtures.listingCorpus(h, 30_000);
            long section = h.createQuery("SELECT id FROM sections WHERE slug = 'world'").mapTo(Long.class).one();
            // the most used topic and writer, whose listings reach furthest back
            long topic = h.createQuery("SELECT topic_id FROM article_topics GROUP BY 1 ORDER BY count(*) DESC LIMIT 1").mapTo(Long.class).one();
            long writer = h.createQuery("SELECT contributor_id FROM article_bylines GROUP BY 1 ORDER BY count(*) DESC LIMIT 1").mapTo(Long.class).one();
            // a place deep in the archive, and one in the middle of a run of articles published at the same time
            String deep = h.createQuery("SELECT first_published_at || '|' || id FROM articles WHERE status = 'published' "
                    + "ORDER BY first_published_at, id LIMIT 1 OFFSET 400").mapTo(String.class).one();

            for (Filter filter : List.of(new Filter.All(), new Filter.InSection(section), new Filter.WithTopic(topic),
                    new Filter.ByContributor(writer))) {
                String index = switch (filter) {
                    case Filter.All a -> "articles_latest_idx";
                    case Filter.InSection s -> "articles_section_idx";
                    case Filter.WithTopic t -> "article_topics_listing_idx";
                    case Filter.ByContributor c -> "article_bylines_listing_idx";
                };
                long id = switch (filter) {
                    case Filter.All a -> 0;
                    case Filter.InSection s -> section;
                    case Filter.WithTopic t -> topic;
                    case Filter.ByContributor c -> writer;
                };
                checkWalk(h, filter + " first page", ArticleQueries.listSql(filter, false, Direction.OLDER, PAGE), id, null, index);
                checkWalk(h, filter + " deep page", ArticleQueries.listSql(filter, true, Direction.OLDER, PAGE), id, deep, index);
                checkWalk(h, filter + " newer page", ArticleQueries.listSql(filter, true, Direction.NEWER, PAGE), id, deep, index);
                checkWalk(h, filter + " feed and API", ArticleQueries.listAfterSql(filter, true).replace(":limit", "21"), id, deep, index);
            }
            checkWalk(h, "home: more stories", ArticleQueries.positionAfterSql(ListingPages.PAGE_SIZE), 0, null, "articles_latest_idx");
            // the sections' blocks: one short walk of the section index per section, and a sort of only those few rows
            for (List<String> plan : plans(h, ArticleQueries.latestBySectionSql(8), 0, null)) {
                assertThat(plan).as("home: sections").anySatisfy(l -> assertThat(l).containsPattern("Index (Only )?Scan using articles_section_idx"));
                assertThat(plan).as("home: sections").noneSatisfy(l -> assertThat(l).contains("Seq Scan on articles"));
                assertThat(rowsRead(plan)).as("home: sections, rows a node reads").allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(8 * 10));
            }
            // the top stories: the editors' picks read by key (never a scan of the articles for them), then the newest few
            h.execute("""
                    INSERT INTO front_page_picks (article_id, position, picked_at)
                    SELECT id, row_number() OVER (ORDER BY id), now() FROM articles WHERE status = 'published' ORDER BY id LIMIT 3""");
            for (List<String> plan : plans(h, ArticleQueries.topStoriesSql(8), 0, null)) {
                String shown = "home: top stories\n" + String.join("\n", plan);
                assertThat(plan).as(shown).anySatisfy(l -> assertThat(l).contains("Index Scan using articles_latest_idx"));
                assertThat(plan).as(shown).anySatisfy(l -> assertThat(l).contains("Index Scan using articles_pkey"));
                assertThat(plan).as(shown).noneSatisfy(l -> assertThat(l).containsAnyOf("Seq Scan on articles", "Bitmap"));
                assertThat(rowsRead(plan)).as(shown).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(8 * 3));
            }
            checkArticleEnd(h, section, topic);
        });
    }

    /**
     * The article page's statement with its "More in" and "More on" lists: a short walk of the section's index and one of
     * the topic's (its first topic's: the busiest is among its topics), for the newest article in the busiest section with
     * the busiest topic (whose lists skip it).
     */
    private static void checkArticleEnd(Handle h, long section, long topic) {
        long article = h.createQuery("""
                        SELECT a.id FROM articles a JOIN article_topics x ON x.article_id = a.id AND x.topic_id = :topic
                        WHERE a.status = 'published' AND a.section_id = :section ORDER BY a.first_published_at DESC LIMIT 1""")
                .bind("topic", topic).bind("section", section).mapTo(Long.class).one();
        String prepared = ArticleQueries.pageByIdSql().replace(":id", "$1");
        for (String mode : List.of("force_custom_plan", "force_generic_plan")) {
            h.execute("SET plan_cache_mode = " + mode);
            h.execute("PREPARE page(bigint) AS " + prepared);
            List<String> plan = h.createQuery("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) EXECUTE page(" + article + ")")
                    .mapTo(String.class).list();
            h.execute("DEALLOCATE page");
            String what = "article page, " + mode + "\n" + String.join("\n", plan);
            assertThat(plan).as(what).anySatisfy(l -> assertThat(l).containsPattern("Index (Only )?Scan( Backward)? using articles_section_idx"));
            assertThat(plan).as(what).anySatisfy(l -> assertThat(l).containsPattern("Index (Only )?Scan( Backward)? using article_topics_listing_idx"));
            assertThat(plan).as(what).noneSatisfy(l -> assertThat(l).containsAnyOf("Seq Scan on articles", "Seq Scan on article_topics"));
            // the lists come in the indexes' order (the article's own few bylines, topics and changes may be sorted)
            assertThat(plan).as(what).noneSatisfy(l -> assertThat(l).containsPattern("Sort Key: .*published_at"));
            // each walk reads its few rows (the topic's twice as many, to skip those the section's list holds), the
            // article itself, and a few the filter drops
            assertThat(rowsRead(plan)).as(what).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(6L * ArticleQueries.MORE_SIZE));
        }
        h.execute("RESET plan_cache_mode");
    }

    private static void checkWalk(Handle h, String what, String sql, long filterId, String place, String index) {
        for (List<String> plan : plans(h, sql, filterId, place)) {
            assertThat(plan).as(what + "\n" + String.join("\n", plan))
                    .anySatisfy(l -> assertThat(l).containsPattern("Index (Only )?Scan( Backward)? using " + index));
            assertThat(plan).as(what + "\n" + String.join("\n", plan))
                    .noneSatisfy(l -> assertThat(l).containsAnyOf("Seq Scan on articles", "Bitmap"));
            // the rows come in the index's order; only each row's own bylines are put in theirs
            assertThat(plan).as(what + "\n" + String.join("\n", plan))
                    .noneSatisfy(l -> assertThat(l).containsPattern("Sort Key: (?!bl\\.\"position\")"));
            // a node may read the page and the one beyond it, and a few the filter drops (drafts, unpublished)
            assertThat(rowsRead(plan)).as(what + "\n" + String.join("\n", plan)).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(3L * PAGE));
        }
    }

    /** The plan of the query for these values, and its generic plan (as a statement prepared and run many times gets). */
    private static List<List<String>> plans(Handle h, String sql, long filterId, String place) {
        String time = place == null ? "NULL" : "'" + place.substring(0, place.indexOf('|')) + "'::timestamptz";
        String id = place == null ? "NULL" : place.substring(place.indexOf('|') + 1);
        String prepared = sql.replace(":filterId", "$1").replace(":afterTime", "$2").replace(":afterId", "$3");
        List<List<String>> plans = new ArrayList<>();
        for (String mode : List.of("force_custom_plan", "force_generic_plan")) {
            h.execute("SET plan_cache_mode = " + mode);
            h.execute("PREPARE listing(bigint, timestamptz, bigint) AS " + prepared);
            plans.add(h.createQuery("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) EXECUTE listing(" + filterId + ", " + time + ", " + id + ")")
                    .mapTo(String.class).list());
            h.execute("DEALLOCATE listing");
        }
        h.execute("RESET plan_cache_mode");
        return plans;
    }

    /** How many rows each node of the plan produced, over all its loops. */
    private static List<Long> rowsRead(List<String> plan) {
        List<Long> out = new ArrayList<>();
        for (String line : plan) {
            // a Materialize node gives again, from memory, the rows its child read once (the few sections, when the
            // statistics say how few they are): the child's own line counts what was read
            if (line.contains("Materialize")) continue;
            Matcher m = ROWS.matcher(line);
            if (m.find()) out.add(Math.round(Double.parseDouble(m.group(1)) * Long.parseLong(m.group(2))));
        }
        return out;
    }
}
