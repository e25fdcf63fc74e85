package broadsheet.topic;

import static broadsheet.testing.Fixtures.story;
import static broadsheet.testing.TestApp.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.content.Topic;
import broadsheet.shared.AuditLog;
import broadsheet.article.ArticleStore;
import broadsheet.testing.Fixtures;
import broadsheet.testing.TestDatabase;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Topics in the database: creating and changing them, earlier addresses answered with redirects, merging
 * (articles, addresses and names move to the kept topic), deletion, and {@link TopicStore#ensure} under all
 * of that, including when two transactions meet.
 */
@ExtendWith(TestDatabase.class)
class TopicStoreIT {
    private static final AuditLog.Actor EDNA = AuditLog.Actor.system("Edna Editor");
    private static final Instant LATER = NOW.plusSeconds(3600);
    private final Jdbi jdbi = TestDatabase.jdbi();
    private final TopicStore store = new TopicStore(jdbi);
    private final TopicEditing editing = new TopicEditing(jdbi);
    private final TopicMerge merging = new TopicMerge(jdbi);
    private final Fixtures fixtures = new Fixtures(TestDatabase.tempDir("topics-"));

    @Test
    void aNewTopicGetsAnAddressFromItsNameUnlessOneIsGiven() {
        Topic war = saved(editing.create(fields("War in Ukraine", "", "The full-scale invasion and after."), EDNA, NOW));
        Topic again = saved(editing.create(fields("War in Ukraine!", "", ""), EDNA, NOW));
        Topic given = saved(editing.create(fields("Interest rates", "rates", ""), EDNA, NOW));

        assertThat(war.slug()).isEqualTo("war-in-ukraine");
        assertThat(store.bySlug("war-in-ukraine")).map(Topic::description).contains("The full-scale invasion and after.");
        assertThat(again.slug()).isEqualTo("war-in-ukraine-2");
        assertThat(given.slug()).isEqualTo("rates");
        assertThat(strings("SELECT subject FROM audit_log WHERE action = 'topic created' ORDER BY id"))
                .containsExactly("War in Ukraine", "War in Ukraine!", "Interest rates");
    }

    @Test
    void aBadFormSavesNothingAndSaysWhatIsWrongWithEachField() {
        saved(editing.create(fields("Interest rates", "", ""), EDNA, NOW));

        assertThat(problems(editing.create(fields("  ", "Not A Slug", "x".repeat(1001)), EDNA, NOW))).containsOnlyKeys("name", "slug", "description");
        assertThat(problems(editing.create(fields("INTEREST RATES", "", ""), EDNA, NOW)))
                .containsEntry("name", "There is already a topic called \"Interest rates\".");
        assertThat(problems(editing.create(fields("Rates", "interest-rates", ""), EDNA, NOW)))
                .containsEntry("slug", "/topics/interest-rates/ is the address of \"Interest rates\".");
        assertThat(problems(editing.create(fields("x".repeat(81), "", ""), EDNA, NOW))).containsKey("name");
        assertThat(problems(editing.create(fields("Two\nlines", "", ""), EDNA, NOW))).containsKey("name");
        assertThat(count("SELECT count(*) FROM topics")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_log")).isEqualTo(1);
    }

    @Test
    void aChangedAddressLeavesTheOldOneLeadingToTheTopic() {
        Topic t = saved(editing.create(fields("Ukraine war", "", ""), EDNA, NOW));

        var r = (TopicEditing.Result.Saved) editing.update(t.id(), fields("War in Ukraine", "war-in-ukraine", "Since 2022."), EDNA, LATER);

        assertThat(r.changed()).isTrue();
        assertThat(r.moved()).isTrue();
        assertThat(store.bySlug("ukraine-war")).isEmpty();
        assertThat(store.movedFrom("ukraine-war")).map(Topic::name).contains("War in Ukraine");
        assertThat(store.bySlugOrEarlier("ukraine-war")).map(Topic::slug).contains("war-in-ukraine");
        assertThat(new TopicListing(jdbi).earlier(t.id())).containsExactly(new TopicListing.Earlier("ukraine-war", null, LATER));
        assertThat(strings("""
                SELECT concat_ws(' | ', details->>'previous name', details->>'name', details->>'previous slug', details->>'slug', details->>'description')
                FROM audit_log WHERE action = 'topic changed'"""))
                .containsExactly("Ukraine war | War in Ukraine | ukraine-war | war-in-ukraine | changed");
        assertThat(problems(editing.create(fields("Another", "ukraine-war", ""), EDNA, LATER)))
                .containsEntry("slug", "/topics/ukraine-war/ is an earlier address of \"War in Ukraine\" and leads there. Choose another.");
        long fresh = ensure("Ukraine-war");
        assertThat(store.byId(fresh)).map(Topic::slug).as("a new topic does not take an earlier address").contains("ukraine-war-2");
    }

    @Test
    void aTopicCanTakeBackItsEarlierAddressAndEveryEarlierOneLeadsToTheLatest() {
        Topic t = saved(editing.create(fields("Rates", "rates", ""), EDNA, NOW));
        editing.update(t.id(), fields("Rates", "interest-rates", ""), EDNA, NOW);
        editing.update(t.id(), fields("Rates", "bank-rate", ""), EDNA, NOW);
        assertThat(store.movedFrom("rates")).map(Topic::slug).contains("bank-rate");

        var back = (TopicEditing.Result.Saved) editing.update(t.id(), fields("Rates", "rates", ""), EDNA, LATER);

        assertThat(back.moved()).isTrue();
        assertThat(store.bySlug("rates")).map(Topic::id).contains(t.id());
        assertThat(store.movedFrom("rates")).isEmpty();
        assertThat(store.movedFrom("interest-rates")).map(Topic::slug).contains("rates");
        assertThat(store.movedFrom("bank-rate")).map(Topic::slug).contains("rates");
        assertThat(strings("SELECT slug FROM topic_redirects ORDER BY slug")).containsExactly("bank-rate", "interest-rates");
    }

    @Test
    void savingWhatIsStoredChangesNothing() {
        Topic t = saved(editing.create(fields("Rates", "", "About rates."), EDNA, NOW));

        var r = (TopicEditing.Result.Saved) editing.update(t.id(), fields(" Rates ", "rates", "About rates.\r\n"), EDNA, LATER);

        assertThat(r.changed()).isFalse();
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'topic changed'")).isZero();
        assertThat(editing.update(999, fields("Rates", "", ""), EDNA, LATER)).isInstanceOf(TopicEditing.Result.NotFound.class);
    }

    @Test
    void aMergeGivesEveryArticleTheKeptTopicOnceInTheEarlierPlace() {
        fixtures.store(NOW,
                story("Only the old name").topics("Ukraine war", "Russia").build(),
                story("Kept first").topics("Russia", "War in Ukraine", "Ukraine war").build(),
                story("Merged first").topics("Ukraine war", "Russia", "War in Ukraine").build(),
                story("Neither").topics("Russia").build());
        long merged = topicId("Ukraine war");
        long kept = topicId("War in Ukraine");
        long untouched = articleId("Neither");
        Instant modifiedBefore = modifiedAt(untouched);

        var outcome = (TopicMerge.Outcome.Merged) merging.merge(merged, kept, EDNA, LATER);

        assertThat(outcome.articles()).isEqualTo(3);
        assertThat(outcome.published()).isEqualTo(3);
        assertThat(outcome.both()).isEqualTo(2);
        assertThat(topicsOf("Only the old name")).containsExactly("War in Ukraine", "Russia");
        assertThat(topicsOf("Kept first")).containsExactly("Russia", "War in Ukraine");
        assertThat(topicsOf("Merged first")).containsExactly("War in Ukraine", "Russia");
        assertThat(topicsOf("Neither")).containsExactly("Russia");
        assertThat(modifiedAt(articleId("Kept first"))).isEqualTo(LATER);
        assertThat(modifiedAt(untouched)).isEqualTo(modifiedBefore);
        assertThat(count("SELECT count(*) FROM article_revisions WHERE at = ?", LATER.atOffset(ZoneOffset.UTC)))
                .as("no revision").isZero();

        assertThat(store.byId(merged)).isEmpty();
        assertThat(store.movedFrom("ukraine-war")).map(Topic::id).contains(kept);
        assertThat(ensure("UKRAINE WAR")).isEqualTo(kept);
        assertThat(strings("SELECT name FROM topics ORDER BY name")).containsExactly("Russia", "War in Ukraine");
        assertThat(strings("""
                SELECT concat_ws(' | ', subject, details->>'articles', details->>'published', details->>'already had both', details->>'slug')
                FROM audit_log WHERE action = 'topic merged'"""))
                .containsExactly("Ukraine war into War in Ukraine | 3 | 3 | 2 | ukraine-war");
    }

    @Test
    void aMergedNameTypedAgainInAnImportMeansTheKeptTopic() {
        fixtures.store(NOW, story("Before").topics("Ukraine war").build(), story("Kept").topics("War in Ukraine").build());
        long kept = topicId("War in Ukraine");
        merging.merge(topicId("Ukraine war"), kept, EDNA, LATER);

        fixtures.store(LATER, story("After").topics("ukraine war", "Russia", "War in Ukraine").build());

        assertThat(topicsOf("After")).containsExactly("War in Ukraine", "Russia");
        assertThat(count("SELECT count(*) FROM topics")).isEqualTo(2);
        assertThat(problems(editing.create(fields("Ukraine War", "", ""), EDNA, LATER))).containsEntry("name",
                "\"Ukraine War\" was merged into \"War in Ukraine\", and the name now means that topic. Choose another name.");
        assertThat(new TopicListing(jdbi).byName("ukraine war")).map(Topic::id).contains(kept);
    }

    @Test
    void mergingATopicThatHadEarlierNamesTakesThemAlong() {
        fixtures.store(NOW, story("One").topics("Ukraine conflict").build(), story("Two").topics("Ukraine war").build(),
                story("Three").topics("War in Ukraine").build());
        long conflict = topicId("Ukraine conflict");
        long war = topicId("Ukraine war");
        long kept = topicId("War in Ukraine");
        merging.merge(conflict, war, EDNA, NOW);

        merging.merge(war, kept, EDNA, LATER);

        assertThat(store.movedFrom("ukraine-conflict")).map(Topic::id).contains(kept);
        assertThat(store.movedFrom("ukraine-war")).map(Topic::id).contains(kept);
        assertThat(ensure("Ukraine conflict")).isEqualTo(kept);
        assertThat(topicsOf("One")).containsExactly("War in Ukraine");
        assertThat(new TopicListing(jdbi).earlier(kept)).extracting(TopicListing.Earlier::name)
                .containsExactlyInAnyOrder("Ukraine war", "Ukraine conflict");
    }

    @Test
    void aKeptTopicMayTakeAMergedNameAsItsOwnAndKeepsTheAddress() {
        fixtures.store(NOW, story("One").topics("Ukraine war").build(), story("Two").topics("War in Ukraine").build());
        long kept = topicId("War in Ukraine");
        merging.merge(topicId("Ukraine war"), kept, EDNA, NOW);

        var r = editing.update(kept, fields("Ukraine war", "war-in-ukraine", ""), EDNA, LATER);

        assertThat(r).isInstanceOf(TopicEditing.Result.Saved.class);
        assertThat(new TopicListing(jdbi).earlier(kept)).containsExactly(new TopicListing.Earlier("ukraine-war", null, NOW));
        assertThat(ensure("ukraine war")).isEqualTo(kept);
    }

    @Test
    void aKeptTopicMayTakeTheMergedNameAndAddressTogether() {
        fixtures.store(NOW, story("One").topics("Ukraine war").build(), story("Two").topics("War in Ukraine").build());
        long kept = topicId("War in Ukraine");
        merging.merge(topicId("Ukraine war"), kept, EDNA, NOW);

        editing.update(kept, fields("Ukraine war", "ukraine-war", ""), EDNA, LATER);

        assertThat(new TopicListing(jdbi).earlier(kept)).containsExactly(new TopicListing.Earlier("war-in-ukraine", null, LATER));
        assertThat(store.bySlug("ukraine-war")).map(Topic::id).contains(kept);
        assertThat(store.movedFrom("war-in-ukraine")).map(Topic::id).contains(kept);
    }

    @Test
    void aTopicCannotBeMergedIntoItselfOrIntoOneThatIsGone() {
        Topic t = saved(editing.create(fields("Rates", "", ""), EDNA, NOW));

        assertThat(merging.merge(t.id(), t.id(), EDNA, NOW)).isInstanceOf(TopicMerge.Outcome.Same.class);
        assertThat(merging.merge(t.id(), 999, EDNA, NOW)).isInstanceOf(TopicMerge.Outcome.NotFound.class);
        assertThat(merging.merge(999, t.id(), EDNA, NOW)).isInstanceOf(TopicMerge.Outcome.NotFound.class);
        assertThat(store.byId(t.id())).isPresent();
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'topic merged'")).isZero();
    }

    @Test
    void aTopicInUseIsNotDeletedAndAnUnusedOneIsWithItsEarlierAddresses() {
        fixtures.store(NOW, story("Rates rise").topics("Rates").build());
        long used = topicId("Rates");
        Topic unused = saved(editing.create(fields("Budget", "", ""), EDNA, NOW));
        editing.update(unused.id(), fields("Budget", "the-budget", ""), EDNA, NOW);

        assertThat(editing.delete(used, EDNA, LATER)).isEqualTo(new TopicEditing.Deletion.InUse(store.byId(used).orElseThrow(), 1));
        var deleted = editing.delete(unused.id(), EDNA, LATER);

        assertThat(deleted).isInstanceOf(TopicEditing.Deletion.Deleted.class);
        assertThat(store.byId(used)).isPresent();
        assertThat(store.byId(unused.id())).isEmpty();
        assertThat(store.movedFrom("budget")).isEmpty();
        assertThat(count("SELECT count(*) FROM topic_redirects")).isZero();
        assertThat(editing.delete(unused.id(), EDNA, LATER)).isInstanceOf(TopicEditing.Deletion.NotFound.class);
        assertThat(strings("SELECT subject FROM audit_log WHERE action = 'topic deleted'")).containsExactly("Budget");
    }

    @Test
    void twoSavesNamingTheSameNewTopicAtOnceGetTheSameTopic() throws Exception {
        CountDownLatch inserted = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Long> first = pool.submit(() -> jdbi.inTransaction(h -> {
                long id = TopicStore.ensure(h, "Harbour strike", "");
                inserted.countDown();
                TestDatabase.awaitLockWaits(1); // the second save waits on the name's index entry
                return id;
            }));
            Future<Long> second = pool.submit(() -> {
                inserted.await();
                return jdbi.inTransaction(h -> TopicStore.ensure(h, "harbour STRIKE", ""));
            });

            assertThat(second.get(20, TimeUnit.SECONDS)).isEqualTo(first.get(20, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("SELECT count(*) FROM topics")).isEqualTo(1);
    }

    @Test
    void anArticleGivenATopicWhileItIsBeingMergedEndsUpWithTheKeptTopic() throws Exception {
        fixtures.store(NOW, story("Old").topics("Ukraine war").build(), story("Kept").topics("War in Ukraine").build(),
                story("Saved meanwhile").topics("Russia").build());
        long merged = topicId("Ukraine war");
        long kept = topicId("War in Ukraine");
        long article = articleId("Saved meanwhile");
        CountDownLatch named = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // an editor's save: locks its article, names the topic, and has not committed when the merge starts
            Future<?> save = pool.submit(() -> {
                jdbi.useTransaction(h -> {
                    ArticleStore.lock(h, article);
                    List<Long> topics = List.of(TopicStore.ensure(h, "Ukraine war", ""), TopicStore.ensure(h, "Russia", ""));
                    ArticleStore.setTopics(h, article, topics);
                    named.countDown();
                    TestDatabase.awaitLockWaits(1); // the merge waits for this save
                });
                return null;
            });
            Future<TopicMerge.Outcome> merge = pool.submit(() -> {
                named.await();
                return merging.merge(merged, kept, EDNA, LATER);
            });

            save.get(20, TimeUnit.SECONDS);
            assertThat(merge.get(20, TimeUnit.SECONDS)).isInstanceOfSatisfying(TopicMerge.Outcome.Merged.class,
                    m -> assertThat(m.articles()).isEqualTo(2));
        } finally {
            pool.shutdownNow();
        }
        assertThat(topicsOf("Saved meanwhile")).containsExactly("War in Ukraine", "Russia");
        assertThat(topicsOf("Old")).containsExactly("War in Ukraine");
        assertThat(store.byId(merged)).isEmpty();
    }

    @Test
    void twoEditorsMergingTwoTopicsIntoEachOtherAtOnceMergeOnce() throws Exception {
        fixtures.store(NOW, story("One").topics("Ukraine war").build(), story("Two").topics("War in Ukraine").build());
        long a = topicId("Ukraine war");
        long b = topicId("War in Ukraine");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<TopicMerge.Outcome> outcomes = new ArrayList<>();
        try {
            Future<TopicMerge.Outcome> ab = pool.submit(() -> {
                start.await();
                return merging.merge(a, b, EDNA, LATER);
            });
            Future<TopicMerge.Outcome> ba = pool.submit(() -> {
                start.await();
                return merging.merge(b, a, EDNA, LATER);
            });
            start.countDown();
            outcomes.add(ab.get(20, TimeUnit.SECONDS));
            outcomes.add(ba.get(20, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        assertThat(outcomes).filteredOn(o -> o instanceof TopicMerge.Outcome.Merged).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof TopicMerge.Outcome.NotFound).hasSize(1);
        assertThat(count("SELECT count(*) FROM topics")).isEqualTo(1);
        String left = strings("SELECT name FROM topics").get(0);
        assertThat(topicsOf("One")).containsExactly(left);
        assertThat(topicsOf("Two")).containsExactly(left);
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'topic merged'")).isEqualTo(1);
    }

    @Test
    void twoEditorsCreatingTheSameTopicAtOnceCreateItOnce() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<TopicEditing.Result> results = new ArrayList<>();
        try {
            List<Future<TopicEditing.Result>> futures = new ArrayList<>();
            for (String name : List.of("Harbour strike", "HARBOUR STRIKE")) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return editing.create(fields(name, "", ""), EDNA, NOW);
                }));
            }
            start.countDown();
            for (var f : futures) results.add(f.get(20, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        assertThat(results).filteredOn(r -> r instanceof TopicEditing.Result.Saved).hasSize(1);
        assertThat(results).filteredOn(r -> r instanceof TopicEditing.Result.Invalid).hasSize(1);
        assertThat(count("SELECT count(*) FROM topics")).isEqualTo(1);
    }

    private static TopicEditing.Fields fields(String name, String slug, String description) {
        return new TopicEditing.Fields(name, slug, description);
    }

    private static Topic saved(TopicEditing.Result r) {
        if (r instanceof TopicEditing.Result.Saved s) return s.topic();
        throw new AssertionError("not saved: " + r);
    }

    private static Map<String, String> problems(TopicEditing.Result r) {
        if (r instanceof TopicEditing.Result.Invalid i) return i.problems();
        throw new AssertionError("not refused: " + r);
    }

    private long ensure(String name) {
        return jdbi.inTransaction(h -> TopicStore.ensure(h, name, ""));
    }

    private long topicId(String name) {
        return count("SELECT id FROM topics WHERE name = ?", name);
    }

    private long articleId(String headline) {
        return count("SELECT id FROM articles WHERE headline = ?", headline);
    }

    private Instant modifiedAt(long article) {
        return jdbi.withHandle(h -> ArticleStore.byId(h, article)).orElseThrow().modifiedAt();
    }

    private List<String> topicsOf(String headline) {
        return strings("""
                SELECT t.name FROM article_topics x JOIN topics t ON t.id = x.topic_id JOIN articles a ON a.id = x.article_id
                WHERE a.headline = ? ORDER BY x.position""", headline);
    }

    private long count(String sql, Object... args) {
        return jdbi.withHandle(h -> {
            var q = h.createQuery(sql);
            for (int i = 0; i < args.length; i++) q.bind(i, args[i]);
            return q.mapTo(Long.class).one();
        });
    }

    private List<String> strings(String sql, Object... args) {
        return jdbi.withHandle(h -> {
            var q = h.createQuery(sql);
            for (int i = 0; i < args.length; i++) q.bind(i, args[i]);
            return q.mapTo(String.class).list();
        });
    }
}
