package broadsheet.importing;

import static broadsheet.testing.Fixtures.story;
import static broadsheet.testing.TestApp.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import broadsheet.article.ArticleQueries;
import broadsheet.article.ArticleStore;
import broadsheet.editing.Drafts;
import broadsheet.editing.Revisions;
import broadsheet.shared.AuditLog;
import broadsheet.testing.Fixtures;
import broadsheet.testing.TestDatabase;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The importer on a real PostgreSQL and a real media folder: what it creates, what it replaces, what it
 * refuses, and that a failed run leaves no row in any table and no file in the media folder.
 */
@ExtendWith(TestDatabase.class)
class ArticleImporterIT {
    private static final Instant NINE = Instant.parse("2025-12-07T09:00:00Z");
    private final Path dataDir = TestDatabase.tempDir("importer-");
    private final Path media = dataDir.resolve("media");
    private final Fixtures fixtures = new Fixtures(dataDir);
    private final ArticleImporter importer = fixtures.importer();
    private final Jdbi jdbi = TestDatabase.jdbi();

    @Test
    void createsTheSectionTopicsAndDeskTheReferenceArticleNames() {
        var result = fixtures.reference(NOW);

        assertThat(result).isEqualTo(new ArticleImporter.Result(1, List.of(), 2));
        assertThat(rows("SELECT slug, name FROM sections")).containsExactly(List.of("world-news", "World news"));
        assertThat(rows("SELECT slug, name, kind FROM contributors"))
                .containsExactly(List.of("our-foreign-staff", "Our Foreign Staff", "desk"));
        assertThat(rows("""
                SELECT t.slug, t.name FROM article_topics at JOIN topics t ON t.id = at.topic_id ORDER BY at.position"""))
                .containsExactly(List.of("northmere-harbour-dispute", "Northmere harbour dispute"),
                        List.of("premier-aldo-castellan", "Premier Aldo Castellan"),
                        List.of("northmere", "Northmere"), List.of("estrany", "Estrany"));
        assertThat(rows("SELECT path, status FROM articles"))
                .containsExactly(List.of(Fixtures.REFERENCE_PATH, "published"));
        assertThat(mediaFiles()).isNotEmpty();
    }

    @Test
    void peopleArePeopleAndExistingNamesAreReusedInAnyCase() {
        fixtures.store(NOW, story("First").bylines("Jane Reporter", "Our Foreign Staff").topics("Test topic").build());
        fixtures.store(NOW, story("Second").bylines("JANE REPORTER").topics("test TOPIC", "Ports").build());

        assertThat(rows("SELECT slug, kind FROM contributors ORDER BY id"))
                .containsExactly(List.of("jane-reporter", "person"), List.of("our-foreign-staff", "desk"));
        assertThat(rows("SELECT slug, name FROM topics ORDER BY id"))
                .containsExactly(List.of("test-topic", "Test topic"), List.of("ports", "Ports"));
    }

    @Test
    void reimportingTheSameFileReplacesTheArticleRatherThanAddingOne() {
        fixtures.reference(NOW);
        Map<String, Long> once = TestDatabase.rowCounts();
        List<Path> filesOnce = mediaFiles();

        var again = fixtures.reference(NOW.plusSeconds(60));

        assertThat(again).isEqualTo(new ArticleImporter.Result(0, List.of(new ArticleImporter.Replaced(Fixtures.referenceFile().toString(),
                "Castellan: Northmere’s new harbour strategy ‘consistent’ with our own vision", Fixtures.REFERENCE_PATH,
                ArticleImporter.Why.SAME_ADDRESS)), 2));
        assertThat(TestDatabase.rowCounts()).isEqualTo(once);
        assertThat(once).containsEntry("articles", 1L).containsEntry("images", 2L).containsEntry("article_topics", 4L);
        assertThat(mediaFiles()).isEqualTo(filesOnce);
        assertThat(rows("SELECT version, modified_at = '2025-12-07T15:01:00Z' FROM articles"))
                .containsExactly(List.of(2, true));
    }

    @Test
    void accessAndCommentsLeftOutFollowThePapersDefaultsForNewArticles() {
        jdbi.useHandle(h -> h.execute("INSERT INTO site_settings (default_access, default_comments) VALUES ('premium', 'closed')"));
        Path plain = write("plain.md", article("slug: harbour-talks\n", "published: 2025-12-07T09:00:00Z"));
        Path free = write("free.md", article("slug: ferry-fares\naccess: free\ncomments: open\n", "published: 2025-12-07T10:00:00Z"));

        importer.importAll(read(plain, free), NOW);

        assertThat(rows("SELECT slug, access, comment_policy FROM articles ORDER BY slug"))
                .containsExactly(List.of("ferry-fares", "free", "open"), List.of("harbour-talks", "premium", "closed"));
    }

    @Test
    void twoFilesWithTheSameAddressInOneRunAreRefused() {
        Path a = write("a.md", article("slug: harbour-talks\n", "published: 2025-12-07T09:00:00Z"));
        Path b = write("b.md", article("slug: harbour-talks\n", "published: 2025-12-07T18:00:00Z"));

        var e = catchThrowableOfType(ImportException.class, () -> importer.importAll(read(a, b), NOW.plusSeconds(86_400)));

        assertThat(e.file()).isEqualTo(b.toString());
        assertThat(e.key()).isEqualTo("slug");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.getMessage()).contains("/world-news/2025/12/07/harbour-talks/", a.toString());
        assertNothingKept();
    }

    @Test
    void anArticlePublishedInTheFutureIsRefused() {
        Path good = write("good.md", article("", "published: 2025-12-07T09:00:00Z"));
        Path future = write("future.md", article("slug: tomorrow\n", "published: 2025-12-07T15:00:01Z"));

        var e = catchThrowableOfType(ImportException.class, () -> importer.importAll(read(good, future), NOW));

        assertThat(e.getMessage()).isEqualTo(future + ":5: published: 2025-12-07T15:00:01Z is in the future");
        assertNothingKept();
    }

    @Test
    void everyProblemOfTheRunIsReportedAtOnceAndNothingIsKept() {
        Path future = write("a-future.md", article("slug: tomorrow\n", "published: 2025-12-07T15:00:01Z"));
        Path first = write("b-first.md", article("slug: harbour-talks\n", "published: 2025-12-07T09:00:00Z"));
        Path same = write("c-same.md", article("slug: harbour-talks\n", "published: 2025-12-07T10:00:00Z"));
        byte[] whole = Fixtures.jpeg(1200, 675, Color.BLUE, Color.ORANGE);
        var broken = story("Broken").picture(new ImageSource("broken.jpg", Arrays.copyOf(whole, whole.length / 2), "", "", "", 9, "image"));
        List<ArticleSource> run = new ArrayList<>(read(future, first, same));
        run.add(broken.build());

        var e = catchThrowableOfType(ImportException.class, () -> importer.importAll(run, NOW));

        assertThat(e.problems()).extracting(ImportException::file, ImportException::line, ImportException::key).containsExactly(
                tuple(future.toString(), 5, "published"), tuple(same.toString(), 4, "slug"), tuple("test:Broken", 9, "image"));
        assertNothingKept();
    }

    @Test
    void aCorruptPictureFailsTheWholeRunAndKeepsNothing() {
        byte[] whole = Fixtures.jpeg(1200, 675, Color.BLUE, Color.ORANGE);
        byte[] broken = Arrays.copyOf(whole, whole.length / 2);
        List<ArticleSource> run = List.of(
                story("Good one").picture(Fixtures.picture("Good one", Color.RED, Color.WHITE)).build(),
                story("Good two").picture(Fixtures.picture("Good two", Color.GREEN, Color.BLACK)).build(),
                story("Broken").picture(new ImageSource("broken.jpg", broken, "Broken", "", "A broken picture", 9, "image")).build(),
                story("Good three").build());

        var e = catchThrowableOfType(ImportException.class, () -> importer.importAll(run, NOW));

        assertThat(e.file()).isEqualTo("test:Broken");
        assertThat(e.line()).isEqualTo(9);
        assertThat(e.key()).isEqualTo("image");
        assertThat(e.problem()).startsWith("broken.jpg: ");
        assertNothingKept();
    }

    @Test
    void aFailureInsideTheTransactionKeepsNothingAndRemovesThePicturesItWrote() {
        List<ArticleSource> run = List.of(
                story("Stored first").picture(Fixtures.picture("Stored first", Color.RED, Color.WHITE)).build(),
                // the database refuses an update before first publication; the reader would have refused it too
                story("Fails second").picture(Fixtures.picture("Fails second", Color.CYAN, Color.BLACK))
                        .published(NINE).updated(NINE.minusSeconds(60)).build(),
                story("Never reached").build());

        assertThatThrownBy(() -> importer.importAll(run, NOW)).isInstanceOf(RuntimeException.class);

        assertNothingKept();
    }

    @Test
    void aFailedRunLeavesWhatEarlierRunsStored() {
        ImageSource shared = Fixtures.picture("Shared", Color.MAGENTA, Color.WHITE);
        fixtures.store(NOW, story("Earlier").picture(shared).build());
        Map<String, Long> before = TestDatabase.rowCounts();
        List<Path> filesBefore = mediaFiles();

        assertThatThrownBy(() -> fixtures.store(NOW,
                story("Same picture").picture(shared).build(),
                story("Fails").published(NINE).updated(NINE.minusSeconds(1)).build()))
                .isInstanceOf(RuntimeException.class);

        assertThat(TestDatabase.rowCounts()).isEqualTo(before);
        assertThat(mediaFiles()).isEqualTo(filesBefore).isNotEmpty();
    }

    @Test
    void theSameTopicOrBylineTwiceInDifferentCaseIsStoredOnce() {
        fixtures.store(NOW, story("Doubled").bylines("Jane Reporter", "jane reporter").topics("Northmere", "NORTHMERE", "Ports").build());

        assertThat(rows("""
                SELECT t.name, at.position FROM article_topics at JOIN topics t ON t.id = at.topic_id ORDER BY at.position"""))
                .containsExactly(List.of("Northmere", 0), List.of("Ports", 1));
        assertThat(rows("SELECT c.name FROM article_bylines ab JOIN contributors c ON c.id = ab.contributor_id"))
                .containsExactly(List.of("Jane Reporter"));
    }

    private void assertNothingKept() {
        assertThat(TestDatabase.rowCounts()).allSatisfy((table, count) -> assertThat(count).as(table).isZero());
        assertThat(mediaFiles()).isEmpty();
    }

    /** Every file under the data folder's media directory. */
    private List<Path> mediaFiles() {
        if (!Files.isDirectory(media)) return List.of();
        try (Stream<Path> files = Files.walk(media)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<List<Object>> rows(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).map((rs, ctx) -> {
            Object[] row = new Object[rs.getMetaData().getColumnCount()];
            for (int i = 0; i < row.length; i++) row[i] = rs.getObject(i + 1);
            return List.of(row);
        }).list());
    }

    /** An article file: title on line 2, section on 3, then {@code extra} lines, then {@code published}. */
    private static String article(String extra, String published) {
        return "---\ntitle: Harbour talks\nsection: world-news\n" + extra + published + "\n---\nTalks resumed on Sunday.\n";
    }

    private Path write(String name, String text) {
        try {
            return Files.writeString(dataDir.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<ArticleSource> read(Path... files) {
        var reader = new MarkdownArticleReader();
        return Stream.of(files).map(reader::read).toList();
    }

    @Test
    void aFileImportedAgainWithANewSlugAndSectionMovesItsArticleAndKeepsTheOldAddress() {
        fixtures.store(NOW, story("Harbour vote delayed").slug("harbour-vote-delayed").published(NINE).build().withImportKey("2025/harbour.md"));
        fixtures.store(NOW, story("Harbour vote delayed again").section("politics").slug("harbour-vote-delayed-again")
                .published(NINE).build().withImportKey("2025/harbour.md"));

        assertThat(rows("SELECT path FROM articles")).containsExactly(List.of("/politics/2025/12/07/harbour-vote-delayed-again/"));
        var queries = new ArticleQueries(jdbi);
        assertThat(queries.movedTo("/world-news/2025/12/07/harbour-vote-delayed/"))
                .contains("/politics/2025/12/07/harbour-vote-delayed-again/");
    }

    @Test
    void aMoveOntoAnotherArticlesAddressIsRefused() {
        fixtures.store(NOW, story("First story").slug("first").published(NINE).build().withImportKey("first.md"));
        fixtures.store(NOW, story("Second story").slug("second").published(NINE).build().withImportKey("second.md"));

        assertThatThrownBy(() -> fixtures.store(NOW, story("Second story").slug("first").published(NINE).build().withImportKey("second.md")))
                .isInstanceOf(ImportException.class).hasMessageContaining("where another article already is");
        assertThat(rows("SELECT path FROM articles ORDER BY id")).containsExactly(
                List.of("/world-news/2025/12/07/first/"), List.of("/world-news/2025/12/07/second/"));
    }

    @Test
    void everyMoveOntoAnotherArticlesAddressInARunIsReported() {
        fixtures.store(NOW, story("First story").slug("first").published(NINE).build().withImportKey("first.md"),
                story("Second story").slug("second").published(NINE).build().withImportKey("second.md"),
                story("Third story").slug("third").published(NINE).build().withImportKey("third.md"));

        var e = catchThrowableOfType(ImportException.class, () -> fixtures.store(NOW,
                story("Second story").slug("first").published(NINE).build().withImportKey("second.md"),
                story("Third story").slug("second").published(NINE).build().withImportKey("third.md")));

        assertThat(e.problems()).extracting(ImportException::file).containsExactly("test:Second story", "test:Third story");
        assertThat(rows("SELECT path FROM articles ORDER BY id")).containsExactly(List.of("/world-news/2025/12/07/first/"),
                List.of("/world-news/2025/12/07/second/"), List.of("/world-news/2025/12/07/third/"));
    }
    @Test
    void aRunLargerThanABatchWithOneBadArticleAmongTheNewOnesKeepsNothing() {
        fixtures.store(NOW, story("First story").slug("first").published(NINE).build().withImportKey("first.md"),
                story("Second story").slug("second").published(NINE).build().withImportKey("second.md"));
        var before = TestDatabase.rowCounts();
        List<ArticleSource> run = new ArrayList<>();
        for (int i = 0; i < NewArticles.BATCH + 20; i++) {
            if (i == NewArticles.BATCH / 2) run.add(story("Second story").slug("first").published(NINE).build().withImportKey("second.md"));
            run.add(story("New story " + i).topics("Ports", "Topic " + (i % 7)).published(NINE).build().withImportKey("new-" + i + ".md"));
        }

        var e = catchThrowableOfType(ImportException.class, () -> fixtures.store(NOW, run.toArray(ArticleSource[]::new)));

        assertThat(e.problems()).extracting(ImportException::file).containsExactly("test:Second story");
        assertThat(TestDatabase.rowCounts()).isEqualTo(before);
    }

    @Test
    void articlesStoredInABatchAreStoredAsOneByOne() {
        fixtures.store(NOW, story("Existing").bylines("Jane Reporter").topics("Northmere").published(NINE).build().withImportKey("old.md"));
        List<ArticleSource> run = new ArrayList<>();
        for (int i = 0; i < NewArticles.BATCH + 3; i++) {
            run.add(story("Story " + i).bylines("JANE REPORTER", "Our Staff").topics("northmere", "Ports", "PORTS").published(NINE)
                    .build().withImportKey("new-" + i + ".md"));
        }
        // one replaced in the middle goes the one-by-one way, between two batches
        run.add(NewArticles.BATCH / 2, story("Existing, updated").bylines("Jane Reporter").published(NINE).build().withImportKey("old.md"));

        var result = fixtures.store(NOW, run.toArray(ArticleSource[]::new));

        assertThat(result.created()).isEqualTo(NewArticles.BATCH + 3);
        assertThat(result.replaced()).extracting(ArticleImporter.Replaced::origin).containsExactly("test:Existing, updated");
        assertThat(rows("SELECT count(*) FROM articles WHERE status = 'published' AND body_html LIKE '<p>%'"))
                .containsExactly(List.of((long) NewArticles.BATCH + 4));
        // ids follow the run's order
        assertThat(rows("SELECT headline FROM articles WHERE import_key LIKE 'new-%' ORDER BY id").stream().map(r -> (String) r.get(0)).toList())
                .isEqualTo(run.stream().map(a -> a.content().headline()).filter(h -> h.startsWith("Story")).toList());
        assertThat(rows("""
                SELECT string_agg(c.name, ', ' ORDER BY b.position) FROM article_bylines b JOIN contributors c ON c.id = b.contributor_id
                JOIN articles a ON a.id = b.article_id WHERE a.import_key = 'new-7.md'""")).containsExactly(List.of("Jane Reporter, Our Staff"));
        assertThat(rows("""
                SELECT string_agg(t.name, ', ' ORDER BY x.position) FROM article_topics x JOIN topics t ON t.id = x.topic_id
                JOIN articles a ON a.id = x.article_id WHERE a.import_key = 'new-7.md'""")).containsExactly(List.of("Northmere, Ports"));
        // each new article's history starts with one revision, holding what the editor reads back
        jdbi.useHandle(h -> {
            long id = h.createQuery("SELECT id FROM articles WHERE import_key = 'new-7.md'").mapTo(Long.class).one();
            var stored = ArticleStore.byId(h, id).orElseThrow();
            assertThat(Revisions.latest(h, id)).contains(Drafts.snapshot(h, stored));
        });
        assertThat(rows("SELECT count(*), min(number), max(number) FROM article_revisions WHERE kind = 'imported'"))
                .containsExactly(List.of((long) NewArticles.BATCH + 5, 1, 2));
    }
    @Test
    void aBatchIsFollowedByTheSearchIndexTheSitemapWebhooksAndTheCdnAsOneArticleIs() {
        jdbi.useHandle(h -> {
            h.execute("INSERT INTO cdn_purging (heartbeat) VALUES (now())");
            h.execute("""
                    INSERT INTO webhook_endpoints (url, events, secret, created_at, updated_at)
                    VALUES ('https://example.org/hook', ARRAY['article.published'], 'secret', now(), now())""");
        });
        List<List<Object>> derived = jdbi.withHandle(h -> {
            h.begin();
            try {
                var batch = new NewArticles(h, ZoneOffset.UTC, NOW, AuditLog.Actor.system("import"));
                for (int i = 0; i < 6; i++) {
                    batch.add(story("Story " + i).bylines("Jane Reporter", "Desk " + (i % 2)).topics("Ports", "Topic " + i)
                            .published(NINE.minus(40L * i, ChronoUnit.DAYS)).build().withImportKey("new-" + i + ".md"));
                }
                batch.flush();
                return derivedRows(h);
            } finally {
                h.rollback();
            }
        });

        List<String> keys = List.of("new-0.md", "new-1.md", "new-2.md", "new-3.md", "new-4.md", "new-5.md");
        assertThat(derived).filteredOn(r -> r.get(0).equals("outbox")).extracting(r -> r.get(1)).containsExactlyElementsOf(keys);
        assertThat(derived).filteredOn(r -> r.get(0).equals("event")).extracting(r -> r.get(1) + " " + r.get(2))
                .containsExactlyElementsOf(keys.stream().map(k -> "article.published " + k).toList());
        assertThat(derived).filteredOn(r -> r.get(0).equals("purge")).extracting(r -> r.get(1))
                .contains("home", "feeds", "articles", "topic-ports", "contributor-jane-reporter")
                .containsAll(keys.stream().map(k -> "article " + k).toList());
        // six articles forty days apart: each in its own month, counted once
        assertThat(derived).filteredOn(r -> r.get(0).equals("month")).hasSize(6).allSatisfy(r -> assertThat(r.get(2)).isEqualTo(1));
        // every link row carries its article's publication time, for the listings' order
        assertThat(derived).filteredOn(r -> r.get(0).equals("topic") || r.get(0).equals("byline")).hasSize(24)
                .allSatisfy(r -> assertThat(r.get(4)).isNotNull());
    }

    /** What the triggers keep for articles, with each article named by its import key rather than its id. */
    private static List<List<Object>> derivedRows(Handle h) {
        List<List<Object>> rows = new ArrayList<>();
        for (String sql : List.of(
                "SELECT DISTINCT 'outbox', a.import_key FROM search_outbox o JOIN articles a ON a.id = o.article_id ORDER BY 2",
                "SELECT 'month', month, articles, last_change FROM sitemap_months ORDER BY 2",
                """
                SELECT 'event', e.type, a.import_key, e.occurred_at FROM webhook_events e JOIN articles a ON a.id = e.article_id
                ORDER BY 3""",
                """
                SELECT DISTINCT 'purge', coalesce((SELECT 'article ' || a.import_key FROM articles a WHERE 'article-' || a.id = p.surrogate_key),
                    p.surrogate_key) FROM cdn_purges p ORDER BY 2""",
                """
                SELECT 'topic', a.import_key, x.position, t.name, x.published_at FROM article_topics x
                JOIN articles a ON a.id = x.article_id JOIN topics t ON t.id = x.topic_id ORDER BY 2, 3""",
                """
                SELECT 'byline', a.import_key, x.position, c.name, x.published_at FROM article_bylines x
                JOIN articles a ON a.id = x.article_id JOIN contributors c ON c.id = x.contributor_id ORDER BY 2, 3""")) {
            rows.addAll(h.createQuery(sql).map((rs, ctx) -> {
                Object[] row = new Object[rs.getMetaData().getColumnCount()];
                for (int i = 0; i < row.length; i++) row[i] = rs.getObject(i + 1);
                return Arrays.asList(row);
            }).list());
        }
        return rows;
    }
}
