package broadsheet.sitemap;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.Fixtures;
import broadsheet.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sitemaps' queries read indexes, never the articles table whole: the months come from {@code sitemap_months}
 * (which SitemapMonthsIT checks against the articles); a month and the news window are range scans.
 */
@ExtendWith(TestDatabase.class)
class SitemapQueriesIT {
    @Test
    void theQueriesUseTheIndexes() {
        TestDatabase.jdbi().useHandle(h -> {
            Fixtures.bulkArticles(h, 30_000);
            h.execute("VACUUM ANALYZE articles");
        });
        List<String> months = TestDatabase.jdbi().withHandle(h -> plan(h, SitemapStore.MONTHS));
        List<String> month = TestDatabase.jdbi().withHandle(h -> h.createQuery("EXPLAIN (COSTS OFF) " + SitemapStore.IN_MONTH)
                .bind("from", Instant.parse("2025-12-01T00:00:00Z")).bind("to", Instant.parse("2026-01-01T00:00:00Z"))
                .bind("limit", 50_000).bind("offset", 0).mapTo(String.class).list());
        List<String> news = TestDatabase.jdbi().withHandle(h -> h.createQuery("EXPLAIN (COSTS OFF) " + SitemapStore.SINCE)
                .bind("since", Instant.parse("2025-12-05T15:00:00Z")).bind("limit", 50_000).mapTo(String.class).list());

        // the months come from their own small table, never from the articles
        assertThat(months).noneSatisfy(line -> assertThat(line).contains("articles"));
        for (List<String> plan : List.of(months, month, news)) {
            assertThat(plan).noneSatisfy(line -> assertThat(line).contains("Seq Scan"));
        }
    }

    private static List<String> plan(Handle h, String sql) {
        return h.createQuery("EXPLAIN (COSTS OFF) " + sql).mapTo(String.class).list();
    }
}
