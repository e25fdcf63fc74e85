package broadsheet.sitemap;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.Fixtures;
import broadsheet.testing.TestDatabase;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code sitemap_months}, which the sitemap index reads instead of counting the archive, always says what a count of
 * the published articles by month would: through publications, updates, moves to another month, unpublications and
 * deletions, one row at a time and many at once.
 */
@ExtendWith(TestDatabase.class)
class SitemapMonthsIT {
    private static final String COUNTED = """
            SELECT month || ' ' || n || ' ' || last FROM (
                SELECT date_trunc('month', first_published_at, 'UTC') AS month, count(*) AS n,
                       max(coalesce(updated_at, first_published_at)) AS last
                FROM articles WHERE status = 'published' GROUP BY 1) m ORDER BY m.month""";
    private static final String KEPT = "SELECT month || ' ' || articles || ' ' || last_change FROM sitemap_months ORDER BY month";

    @Test
    void theMonthsFollowEveryChangeOfTheArticles() {
        TestDatabase.jdbi().useHandle(h -> {
            h.execute("SET TimeZone = 'Europe/London'"); // months are UTC months whatever the session's zone
            // 3,000 articles, one a published one every three minutes, back from now over a few days: a month or two
            Fixtures.bulkArticles(h, 3_000);
            h.execute("UPDATE articles SET first_published_at = first_published_at - (id % 90) * interval '1 day' WHERE status = 'published'");
            assertThat(kept(h)).isNotEmpty().isEqualTo(counted(h));

            h.execute("UPDATE articles SET updated_at = first_published_at + interval '2 days' WHERE id % 7 = 0 AND status = 'published'");
            assertThat(kept(h)).isEqualTo(counted(h));
            h.execute("UPDATE articles SET updated_at = NULL WHERE id % 14 = 0 AND status = 'published'");
            assertThat(kept(h)).isEqualTo(counted(h));
            h.execute("UPDATE articles SET status = 'unpublished' WHERE id % 5 = 0 AND status = 'published'");
            assertThat(kept(h)).isEqualTo(counted(h));
            h.execute("UPDATE articles SET status = 'published' WHERE id % 10 = 0 AND status = 'unpublished'");
            assertThat(kept(h)).isEqualTo(counted(h));
            h.execute("UPDATE articles SET first_published_at = first_published_at - interval '400 days' WHERE id % 11 = 0 AND status = 'published'");
            assertThat(kept(h)).isEqualTo(counted(h));
            h.execute("DELETE FROM articles WHERE id % 4 = 0");
            assertThat(kept(h)).isEqualTo(counted(h));
            h.execute("UPDATE articles SET status = 'unpublished' WHERE status = 'published'");
            assertThat(kept(h)).isEmpty();
        });
    }

    private static List<String> kept(Handle h) {
        return h.createQuery(KEPT).mapTo(String.class).list();
    }

    private static List<String> counted(Handle h) {
        return h.createQuery(COUNTED).mapTo(String.class).list();
    }
}
