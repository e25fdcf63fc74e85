package broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.Desk;
import broadsheet.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * New articles and their new bylines and topics are followed by statement triggers, once per statement on every row it
 * added: the search outbox, the sitemap's months, webhook events and CDN purges must come out the same whether an
 * import adds a hundred rows in one statement or a newsroom adds them one by one, and drafts concern none of them.
 */
@ExtendWith(TestDatabase.class)
class AddedRowsPerStatementIT {
    private static final int ARTICLES = 12;

    /** What the triggers left, with every article named by its path (ids differ from one run to the next). */
    record Effects(Map<String, Integer> outbox, Map<String, Long> sitemapMonths, List<String> webhookEvents, List<String> purges) {}

    @BeforeEach
    void desk() {
        Desk.section("world-news", "World news");
        TestDatabase.jdbi().useHandle(h -> {
            h.execute("INSERT INTO contributors (slug, name, kind) VALUES ('ann-writer', 'Ann Writer', 'person')");
            h.execute("INSERT INTO topics (slug, name) VALUES ('harbours', 'Harbours')");
            h.execute("""
                    INSERT INTO webhook_endpoints (url, events, secret, created_at, updated_at)
                    VALUES ('https://hooks.example/in', ARRAY['article.published'], 'k', now(), now())""");
            h.execute("INSERT INTO cdn_purging (heartbeat) VALUES (now())");
        });
    }

    @Test
    void rowsAddedInOneStatementAreFollowedAsTheSameRowsAddedOneByOne() {
        Effects together = rolledBack(h -> add(h, "published", true));
        Effects oneByOne = rolledBack(h -> add(h, "published", false));

        assertThat(together).isEqualTo(oneByOne);
        // each article is queued for the search index for itself, its topic and its byline
        assertThat(together.outbox()).hasSize(ARTICLES).allSatisfy((path, times) -> assertThat(times).isEqualTo(3));
        // published across two months: the first half in November, the rest in December
        assertThat(together.sitemapMonths()).containsExactly(
                Map.entry("2026-11", (long) ARTICLES / 2), Map.entry("2026-12", (long) ARTICLES / 2));
        assertThat(together.webhookEvents()).hasSize(ARTICLES).allMatch(e -> e.startsWith("article.published /world-news/"));
        assertThat(together.purges()).contains("home", "feeds", "articles", "section-world-news", "topic-harbours",
                "contributor-ann-writer", "article /world-news/2026/12/07/story-1/");
        assertThat(together.purges().stream().filter(k -> k.startsWith("article ")).count()).isEqualTo(ARTICLES);
    }

    @Test
    void draftsAddedConcernNoneOfThem() {
        Effects drafts = rolledBack(h -> add(h, "draft", true));

        assertThat(drafts).isEqualTo(new Effects(Map.of(), Map.of(), List.of(), List.of()));
    }

    @Test
    void withoutAnInstancePurgingACdnNothingIsQueuedForIt() {
        TestDatabase.jdbi().useHandle(h -> h.execute("DELETE FROM cdn_purging"));

        Effects together = rolledBack(h -> add(h, "published", true));

        assertThat(together.purges()).isEmpty();
        assertThat(together.outbox()).hasSize(ARTICLES);
    }

    /** Adds the articles, then their topic and byline links, in one statement each or one statement per row. */
    private static void add(Handle h, String status, boolean oneStatement) {
        String articles = """
                INSERT INTO articles (section_id, slug, path, headline, status, first_published_at, created_at, modified_at)
                SELECT (SELECT id FROM sections WHERE slug = 'world-news'), 'story-' || g,
                       '/world-news/2026/12/07/story-' || g || '/', 'Story ' || g, :status,
                       CASE WHEN :status = 'published' THEN timestamptz '2026-12-07 12:00Z' - g * interval '1 minute'
                            - CASE WHEN g > :half THEN interval '30 days' ELSE interval '0' END END,
                       now(), now()
                FROM generate_series(:from, :to) g""";
        String topics = """
                INSERT INTO article_topics (article_id, topic_id, position)
                SELECT a.id, (SELECT id FROM topics WHERE slug = 'harbours'), 0 FROM articles a
                WHERE a.slug LIKE 'story-%' AND a.id BETWEEN :from AND :to""";
        String bylines = """
                INSERT INTO article_bylines (article_id, contributor_id, position)
                SELECT a.id, (SELECT id FROM contributors WHERE slug = 'ann-writer'), 0 FROM articles a
                WHERE a.slug LIKE 'story-%' AND a.id BETWEEN :from AND :to""";
        if (oneStatement) {
            h.createUpdate(articles).bind("status", status).bind("half", ARTICLES / 2).bind("from", 1).bind("to", ARTICLES).execute();
        } else {
            for (int g = 1; g <= ARTICLES; g++) {
                h.createUpdate(articles).bind("status", status).bind("half", ARTICLES / 2).bind("from", g).bind("to", g).execute();
            }
        }
        List<Long> ids = h.createQuery("SELECT id FROM articles WHERE slug LIKE 'story-%' ORDER BY id").mapTo(Long.class).list();
        for (String links : List.of(topics, bylines)) {
            if (oneStatement) {
                h.createUpdate(links).bind("from", ids.getFirst()).bind("to", ids.getLast()).execute();
            } else {
                for (long id : ids) h.createUpdate(links).bind("from", id).bind("to", id).execute();
            }
        }
    }

    /** Runs the change in a transaction, reads what the triggers left, and rolls it all back. */
    private static Effects rolledBack(Consumer<Handle> change) {
        return TestDatabase.jdbi().withHandle(h -> {
            h.begin();
            try {
                h.execute("DELETE FROM search_outbox");
                h.execute("DELETE FROM cdn_purges");
                change.accept(h);
                return effects(h);
            } finally {
                h.rollback();
            }
        });
    }

    private static Effects effects(Handle h) {
        Map<String, Integer> outbox = new TreeMap<>();
        h.createQuery("SELECT a.path FROM search_outbox o JOIN articles a ON a.id = o.article_id").mapTo(String.class)
                .forEach(p -> outbox.merge(p, 1, Integer::sum));
        Map<String, Long> months = new TreeMap<>();
        h.createQuery("SELECT to_char(month AT TIME ZONE 'UTC', 'YYYY-MM') AS m, articles FROM sitemap_months")
                .map((rs, ctx) -> Map.entry(rs.getString("m"), rs.getLong("articles"))).forEach(e -> months.put(e.getKey(), e.getValue()));
        List<String> events = h.createQuery("""
                        SELECT e.type || ' ' || a.path FROM webhook_events e JOIN articles a ON a.id = e.article_id ORDER BY 1""")
                .mapTo(String.class).list();
        List<String> purges = new ArrayList<>(h.createQuery("""
                        SELECT coalesce((SELECT 'article ' || a.path FROM articles a WHERE 'article-' || a.id = p.surrogate_key),
                                        p.surrogate_key)
                        FROM cdn_purges p ORDER BY 1""")
                .mapTo(String.class).list());
        return new Effects(outbox, months, events, purges);
    }
}
