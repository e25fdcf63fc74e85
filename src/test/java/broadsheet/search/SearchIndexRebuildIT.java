package broadsheet.search;

import static broadsheet.testing.Fixtures.story;
import static broadsheet.testing.TestApp.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.Fixtures;
import broadsheet.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An engine opened on a folder with no usable index (missing, empty, of an older format, damaged) builds it from the
 * database by itself; one opened on its own index again carries on from where it stopped, without a rebuild.
 */
@ExtendWith(TestDatabase.class)
class SearchIndexRebuildIT {
    private final Path dataDir = TestDatabase.tempDir("search-");

    @BeforeEach
    void anArticle() {
        new Fixtures(dataDir).store(NOW, story("Lighthouse keeper retires").published(NOW.minusSeconds(60)).build());
    }

    private static SearchEngine open(Path folder) {
        return SearchEngine.open(folder, TestDatabase.jdbi(), ZoneId.of("Europe/London"), Clock.fixed(NOW, ZoneId.of("UTC")),
                () -> Tuning.DEFAULT);
    }

    private static List<String> found(SearchEngine engine, String words) {
        return engine.search(SearchQuery.of(words), Search.Reading.freeOnly(3)).hits().stream().map(SearchHit::headline).toList();
    }

    private static void builtAtStart(Path folder) throws InterruptedException {
        try (SearchEngine engine = open(folder)) {
            assertThat(engine.awaitRebuild(1, Duration.ofSeconds(60))).isTrue();
            assertThat(found(engine, "lighthouse")).containsExactly("Lighthouse keeper retires");
            assertThat(found(engine, "ghost")).isEmpty();
        }
    }

    @Test
    void aBuildOnManyThreadsHoldsWhatABuildOnOneDoes() throws IOException, InterruptedException {
        Fixtures fixtures = new Fixtures(dataDir);
        for (int i = 0; i < 40; i++) {
            fixtures.store(NOW, story("Harbour report number " + i).published(NOW.minusSeconds(120 + i)).build());
        }
        SearchSource source = new SearchSource(TestDatabase.jdbi());
        Path one = dataDir.resolve("one");
        Path many = dataDir.resolve("many");
        try (SearchIndex index = SearchIndex.open(one)) {
            assertThat(SearchSync.build(index, source, 1).articles()).isEqualTo(41);
        }
        try (SearchIndex index = SearchIndex.open(many)) {
            // fewer waiting places than articles: the reader waits for the threads
            assertThat(SearchSync.build(index, source, 3).articles()).isEqualTo(41);
            assertNewestFirst(index);
        }
        try (SearchEngine a = open(one); SearchEngine b = open(many)) {
            for (String words : List.of("harbour", "lighthouse", "number 7", "report", "ghost")) {
                var x = a.search(SearchQuery.of(words), Search.Reading.freeOnly(3));
                var y = b.search(SearchQuery.of(words), Search.Reading.freeOnly(3));
                assertThat(y.total()).as(words).isEqualTo(x.total());
                assertThat(y.hits().stream().map(SearchHit::headline).sorted().toList()).as(words)
                        .isEqualTo(x.hits().stream().map(SearchHit::headline).sorted().toList());
            }
            assertThat(b.size()).isEqualTo(41);
        }
    }

    /** Every segment is sorted by date, newest first: what the recency lift's bound and the date order rely on. */
    private static void assertNewestFirst(SearchIndex index) throws IOException {
        var searcher = index.searchers().acquire();
        try {
            assertThat(searcher.getIndexReader().leaves()).isNotEmpty();
            for (var leaf : searcher.getIndexReader().leaves()) {
                assertThat(leaf.reader().getMetaData().sort()).isEqualTo(SearchIndex.NEWEST_FIRST);
                var dates = org.apache.lucene.index.DocValues.getNumeric(leaf.reader(), SearchIndex.PUBLISHED);
                long previous = Long.MAX_VALUE;
                for (int doc = dates.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; doc = dates.nextDoc()) {
                    assertThat(dates.longValue()).isLessThanOrEqualTo(previous);
                    previous = dates.longValue();
                }
            }
        } finally {
            index.searchers().release(searcher);
        }
    }

    @Test
    void aMissingFolderIsBuiltFromTheDatabase() throws InterruptedException {
        builtAtStart(dataDir.resolve("search"));
    }

    @Test
    void anEmptyFolderIsBuiltFromTheDatabase() throws IOException, InterruptedException {
        Files.createDirectories(dataDir.resolve("search"));
        builtAtStart(dataDir.resolve("search"));
    }

    @Test
    void anIndexOfAnOlderFormatIsBuiltAgain() throws IOException, InterruptedException {
        Path folder = dataDir.resolve("search");
        try (var dir = FSDirectory.open(folder); var w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
            Document d = new Document();
            d.add(new TextField("headline", "ghost story", Field.Store.YES));
            w.addDocument(d);
            w.setLiveCommitData(Map.of("format", "0", "outbox", "0", "synced", NOW.toString()).entrySet());
            w.commit();
        }
        builtAtStart(folder);
    }

    @Test
    void damagedFilesAreBuiltAgain() throws IOException, InterruptedException {
        Path folder = Files.createDirectories(dataDir.resolve("search"));
        Files.writeString(folder.resolve("segments_3"), "not an index");
        Files.writeString(folder.resolve("_0.cfs"), "nor this");
        builtAtStart(folder);
    }

    @Test
    void anIndexOpenedAgainCarriesOnFromTheOutboxWithoutARebuild() throws InterruptedException {
        Path folder = dataDir.resolve("search");
        builtAtStart(folder);
        new Fixtures(dataDir).store(NOW, story("Ghost ship sighted").published(NOW.minusSeconds(30)).build());

        try (SearchEngine engine = open(folder)) {
            assertThat(found(engine, "lighthouse")).as("as it was, before any rebuild").containsExactly("Lighthouse keeper retires");
            assertThat(engine.awaitCaughtUp(Duration.ofSeconds(60))).isTrue();
            assertThat(found(engine, "ghost")).containsExactly("Ghost ship sighted");
            assertThat(engine.awaitRebuild(1, Duration.ZERO)).as("no rebuild").isFalse();
        }
    }
}
