package broadsheet.search;

import static broadsheet.testing.Fixtures.story;
import static broadsheet.testing.TestApp.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.content.AccessLevel;
import broadsheet.settings.SettingsStore;
import broadsheet.shared.AuditLog;
import broadsheet.testing.Fixtures;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Ranking, phrases, filters, order, paging, counts, snippets and suggestions, on small corpora written here. */
@ExtendWith(TestDatabase.class)
class SearchRankingIT {
    @RegisterExtension
    static final TestApp app = new TestApp();
    private static final Search.Reading FREE_READER = Search.Reading.freeOnly(2);

    @BeforeEach
    void indexFollowsTheEmptiedDatabase() throws InterruptedException {
        // the database was emptied after the last test: start each test from an index that follows it
        assertThat(engine().awaitRebuild(engine().rebuild(), Duration.ofSeconds(60))).isTrue();
        app.app().contentChanged();
    }

    private static SearchEngine engine() {
        return app.app().search();
    }

    private static SearchResults search(String text) {
        return search(new SearchQuery(text, "", "", "", null, null, SearchQuery.Order.RELEVANCE, 1));
    }

    private static SearchResults search(SearchQuery q) {
        return engine().search(q, FREE_READER);
    }

    private static void caughtUp() throws InterruptedException {
        assertThat(engine().awaitCaughtUp(Duration.ofSeconds(60))).isTrue();
    }

    private static List<String> headlines(SearchResults r) {
        return r.hits().stream().map(SearchHit::headline).toList();
    }

    static String snippet(SearchHit hit) {
        return hit.snippet().stream().map(SearchHit.Snippet::text).collect(Collectors.joining());
    }

    static String marked(SearchHit hit) {
        return hit.snippet().stream().filter(SearchHit.Snippet::match).map(SearchHit.Snippet::text).collect(Collectors.joining("|"));
    }

    private static Instant daysAgo(int days) {
        return NOW.minus(Duration.ofDays(days));
    }

    @Test
    void aHeadlineMatchOutranksABodyMatchAndWordsAreStemmed() throws InterruptedException {
        app.fixtures().store(NOW,
                story("Council budget row deepens").body("The council met again.\n\nNobody agreed about the harbour.")
                        .published(NOW.minusSeconds(3600)).build(),
                story("Harbour reopens after storm").body("Boats returned on Sunday.\n\nThe quay was busy.")
                        .published(NOW.minusSeconds(7200)).build(),
                story("Cricket scores").body("Nothing about water here.").published(NOW.minusSeconds(600)).build());
        caughtUp();

        SearchResults r = search("harbours");

        assertThat(r.total()).isEqualTo(2);
        assertThat(headlines(r)).containsExactly("Harbour reopens after storm", "Council budget row deepens");
        assertThat(marked(r.hits().get(1))).isEqualTo("harbour");
        assertThat(snippet(r.hits().get(1))).contains("Nobody agreed about the harbour.");
        SearchHit first = r.hits().getFirst();
        assertThat(first.path()).startsWith("/world-news/");
        assertThat(first.sectionSlug()).isEqualTo("world-news");
        assertThat(first.bylines()).containsExactly("Jane Reporter");
        assertThat(first.access()).isEqualTo(AccessLevel.FREE);
        assertThat(first.published()).isEqualTo(NOW.minusSeconds(7200));
        assertThat(r.malformed()).isFalse();
        assertThat(r.hasNext()).isFalse();
    }

    @Test
    void bylinesTopicsAndStandfirstsAreSearchedAndAccentsFolded() throws InterruptedException {
        app.fixtures().store(NOW,
                story("Valley news").bylines("Zoë Marchetti").topics("Hydro power").published(daysAgo(1)).build(),
                story("Other news").body("Plain words.").published(daysAgo(2)).build());
        caughtUp();

        assertThat(headlines(search("zoe marchetti"))).containsExactly("Valley news");
        assertThat(headlines(search("hydro"))).containsExactly("Valley news");
        assertThat(headlines(search("standfirst other"))).containsExactly("Other news");
    }

    @Test
    void aQuotedPhraseFindsOnlyTheWordsTogetherAndInOrder() throws InterruptedException {
        app.fixtures().store(NOW,
                story("Cabinet meets").body("The prime minister spoke first.").published(daysAgo(1)).build(),
                story("Budget day").body("The minister said it was a prime example.").published(daysAgo(2)).build());
        caughtUp();

        assertThat(headlines(search("prime minister"))).containsExactlyInAnyOrder("Cabinet meets", "Budget day");
        SearchResults phrase = search("\"prime minister\"");
        assertThat(headlines(phrase)).containsExactly("Cabinet meets");
        assertThat(marked(phrase.hits().getFirst())).isEqualTo("prime|minister");
        assertThat(phrase.malformed()).isFalse();
    }

    @Test
    void theRecencyLiftMovesAnOlderArticleDownWhenTheNewsroomRaisesIt() throws InterruptedException {
        app.fixtures().store(NOW,
                story("Flood warning for the valley").body("The flood reached the mill.\n\nFlood water rose all night.")
                        .published(daysAgo(400)).build(),
                story("Flood defences tested").body("Engineers were pleased.").published(daysAgo(1)).build());
        caughtUp();
        tune("0", "30");
        assertThat(headlines(search("flood"))).as("age does not count").containsExactly("Flood warning for the valley", "Flood defences tested");

        tune("1000", "30");
        assertThat(headlines(search("flood"))).as("new articles lifted").containsExactly("Flood defences tested", "Flood warning for the valley");
    }

    private static void tune(String percent, String halfLife) {
        var store = new SettingsStore(TestDatabase.jdbi());
        var form = SettingsStore.Form.of(store.read(), "The Broadsheet");
        store.save(new AuditLog.Actor(null, "Ada Admin", "192.0.2.7"), new SettingsStore.Form(form.name(), form.tagline(), form.access(),
                form.comments(), form.requireTwoFactor(), form.idleHours(), form.readers(), form.commentRules(), form.feedsFullText(),
                percent, halfLife), "The Broadsheet", NOW);
        app.app().contentChanged();
    }

    @Test
    void filtersNarrowBySectionTopicAuthorAndDaysInThePapersZone() throws InterruptedException {
        app.fixtures().store(NOW,
                story("Election in the north").section("politics").topics("Elections").bylines("Ann Author").published(daysAgo(10)).build(),
                story("Election results").section("world-news").topics("Elections", "Results").bylines("Bob Writer")
                        // 23:30 UTC on 30 June is 1 July in London
                        .published(Instant.parse("2025-06-30T23:30:00Z")).build(),
                story("Election fever").section("world-news").topics("Campaigns").bylines("Ann Author").published(daysAgo(2)).build());
        caughtUp();

        assertThat(search("election").total()).isEqualTo(3);
        assertThat(headlines(search(filter("politics", "", "", null, null)))).containsExactly("Election in the north");
        assertThat(headlines(search(filter("", "elections", "", null, null))))
                .containsExactlyInAnyOrder("Election in the north", "Election results");
        assertThat(headlines(search(filter("", "", "ann-author", null, null))))
                .containsExactlyInAnyOrder("Election in the north", "Election fever");
        assertThat(headlines(search(filter("world-news", "", "ann-author", null, null)))).containsExactly("Election fever");
        assertThat(headlines(search(filter("", "", "", LocalDate.of(2025, 7, 1), LocalDate.of(2025, 7, 1)))))
                .containsExactly("Election results");
        assertThat(search(filter("", "", "", LocalDate.of(2025, 6, 30), LocalDate.of(2025, 6, 30))).total()).isZero();
        assertThat(headlines(search(filter("", "", "", LocalDate.of(2025, 11, 20), null))))
                .containsExactlyInAnyOrder("Election in the north", "Election fever");
        assertThat(search(filter("no-such-section", "", "", null, null)).total()).isZero();
    }

    private static SearchQuery filter(String section, String topic, String author, LocalDate from, LocalDate to) {
        return new SearchQuery("election", section, topic, author, from, to, SearchQuery.Order.RELEVANCE, 1);
    }

    @Test
    void newestFirstPagesOfTwentyAndTheCount() throws InterruptedException {
        app.fixtures().many(25, "world-news", NOW.minusSeconds(60));
        caughtUp();

        var first = search(new SearchQuery("story", "", "", "", null, null, SearchQuery.Order.NEWEST, 1));
        assertThat(first.total()).isEqualTo(25);
        assertThat(first.hits()).hasSize(SearchQuery.PAGE_SIZE);
        assertThat(first.hasNext()).isTrue();
        assertThat(headlines(first).subList(0, 3)).containsExactly("Story number 1", "Story number 2", "Story number 3");
        var second = search(new SearchQuery("story", "", "", "", null, null, SearchQuery.Order.NEWEST, 2));
        assertThat(second.total()).isEqualTo(25);
        assertThat(headlines(second)).containsExactly("Story number 21", "Story number 22", "Story number 23", "Story number 24",
                "Story number 25");
        assertThat(second.hasNext()).isFalse();

        var everything = search(new SearchQuery("", "world-news", "", "", null, null, SearchQuery.Order.RELEVANCE, 1));
        assertThat(everything.total()).as("no words: every article of the filters, newest first").isEqualTo(25);
        assertThat(everything.hits().getFirst().headline()).isEqualTo("Story number 1");
        assertThat(search(new SearchQuery("story", "", "", "", null, null, SearchQuery.Order.RELEVANCE, 3)).hits()).isEmpty();
    }

    @Test
    void pastTheDeepestPageMatchesAreNotCountedAndTheCountSaysMoreThan() throws InterruptedException {
        TestDatabase.jdbi().useHandle(h -> Fixtures.listingCorpus(h, 1_200));
        assertThat(engine().awaitRebuild(engine().rebuild(), Duration.ofSeconds(120))).isTrue();
        long published = TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM articles WHERE status = 'published'")
                .mapTo(Long.class).one());
        assertThat(published).isGreaterThan(SearchResults.COUNTED);

        for (SearchQuery.Order order : SearchQuery.Order.values()) {
            SearchResults first = search(new SearchQuery("corpus story", "", "", "", null, null, order, 1));
            assertThat(first.total()).as(order.name()).isEqualTo(SearchResults.COUNTED);
            assertThat(first.more()).isTrue();
            assertThat(first.hits()).hasSize(SearchQuery.PAGE_SIZE);
            assertThat(first.hasNext()).isTrue();
            SearchResults last = search(new SearchQuery("corpus story", "", "", "", null, null, order, SearchQuery.MAX_PAGE));
            assertThat(last.hits()).hasSize(SearchQuery.PAGE_SIZE);
            assertThat(last.hasNext()).isFalse();
        }
        // fewer than that are counted exactly
        String section = TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT min(slug) FROM sections").mapTo(String.class).one());
        long inSection = TestDatabase.jdbi().withHandle(h -> h.createQuery("""
                SELECT count(*) FROM articles a JOIN sections s ON s.id = a.section_id WHERE a.status = 'published' AND s.slug = ?""")
                .bind(0, section).mapTo(Long.class).one());
        SearchResults narrowed = search(new SearchQuery("corpus story", section, "", "", null, null, SearchQuery.Order.RELEVANCE, 1));
        assertThat(narrowed.total()).isEqualTo(inSection).isLessThan(SearchResults.COUNTED);
        assertThat(narrowed.more()).isFalse();

        assertThat(app.get("/search?q=corpus+story").body()).contains("More than 1,000 results for “corpus story”");
        assertThat(app.get("/api/v1/search?q=corpus+story").body()).contains("\"total\":1000,\"totalIsLowerBound\":true");
    }

    @Test
    void aPremiumArticlesHiddenTextNeverReachesTheSnippetOfAReaderWithoutAccess() throws InterruptedException {
        app.fixtures().store(NOW, story("Harbour deal signed").access(AccessLevel.PREMIUM)
                .body("The open opening about tides.\n\n## A subhead on tides\n\nThe secret clause names the buyer.\n\nMore hidden tides.")
                .published(daysAgo(1)).build());
        caughtUp();

        var outsider = engine().search(SearchQuery.of("secret clause"), Search.Reading.freeOnly(2));
        assertThat(outsider.total()).isEqualTo(1);
        assertThat(outsider.hits().getFirst().snippet()).as("nothing matched in what this reader may see").isEmpty();
        var tides = engine().search(SearchQuery.of("tides"), Search.Reading.freeOnly(2));
        assertThat(snippet(tides.hits().getFirst())).isEqualTo("The open opening about tides.")
                .doesNotContain("hidden").doesNotContain("subhead");
        var standfirstOnly = engine().search(SearchQuery.of("tides standfirst"), Search.Reading.freeOnly(0));
        assertThat(snippet(standfirstOnly.hits().getFirst())).doesNotContain("tides").isIn("", "A standfirst for Harbour deal signed");

        var subscriber = engine().search(SearchQuery.of("secret clause"), new Search.Reading((id, access) -> true, 2));
        assertThat(snippet(subscriber.hits().getFirst())).contains("The secret clause names the buyer.");
        assertThat(marked(subscriber.hits().getFirst())).isEqualTo("secret|clause");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"harbour", "harbour AND", "AND harbour", "harbour*", "*harbour", "harbour~2", "harbour: reopens", "harbour\\",
            "(harbour", "harbour]", "harbour^3", "OR NOT AND harbour"})
    void aMalformedQueryIsSearchedAsPlainWordsAndSaysSo(String text) throws InterruptedException {
        app.fixtures().store(NOW, story("Harbour reopens").published(daysAgo(1)).build());
        caughtUp();

        SearchResults r = search(text);

        assertThat(r.malformed()).isTrue();
        assertThat(headlines(r)).containsExactly("Harbour reopens");
    }

    @Test
    void aLongQueryOrOneOfStopWordsNeverThrows() throws InterruptedException {
        app.fixtures().store(NOW, story("Harbour reopens").published(daysAgo(1)).build());
        caughtUp();

        String longest = "harbour ab ".repeat(20).substring(0, SearchQuery.MAX_TEXT);
        assertThat(search(longest).malformed()).isTrue();
        assertThat(search("the and of").total()).isZero();
        assertThat(search("\"\"").total()).as("no words at all: every article").isEqualTo(1);
        assertThat(search("\u0001\u0002 harbour").total()).isEqualTo(1);
    }

    @Test
    void aMisspeltQueryOffersTheIndexsSpellingAndRelatedTopics() throws InterruptedException {
        app.fixtures().store(NOW,
                story("Parliament votes on the budget").topics("Parliament", "Budget").published(daysAgo(1)).build(),
                story("Parliament recess").topics("Parliament").published(daysAgo(2)).build());
        caughtUp();

        SearchResults r = search("parliment");
        assertThat(r.total()).isZero();
        assertThat(r.didYouMean()).isEqualTo("parliament");
        assertThat(r.topics()).first().isEqualTo(new SearchResults.TopicLink("Parliament", "parliament"));
        assertThat(search("parliament").didYouMean()).isEmpty();
    }

    @Test
    void draftsAndUnpublishedArticlesAreNeverFound() throws InterruptedException {
        app.fixtures().store(NOW, story("Harbour reopens").published(daysAgo(1)).build());
        TestDatabase.jdbi().useHandle(h -> h.execute("UPDATE articles SET status = 'unpublished'"));
        caughtUp();

        assertThat(search("harbour").total()).isZero();
        engine().awaitRebuild(engine().rebuild(), Duration.ofSeconds(60));
        assertThat(search("harbour").total()).as("nor after a rebuild").isZero();
    }
}
