package broadsheet.section;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import broadsheet.content.Section;
import broadsheet.shared.AuditLog;
import broadsheet.shared.StaffRole;
import broadsheet.content.AccessLevel;
import broadsheet.content.CommentPolicy;
import broadsheet.article.ArticleContent;
import broadsheet.editing.ArticleEditing;
import broadsheet.editing.Editor;
import broadsheet.section.SectionChanges.Outcome;
import broadsheet.storage.ChangeFeed;
import broadsheet.testing.Fixtures;
import broadsheet.testing.TestDatabase;
import broadsheet.text.Slugs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Creating, renaming, reordering and deleting sections against the real database: what is stored, what is refused, what is recorded. */
@ExtendWith(TestDatabase.class)
class SectionChangesIT {
    private static final Instant NOW = Instant.parse("2025-12-07T15:00:00Z");
    private static final AuditLog.Actor EDNA = new AuditLog.Actor(null, "Edna Editor", "203.0.113.9");
    private final SectionChanges changes = new SectionChanges(TestDatabase.jdbi());
    private final SectionStore store = new SectionStore(TestDatabase.jdbi());

    private Section create(String name, String slug) {
        return ((Outcome.Done) changes.create(EDNA, name, slug, "", NOW)).section();
    }

    private static Map<String, String> problems(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Invalid.class);
        return ((Outcome.Invalid) outcome).problems();
    }

    private static List<String> audit() {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery(
                        "SELECT actor || ' | ' || action || ' | ' || subject || ' | ' || details::text || ' | ' || ip FROM audit_log ORDER BY id")
                .mapTo(String.class).list());
    }

    private static long draftIn(String section) {
        var editor = new Editor(StaffRole.EDITOR, null, null, null, AuditLog.Actor.system("test"));
        var draft = ArticleContent.builder().headline("Harbour talks resume").section(section).bylines(List.of("Our Foreign Staff"))
                .body("A paragraph.").access(AccessLevel.FREE).comments(CommentPolicy.OPEN).build();
        return ((ArticleEditing.Result.Saved) new ArticleEditing(TestDatabase.jdbi(), Fixtures.LONDON).create(editor, draft, NOW)).id();
    }

    @Test
    void aNewSectionGoesLastInTheNavigationAndIsRecorded() {
        create("World news", "world-news");
        var outcome = changes.create(EDNA, "Sport", "sport", "Football, cricket and the rest.", NOW);

        assertThat(outcome).isInstanceOf(Outcome.Done.class);
        assertThat(store.all()).extracting(Section::slug, Section::name, Section::position)
                .containsExactly(tuple("world-news", "World news", 1),
                        tuple("sport", "Sport", 2));
        assertThat(store.bySlug("sport").orElseThrow().description()).isEqualTo("Football, cricket and the rest.");
        assertThat(audit()).containsExactly(
                "Edna Editor | section created | World news | {\"slug\": \"world-news\"} | 203.0.113.9",
                "Edna Editor | section created | Sport | {\"slug\": \"sport\"} | 203.0.113.9");
    }

    @Test
    void aSlugLeftEmptyIsMadeFromTheName() {
        assertThat(SectionChanges.slugFor("Arts & Culture", "")).isEqualTo("arts-and-culture");
        assertThat(SectionChanges.slugFor("Zürich notes", "  ")).isEqualTo("zurich-notes");
        assertThat(SectionChanges.slugFor("Arts", " culture ")).isEqualTo("culture");
        assertThat(SectionChanges.slugFor("", "")).isEmpty();
    }

    @Test
    void aTakenSlugOrNameIsRefusedAndNothingIsStored() {
        create("World news", "world-news");
        var counts = TestDatabase.rowCounts();

        assertThat(problems(changes.create(EDNA, "World affairs", "world-news", "", NOW)))
                .containsOnlyKeys("slug").extractingByKey("slug").asString().contains("taken");
        assertThat(problems(changes.create(EDNA, "world NEWS", "world", "", NOW)))
                .containsOnlyKeys("name").extractingByKey("name").asString().contains("already a section called");
        assertThat(TestDatabase.rowCounts()).isEqualTo(counts);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "newsroom    | an address the site uses itself",
            "api         | an address the site uses itself",
            "topics      | an address the site uses itself",
            "World-News  | is not a slug",
            "world--news | is not a slug",
            "world news  | is not a slug",
            "-world      | is not a slug",
            "''          | needs a slug"})
    void aReservedOrMalformedSlugIsRefused(String slug, String message) {
        var outcome = changes.create(EDNA, "Anything", slug, "", NOW);

        assertThat(problems(outcome)).containsOnlyKeys("slug").extractingByKey("slug").asString().contains(message);
        assertThat(store.all()).isEmpty();
        assertThat(audit()).isEmpty();
    }

    @Test
    void aNameAndDescriptionHaveLimits() {
        var outcome = changes.create(EDNA, "", "x".repeat(81), "d".repeat(501), NOW);

        assertThat(problems(outcome)).containsOnlyKeys("name", "slug", "description");
        assertThat(problems(changes.create(EDNA, "n".repeat(81), "ok", "", NOW))).containsOnlyKeys("name");
        assertThat(problems(changes.create(EDNA, "Sport\u0000", "sport", "Line one\nline two\u0007", NOW)))
                .containsOnlyKeys("name", "description");
        assertThat(changes.create(EDNA, "Sport", "sport", "Line one\r\nline two", NOW)).isInstanceOf(Outcome.Done.class);
        assertThat(store.all()).extracting(Section::slug).containsExactly("sport");
    }

    @Test
    void renamingKeepsTheSlugAndRecordsTheOldName() {
        Section s = create("World news", "world-news");

        var outcome = changes.update(EDNA, s.id(), "World", "News from abroad.", NOW);

        assertThat(((Outcome.Done) outcome).section()).isEqualTo(new Section(s.id(), "world-news", "World", "News from abroad.", 1));
        assertThat(store.byId(s.id()).orElseThrow().name()).isEqualTo("World");
        assertThat(audit()).last().isEqualTo(
                "Edna Editor | section changed | World | {\"from\": \"World news\", \"slug\": \"world-news\"} | 203.0.113.9");
    }

    @Test
    void savingTheSameWordsRecordsNothing() {
        Section s = create("World news", "world-news");
        var counts = TestDatabase.rowCounts();

        assertThat(changes.update(EDNA, s.id(), "World news", "", NOW)).isEqualTo(new Outcome.Done(s));
        assertThat(TestDatabase.rowCounts()).isEqualTo(counts);
    }

    @Test
    void renamingToAnotherSectionsNameOrToNothingIsRefused() {
        Section world = create("World news", "world-news");
        create("Sport", "sport");

        assertThat(problems(changes.update(EDNA, world.id(), "SPORT", "", NOW))).containsOnlyKeys("name");
        assertThat(problems(changes.update(EDNA, world.id(), "", "", NOW))).containsOnlyKeys("name");
        assertThat(changes.update(EDNA, 9_999, "Elsewhere", "", NOW)).isInstanceOf(Outcome.NotFound.class);
        assertThat(store.byId(world.id()).orElseThrow()).isEqualTo(world);
    }

    @Test
    void movingSwapsWithTheNeighbourAndStopsAtEitherEnd() {
        Section world = create("World news", "world-news");
        Section politics = create("Politics", "politics");
        Section sport = create("Sport", "sport");

        changes.move(EDNA, sport.id(), true, NOW);
        assertThat(store.all()).extracting(Section::slug).containsExactly("world-news", "sport", "politics");
        changes.move(EDNA, world.id(), false, NOW);
        assertThat(store.all()).extracting(Section::slug).containsExactly("sport", "world-news", "politics");
        assertThat(store.all()).extracting(Section::position).containsExactly(1, 2, 3);
        assertThat(audit()).last().isEqualTo(
                "Edna Editor | section moved | World news | {\"to\": 2, \"from\": 1, \"slug\": \"world-news\"} | 203.0.113.9");

        var counts = TestDatabase.rowCounts();
        changes.move(EDNA, sport.id(), true, NOW);
        changes.move(EDNA, politics.id(), false, NOW);
        assertThat(store.all()).extracting(Section::slug).containsExactly("sport", "world-news", "politics");
        assertThat(TestDatabase.rowCounts()).as("nothing moved, nothing recorded").isEqualTo(counts);
        assertThat(changes.move(EDNA, 9_999, true, NOW)).isInstanceOf(Outcome.NotFound.class);
    }

    @Test
    void aSectionWithAnArticleOfAnyStatusIsNotDeleted() {
        Section world = create("World news", "world-news");
        draftIn("world-news");
        draftIn("world-news");
        var counts = TestDatabase.rowCounts();

        var outcome = changes.delete(EDNA, world.id(), NOW);

        assertThat(outcome).isEqualTo(new Outcome.InUse(world, 2));
        assertThat(store.byId(world.id())).isPresent();
        assertThat(TestDatabase.rowCounts()).isEqualTo(counts);
        assertThat(store.counted(world.id()).orElseThrow()).isEqualTo(new SectionStore.Counted(world, 0, 2));
    }

    @Test
    void anUnusedSectionIsDeletedAndRecorded() {
        create("World news", "world-news");
        Section sport = create("Sport", "sport");

        assertThat(changes.delete(EDNA, sport.id(), NOW)).isEqualTo(new Outcome.Done(sport));

        assertThat(store.all()).extracting(Section::slug).containsExactly("world-news");
        assertThat(audit()).last().isEqualTo("Edna Editor | section deleted | Sport | {\"slug\": \"sport\"} | 203.0.113.9");
        assertThat(changes.delete(EDNA, sport.id(), NOW)).isInstanceOf(Outcome.NotFound.class);
        assertThat(create("Sport", "sport").position()).as("the slug is free again").isEqualTo(2);
    }

    @Test
    void editorsCreatingSectionsAtOnceGetOneOfEachNameAndDistinctPlaces() throws Exception {
        create("World news", "world-news");
        int editors = 8;
        ExecutorService pool = Executors.newFixedThreadPool(editors);
        try {
            for (String name : List.of("Race desk", "Other desk")) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Outcome>> outcomes = new ArrayList<>();
                for (int i = 0; i < editors; i++) {
                    String slug = Slugs.of(name) + "-" + i;
                    outcomes.add(pool.submit(() -> {
                        start.await();
                        return changes.create(EDNA, name, slug, "", NOW);
                    }));
                }
                start.countDown();
                int done = 0;
                for (Future<Outcome> f : outcomes) {
                    Outcome o = f.get(30, TimeUnit.SECONDS);
                    if (o instanceof Outcome.Done) done++;
                    else assertThat(problems(o)).containsOnlyKeys("name");
                }
                assertThat(done).as(name).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(store.all()).extracting(Section::name).containsExactly("World news", "Race desk", "Other desk");
        assertThat(store.all()).extracting(Section::position).containsExactly(1, 2, 3);
        assertThat(problems(changes.create(EDNA, "race DESK", "race", "", NOW))).containsOnlyKeys("name");
    }

    @Test
    void everyChangeIsAnnouncedToOtherInstances() throws InterruptedException {
        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        try (var feed = ChangeFeed.listen(TestDatabase.database(), heard::add)) {
            TestDatabase.awaitListening(heard);
            Section sport = create("Sport", "sport");
            create("Politics", "politics");
            changes.update(EDNA, sport.id(), "Sports", "", NOW);
            changes.move(EDNA, sport.id(), false, NOW);
            changes.delete(EDNA, sport.id(), NOW);
            changes.create(EDNA, "Sport", "api", "", NOW);

            List<String> notices = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String n = heard.poll(10, TimeUnit.SECONDS);
                if (n != null) notices.add(n);
            }
            assertThat(notices).containsExactly("section sport", "section politics", "section sport", "section sport", "section sport");
            assertThat(heard.poll(300, TimeUnit.MILLISECONDS)).as("a refused change announces nothing").isNull();
        }
    }
}
