package broadsheet.feed;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.article.ArticleQueries;
import broadsheet.testing.Fixtures;
import broadsheet.testing.TestDatabase;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The site's and a section's feed read their {@value FeedPages#SIZE} articles from an index, newest first, without
 * sorting the archive: the plan of {@link FeedQueries#listedSql} (the statement that lists a feed's articles) over 30,000
 * articles; and the entries of the articles not already written are read by their keys.
 */
@ExtendWith(TestDatabase.class)
class FeedQueryPlanIT {
    @Test
    void theSiteAndSectionFeedsReadAnIndexInOrder() {
        List<String> site = TestDatabase.jdbi().withHandle(h -> {
            Fixtures.bulkArticles(h, 30_000);
            h.execute("ANALYZE articles");
            return plan(h, new ArticleQueries.Filter.All(), 0);
        });
        long bulk = TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT id FROM sections WHERE slug = 'bulk'").mapTo(Long.class).one());
        List<String> section = TestDatabase.jdbi().withHandle(h -> plan(h, new ArticleQueries.Filter.InSection(bulk), bulk));

        assertThat(site).anySatisfy(line -> assertThat(line).contains("Index Scan using articles_latest_idx on articles a"));
        // (the only sorts are of each article's few bylines and topics, by their position)
        assertThat(site).noneSatisfy(line -> assertThat(line).containsAnyOf("published_at", "Seq Scan on articles"));
        // with every article in the one section, the planner may as well walk the latest articles' index: in order either way
        assertThat(section).anySatisfy(line -> assertThat(line).containsPattern("Index Scan using articles_(section|latest)_idx on articles a"));
        assertThat(section).noneSatisfy(line -> assertThat(line).containsAnyOf("published_at", "Seq Scan on articles"));

        // the entries to write: the articles by their keys, full text on or off
        for (boolean fullText : new boolean[] {true, false}) {
            List<String> items = TestDatabase.jdbi().withHandle(h -> h.createQuery("EXPLAIN (COSTS OFF) " + FeedQueries.itemsSql(fullText))
                    .bind("ids", new Long[] {bulk, bulk + 1, bulk + 2}).mapTo(String.class).list());
            assertThat(items).anySatisfy(line -> assertThat(line).contains("articles_pkey"));
            assertThat(items).noneSatisfy(line -> assertThat(line).contains("Seq Scan on articles"));
        }
    }

    private static List<String> plan(Handle h, ArticleQueries.Filter filter, long id) {
        return h.createQuery("EXPLAIN (COSTS OFF) " + FeedQueries.listedSql(filter, FeedPages.SIZE))
                .bind("filterId", id).mapTo(String.class).list();
    }
}
