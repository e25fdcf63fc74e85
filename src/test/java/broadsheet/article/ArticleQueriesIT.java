package broadsheet.article;

import static broadsheet.testing.Fixtures.story;
import static broadsheet.testing.TestApp.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import broadsheet.article.ArticleQueries.Filter;
import broadsheet.contributor.ContributorStore;
import broadsheet.importing.ArticleSource;
import broadsheet.section.SectionStore;
import broadsheet.testing.Fixtures;
import broadsheet.testing.TestDatabase;
import broadsheet.topic.TopicStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The listings and article reads on a real PostgreSQL: order, filters, pages, and only what is published. */
@ExtendWith(TestDatabase.class)
class ArticleQueriesIT {
    private static final Instant NINE = Instant.parse("2025-12-07T09:00:00Z");
    private final Fixtures fixtures = new Fixtures(TestDatabase.tempDir("queries-"));
    private final Jdbi jdbi = TestDatabase.jdbi();
    private final ArticleQueries queries = new ArticleQueries(jdbi);

    @Test
    void listsNewestFirstAndBreaksTiesByNewestId() {
        fixtures.store(NOW,
                story("Nine o'clock").published(NINE).build(),
                story("Eleven o'clock").section("politics").published(NINE.plusSeconds(7200)).build(),
                story("Ten o'clock, first").section("sport").published(NINE.plusSeconds(3600)).build(),
                story("Ten o'clock, second").published(NINE.plusSeconds(3600)).build());

        ArticleQueries.Window page = first(new Filter.All());

        assertThat(page.items()).extracting(ArticleCard::headline)
                .containsExactly("Eleven o'clock", "Ten o'clock, second", "Ten o'clock, first", "Nine o'clock");
        assertThat(page.more()).isFalse();
    }

    @Test
    void filtersBySectionTopicAndContributor() {
        fixtures.store(NOW,
                story("Budget vote").section("politics").topics("Budget", "Parliament").bylines("Ann Clerk").published(NINE).build(),
                story("Harbour fees").section("business").topics("Budget").bylines("Bob Ledger", "Ann Clerk").published(NINE.plusSeconds(60)).build(),
                story("Cup final").section("sport").topics("Football").bylines("Bob Ledger").published(NINE.plusSeconds(120)).build());

        assertThat(headlines(new Filter.InSection(section("politics")))).containsExactly("Budget vote");
        assertThat(headlines(new Filter.WithTopic(topic("budget")))).containsExactly("Harbour fees", "Budget vote");
        assertThat(headlines(new Filter.ByContributor(contributor("ann-clerk")))).containsExactly("Harbour fees", "Budget vote");
        assertThat(headlines(new Filter.ByContributor(contributor("bob-ledger")))).containsExactly("Cup final", "Harbour fees");
        assertThat(first(new Filter.WithTopic(topic("football"))).items()).hasSize(1);
    }

    @Test
    void pagesGoOnFromAPlaceInEitherDirectionWithoutCountingTheListing() {
        fixtures.many(45, "world-news", NOW.minusSeconds(60));

        ArticleQueries.Window first = first(new Filter.All());
        ArticleQueries.Window second = queries.list(new Filter.All(), last(first), ArticleQueries.Direction.OLDER, 20);
        ArticleQueries.Window third = queries.list(new Filter.All(), last(second), ArticleQueries.Direction.OLDER, 20);
        ArticleQueries.Window backToSecond = queries.list(new Filter.All(), ArticleQueries.Position.of(third.items().getFirst()),
                ArticleQueries.Direction.NEWER, 20);
        ArticleQueries.Window backToFirst = queries.list(new Filter.All(), ArticleQueries.Position.of(second.items().getFirst()),
                ArticleQueries.Direction.NEWER, 20);

        assertThat(first.items()).hasSize(20).first().extracting(ArticleCard::headline).isEqualTo("Story number 1");
        assertThat(first.more()).isTrue();
        assertThat(second.items()).first().extracting(ArticleCard::headline).isEqualTo("Story number 21");
        assertThat(second.more()).isTrue();
        assertThat(third.items()).extracting(ArticleCard::headline)
                .containsExactly("Story number 41", "Story number 42", "Story number 43", "Story number 44", "Story number 45");
        assertThat(third.more()).isFalse();
        assertThat(queries.list(new Filter.All(), last(third), ArticleQueries.Direction.OLDER, 20).items()).isEmpty();
        // read newer, a page comes back newest first, and says whether still newer ones are left
        assertThat(backToSecond.items()).extracting(ArticleCard::id).isEqualTo(second.items().stream().map(ArticleCard::id).toList());
        assertThat(backToSecond.more()).isTrue();
        assertThat(backToFirst.items()).extracting(ArticleCard::id).isEqualTo(first.items().stream().map(ArticleCard::id).toList());
        assertThat(backToFirst.more()).isFalse();
        assertThat(queries.positionAfter(20)).contains(last(first));
        assertThat(queries.positionAfter(44)).isPresent();
        assertThat(queries.positionAfter(45)).isEmpty();
    }

    @Test
    void aPositionIsWrittenOneWayAndReadOnlyThatWay() {
        var p = new ArticleQueries.Position(Instant.parse("2025-12-07T09:00:00.123456Z"), 42);

        assertThat(p.text()).isEqualTo("1765098000123456_42");
        assertThat(ArticleQueries.Position.parse(p.text())).contains(p);
        assertThat(ArticleQueries.Position.parse("-1000000_7")).contains(new ArticleQueries.Position(Instant.parse("1969-12-31T23:59:59Z"), 7));
        for (String bad : new String[] {"", "_", "1_0", "01_2", "1_02", "-0_1", "1.5_2", "1_2_3", "1765098000123456", " 1_2", "1_2 ",
                "+1_2", "123456789012345678_1", "1_1234567890123456789", "1%5F2", "abc_1"}) {
            assertThat(ArticleQueries.Position.parse(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void readsOnlyPublishedArticles() {
        fixtures.store(NOW,
                story("Published").topics("Budget").bylines("Ann Clerk").published(NINE).build(),
                story("Back to draft").topics("Budget").bylines("Ann Clerk").published(NINE.plusSeconds(60)).build(),
                story("Taken down").topics("Budget").bylines("Ann Clerk").published(NINE.plusSeconds(120)).build());
        long draft = idOf("Back to draft");
        long unpublished = idOf("Taken down");
        jdbi.useHandle(h -> {
            h.execute("UPDATE articles SET status = 'draft' WHERE id = ?", draft);
            h.execute("UPDATE articles SET status = 'unpublished' WHERE id = ?", unpublished);
        });
        String draftPath = pathOf(draft);

        assertThat(headlines(new Filter.All())).containsExactly("Published");
        assertThat(first(new Filter.All()).items()).hasSize(1);
        assertThat(queries.positionAfter(1)).isEmpty();
        // a topic's and a writer's listings follow publication too (their link rows carry it)
        long topic = topic("budget");
        long writer = contributor("ann-clerk");
        assertThat(headlines(new Filter.WithTopic(topic))).containsExactly("Published");
        assertThat(headlines(new Filter.ByContributor(writer))).containsExactly("Published");
        jdbi.useHandle(h -> h.execute("UPDATE articles SET status = 'published' WHERE id = ?", unpublished));
        assertThat(headlines(new Filter.WithTopic(topic))).containsExactly("Taken down", "Published");
        assertThat(headlines(new Filter.ByContributor(writer))).containsExactly("Taken down", "Published");
        jdbi.useHandle(h -> h.execute("UPDATE articles SET first_published_at = ? WHERE id = ?", NINE.minusSeconds(60), unpublished));
        assertThat(headlines(new Filter.WithTopic(topic))).containsExactly("Published", "Taken down");
        jdbi.useHandle(h -> h.execute("UPDATE articles SET status = 'unpublished' WHERE id = ?", unpublished));
        assertThat(queries.listAfter(new Filter.All(), null, null, 10)).extracting(ArticleCard::headline).containsExactly("Published");
        assertThat(queries.latestBySection(10).values()).flatMap(l -> l).extracting(ArticleCard::headline).containsExactly("Published");
        assertThat(queries.byPath(draftPath)).isEmpty();
        assertThat(queries.byId(draft)).isEmpty();
        assertThat(queries.byId(unpublished)).isEmpty();
        assertThat(queries.byId(idOf("Published"))).isPresent();
    }

    @Test
    void keepsBylinesAndTopicsInTheirOrder() {
        fixtures.store(NOW, story("Ordered").slug("ordered")
                .bylines("Zara Quill", "Adam Birch", "Our Foreign Staff")
                .topics("Zebra crossings", "Apples", "Mid-term elections").published(NINE).build());

        ArticleDetail d = queries.byPath("/world-news/2025/12/07/ordered/").orElseThrow();

        assertThat(d.bylines()).extracting(Byline::name, Byline::slug, Byline::desk).containsExactly(
                tuple("Zara Quill", "zara-quill", false),
                tuple("Adam Birch", "adam-birch", false),
                tuple("Our Foreign Staff", "our-foreign-staff", true));
        assertThat(d.topics()).extracting(t -> t.name()).containsExactly("Zebra crossings", "Apples", "Mid-term elections");
        assertThat(first(new Filter.All()).items().get(0).bylines()).extracting(Byline::name)
                .containsExactly("Zara Quill", "Adam Birch", "Our Foreign Staff");
    }

    @Test
    void cursorWalksEveryArticleOnceEvenWhenTimesAreEqual() {
        List<ArticleSource> sources = new ArrayList<>();
        for (int i = 1; i <= 7; i++) sources.add(story("Same minute " + i).published(NINE).build());
        sources.add(story("Later").published(NINE.plusSeconds(60)).build());
        fixtures.store(NOW, sources.toArray(ArticleSource[]::new));

        List<String> seen = new ArrayList<>();
        List<ArticleCard> batch = queries.listAfter(new Filter.All(), null, null, 3);
        while (!batch.isEmpty()) {
            batch.forEach(c -> seen.add(c.headline()));
            ArticleCard last = batch.get(batch.size() - 1);
            batch = queries.listAfter(new Filter.All(), last.published(), last.id(), 3);
        }

        assertThat(seen).containsExactly("Later", "Same minute 7", "Same minute 6", "Same minute 5", "Same minute 4",
                "Same minute 3", "Same minute 2", "Same minute 1");
    }

    @Test
    void latestBySectionGivesTheNewestFewOfEachSectionInSectionOrder() {
        fixtures.store(NOW, story("World 1").published(NINE).build(),
                story("Politics 1").section("politics").published(NINE.plusSeconds(10)).build(),
                story("World 2").published(NINE.plusSeconds(20)).build(),
                story("World 3").published(NINE.plusSeconds(30)).build(),
                story("Politics 2").section("politics").published(NINE.plusSeconds(40)).build(),
                story("World 4").published(NINE.plusSeconds(50)).build());

        var latest = queries.latestBySection(3);

        assertThat(latest.keySet()).containsExactly(section("world-news"), section("politics"));
        assertThat(latest.get(section("world-news"))).extracting(ArticleCard::headline).containsExactly("World 4", "World 3", "World 2");
        assertThat(latest.get(section("politics"))).extracting(ArticleCard::headline).containsExactly("Politics 2", "Politics 1");
    }

    private List<String> headlines(Filter filter) {
        return first(filter).items().stream().map(ArticleCard::headline).toList();
    }

    private ArticleQueries.Window first(Filter filter) {
        return queries.list(filter, null, ArticleQueries.Direction.OLDER, 20);
    }

    private static ArticleQueries.Position last(ArticleQueries.Window window) {
        return ArticleQueries.Position.of(window.items().getLast());
    }

    private long section(String slug) {
        return new SectionStore(jdbi).bySlug(slug).orElseThrow().id();
    }

    private long topic(String slug) {
        return new TopicStore(jdbi).bySlug(slug).orElseThrow().id();
    }

    private long contributor(String slug) {
        return new ContributorStore(jdbi).bySlug(slug).orElseThrow().id();
    }

    private long idOf(String headline) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM articles WHERE headline = :h").bind("h", headline).mapTo(Long.class).one());
    }

    private String pathOf(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT path FROM articles WHERE id = :id").bind("id", id).mapTo(String.class).one());
    }
}
