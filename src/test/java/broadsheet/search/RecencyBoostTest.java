package broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The recency lift ranks as scoring every match would, and lets Lucene skip the matches that cannot make the page: the
 * cost of a search by relevance stops growing with the number of articles that match. In an index sorted newest first,
 * as the search index is, it skips more: the old matches the lift cannot carry onto the page.
 */
class RecencyBoostTest {
    private static final int ARTICLES = 20_000;
    private static final long NOW = 1_800_000_000L;
    private static Directory directory;
    private static DirectoryReader reader;
    private static Directory sortedDirectory;
    private static DirectoryReader sorted;

    @BeforeAll
    static void index() throws IOException {
        directory = new ByteBuffersDirectory();
        reader = index(directory, new IndexWriterConfig(SearchIndex.ANALYZER));
        sortedDirectory = new ByteBuffersDirectory();
        sorted = index(sortedDirectory, new IndexWriterConfig(SearchIndex.ANALYZER).setIndexSort(SearchIndex.NEWEST_FIRST));
    }

    /** The same articles in each index, in the order written or newest first. */
    private static DirectoryReader index(Directory directory, IndexWriterConfig config) throws IOException {
        Random random = new Random(12);
        try (IndexWriter w = new IndexWriter(directory, config)) {
            for (int i = 0; i < ARTICLES; i++) {
                Document d = new Document();
                // the word in every body, and in a few headlines: most matches are weak ones, as in a real archive
                d.add(new TextField(SearchIndex.HEADLINE, random.nextInt(100) == 0 ? "Harbour news " + i : "Other news " + i, Field.Store.NO));
                d.add(new TextField(SearchIndex.BODY, "harbour ".repeat(1 + random.nextInt(3)) + "words ".repeat(20 + random.nextInt(300)), Field.Store.NO));
                d.add(new NumericDocValuesField(SearchIndex.PUBLISHED, NOW - random.nextInt(4000) * 86_400L));
                w.addDocument(d);
            }
            w.forceMerge(1);
        }
        return DirectoryReader.open(directory);
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
        directory.close();
        sorted.close();
        sortedDirectory.close();
    }

    private static Query harbour() {
        return new BooleanQuery.Builder()
                .add(new BoostQuery(new TermQuery(new Term(SearchIndex.HEADLINE, "harbour")), 5), Occur.SHOULD)
                .add(new TermQuery(new Term(SearchIndex.BODY, "harbour")), Occur.SHOULD)
                .build();
    }

    private static TopDocs top(Query q, int hits, int counted) throws IOException {
        return top(reader, q, hits, counted);
    }

    private static TopDocs top(DirectoryReader in, Query q, int hits, int counted) throws IOException {
        return new IndexSearcher(in).search(q, new TopScoreDocCollectorManager(hits, null, counted));
    }

    private static final Tuning[] TUNINGS = {Tuning.DEFAULT, new Tuning(0, 30), new Tuning(1000, 3), new Tuning(300, 3650), new Tuning(1000, 3650)};

    @Test
    void theTopOfTheResultsIsWhatScoringEveryMatchGivesWhileMostMatchesAreSkipped() throws IOException {
        for (DirectoryReader in : new DirectoryReader[] {reader, sorted}) {
            String order = in == sorted ? "newest first, " : "as written, ";
            for (Tuning tuning : TUNINGS) {
                Query lifted = new RecencyBoost(harbour(), NOW, tuning);
                for (int page : new int[] {1, 3}) {
                    TopDocs skipping = top(in, lifted, 20 * page, 21);
                    TopDocs everything = top(in, lifted, 20 * page, Integer.MAX_VALUE);

                    assertThat(everything.totalHits.value()).as("every match scored").isEqualTo(ARTICLES);
                    assertThat(Arrays.stream(skipping.scoreDocs).map(RecencyBoostTest::hit).toList()).as(order + tuning + ", page " + page)
                            .isEqualTo(Arrays.stream(everything.scoreDocs).map(RecencyBoostTest::hit).toList());
                    assertThat(skipping.totalHits.value()).as("matches handed to the collector, " + order + tuning).isLessThan(ARTICLES / 2);
                }
            }
        }
    }

    @Test
    void anIndexSortedNewestFirstSkipsTheOldMatchesTheLiftCannotCarry() throws IOException {
        for (Tuning tuning : new Tuning[] {Tuning.DEFAULT, new Tuning(1000, 3)}) {
            Query lifted = new RecencyBoost(harbour(), NOW, tuning);
            long asWritten = top(reader, lifted, 20, 21).totalHits.value();
            long newestFirst = top(sorted, lifted, 20, 21).totalHits.value();
            assertThat(newestFirst).as(tuning.toString()).isLessThan(asWritten / 2);
        }
    }

    @Test
    void theLiftMultipliesTheWordsScoreByTheArticlesAge() throws IOException {
        Tuning tuning = new Tuning(100, 10);
        RecencyBoost lifted = new RecencyBoost(harbour(), NOW, tuning);
        assertThat(lifted.factor(NOW)).isEqualTo(2.0);
        assertThat(lifted.factor(NOW - 10 * 86_400L)).isEqualTo(1.5);
        assertThat(lifted.factor(NOW + 86_400L)).as("a date ahead counts as new").isEqualTo(2.0);

        IndexSearcher searcher = new IndexSearcher(reader);
        ScoreDoc first = top(lifted, 1, Integer.MAX_VALUE).scoreDocs[0];
        float words = searcher.explain(harbour(), first.doc).getValue().floatValue();
        assertThat(searcher.explain(lifted, first.doc).getValue().floatValue()).isEqualTo(first.score);
        assertThat(first.score).isGreaterThanOrEqualTo(words).isLessThanOrEqualTo(words * 2);
    }

    /**
     * What a search by relevance scores depends on how many articles a paper publishes in the lift's last weeks, not on
     * how far back its archive goes: five times the archive at the same daily rate hands the collector about as many
     * matches. (Written in the order they come, five times the archive hands it five times as many.)
     */
    @Test
    void theMatchesScoredDoNotGrowWithTheArchiveAtTheSameDailyRate() throws IOException {
        long[] handed = new long[2];
        int[] days = {2_000, 10_000};
        for (int i = 0; i < 2; i++) {
            try (Directory d = new ByteBuffersDirectory()) {
                Random random = new Random(5);
                try (IndexWriter w = new IndexWriter(d, new IndexWriterConfig(SearchIndex.ANALYZER).setIndexSort(SearchIndex.NEWEST_FIRST))) {
                    for (int n = 0; n < days[i] * 5; n++) { // five articles a day
                        Document doc = new Document();
                        doc.add(new TextField(SearchIndex.HEADLINE, random.nextInt(10) == 0 ? "Harbour news " + n : "Other news " + n, Field.Store.NO));
                        doc.add(new TextField(SearchIndex.BODY, "harbour ".repeat(1 + random.nextInt(3)) + "words ".repeat(20 + random.nextInt(300)), Field.Store.NO));
                        doc.add(new NumericDocValuesField(SearchIndex.PUBLISHED, NOW - (n / 5) * 86_400L - random.nextInt(86_400)));
                        w.addDocument(doc);
                    }
                }
                try (DirectoryReader r = DirectoryReader.open(d)) {
                    handed[i] = top(r, new RecencyBoost(harbour(), NOW, Tuning.DEFAULT), 20, 21).totalHits.value();
                }
            }
        }
        assertThat(handed[1]).as("matches handed to the collector: 10,000 articles " + handed[0] + ", 50,000 " + handed[1])
                .isLessThan(handed[0] * 3 / 2);
    }

    private static String hit(ScoreDoc d) {
        return d.doc + ":" + d.score;
    }
}
