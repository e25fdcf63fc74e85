package broadsheet.contributor;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.Fixtures;
import broadsheet.testing.TestDatabase;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The plans of the public lists of contributors on a paper with many of them: each page is an index walk in
 * the list's own order that stops after the page, never a sort or a count of every contributor.
 */
@ExtendWith(TestDatabase.class)
class PublicContributorQueriesIT {
    @Test
    void theWritersListsWalkTheirIndexInOrderAndStopAfterThePage() {
        List<String> first = TestDatabase.jdbi().withHandle(h -> {
            fill(h);
            return plan(h, "");
        });
        List<String> later = TestDatabase.jdbi().withHandle(h -> plan(h, ContributorStore.AFTER));

        assertThat(first).anySatisfy(line -> assertThat(line).contains("Index Scan using contributors_listing_idx on contributors c"));
        assertThat(first).noneSatisfy(line -> assertThat(line).containsAnyOf("Sort", "Seq Scan on contributors", "Aggregate"));
        assertThat(later).anySatisfy(line -> assertThat(line).contains("Index Cond: (ROW((kind = 'desk'::text), lower(name), id) > ROW("));
        assertThat(later).noneSatisfy(line -> assertThat(line).containsAnyOf("Sort", "Seq Scan on contributors", "Aggregate"));
    }

    private static List<String> plan(Handle h, String position) {
        return h.createQuery("EXPLAIN (COSTS OFF) " + ContributorStore.PUBLIC_LIST).define("public", ContributorStore.PUBLIC)
                .define("position", position).bind("desk", false).bind("name", "Writer 05000").bind("id", 5000L)
                .bind("limit", 101).bind("offset", 0).mapTo(String.class).list();
    }

    /** 20,000 contributors, a third of them on published articles, the rest on drafts. */
    private static void fill(Handle h) {
        Fixtures.bulkArticles(h, 20_000);
        h.execute("""
                INSERT INTO contributors (slug, name, kind)
                SELECT 'writer-' || g, 'Writer ' || lpad(g::text, 5, '0'), CASE WHEN g % 10 = 0 THEN 'desk' ELSE 'person' END
                FROM generate_series(1, 20000) g""");
        h.execute("INSERT INTO article_bylines (article_id, contributor_id, position) SELECT g, g, 0 FROM generate_series(1, 20000) g");
        h.execute("ANALYZE contributors, articles, article_bylines");
    }
}
