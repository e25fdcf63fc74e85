package broadsheet.search;

import broadsheet.content.AccessLevel;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.highlight.WeightedSpanTerm;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.jdbi.v3.core.Jdbi;

/**
 * Search on this instance's own Lucene index (in {@code search/} in the data folder), kept following the database by
 * {@link SearchSync}. Words match headlines, standfirsts, bodies, bylines and topics (a headline match counts most),
 * every word must match somewhere, and newer articles are lifted as the newsroom's {@link Tuning} says.
 */
public final class SearchEngine implements Search, AutoCloseable, MeterBinder {
    /** How much a match in each field counts: a headline match outranks a body match. */
    private static final Map<String, Float> FIELDS = Map.of(SearchIndex.HEADLINE, 5f, SearchIndex.TOPICS, 3f,
            SearchIndex.BYLINES, 3f, SearchIndex.STANDFIRST, 2f, SearchIndex.BODY, 1f);
    /** Fewer results than this, and the results offer a spelling and related topics. */
    private static final int FEW = 3;
    private static final int RELATED_TOPICS = 5;
    private final SearchIndex index;
    private final SearchSync sync;
    private final ZoneId zone;
    private final Clock clock;
    private final Supplier<Tuning> tuning;
    private final QueryBuilder queries = new QueryBuilder(SearchIndex.ANALYZER);
    private final Snippets snippets = new Snippets();
    private final LongAdder queriesRun = new LongAdder();
    private final LongAdder queryNanos = new LongAdder();

    private SearchEngine(SearchIndex index, SearchSource source, ZoneId zone, Clock clock, Supplier<Tuning> tuning) {
        this.index = index;
        this.zone = zone;
        this.clock = clock;
        this.tuning = tuning;
        this.sync = new SearchSync(index, source);
    }

    /**
     * Opens the index in {@code folder} and starts following the database; an index that is missing, empty or of an
     * older format is rebuilt in the background (searches find nothing, or what the old index held, until then).
     */
    public static SearchEngine open(Path folder, Jdbi jdbi, ZoneId zone, Clock clock, Supplier<Tuning> tuning) {
        return new SearchEngine(SearchIndex.open(folder), new SearchSource(jdbi), zone, clock, tuning);
    }

    /** The index's folder in a data folder. */
    public static Path folder(Path dataDir) {
        return dataDir.resolve("search");
    }

    /** What {@link #reindex} did: built the index here, or left it to the running server that has it open. */
    public record Reindexed(boolean here, int articles) {}

    /**
     * {@code broadsheet reindex}: asks every running instance, through the outbox, to build its index again from the
     * database (in the background), and builds the index in {@code folder} now unless a running server has it open.
     */
    public static Reindexed reindex(Path folder, Jdbi jdbi) {
        SearchSource source = new SearchSource(jdbi);
        source.askEveryoneToRebuild();
        SearchIndex index;
        try {
            index = SearchIndex.open(folder);
        } catch (SearchIndex.InUse e) {
            return new Reindexed(false, 0);
        }
        try (index) {
            // nothing else runs here: every core takes the bodies apart and adds them
            return new Reindexed(true, SearchSync.build(index, source, Runtime.getRuntime().availableProcessors()).articles());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build the search index in " + folder, e);
        }
    }

    /** Something changed in the database: look at the outbox now, not at the next turn. */
    public void changed() {
        sync.wake();
    }

    /** Starts building the index again from the database, in the background; returns the rebuild's number. */
    public long rebuild() {
        return sync.rebuild();
    }

    /** Waits until the rebuild {@code number} is done (1: the one at start, when there was one). */
    public boolean awaitRebuild(long number, Duration timeout) throws InterruptedException {
        return sync.awaitRebuild(number, timeout);
    }

    /** Waits until the index shows every change committed to the database before this call. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return sync.awaitCaughtUp(timeout);
    }

    /** How many articles the index holds. */
    public int size() {
        try {
            return index.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public SearchResults search(SearchQuery query, Reading reading) {
        long started = System.nanoTime();
        try {
            IndexSearcher searcher = index.searchers().acquire();
            try {
                return search(searcher, query, reading);
            } finally {
                index.searchers().release(searcher);
                queryNanos.add(System.nanoTime() - started);
                queriesRun.increment();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the search index", e);
        }
    }

    private SearchResults search(IndexSearcher searcher, SearchQuery query, Reading reading) throws IOException {
        QueryText text = QueryText.read(query.text());
        Query words = words(text);
        if (words == null && !text.empty()) {
            // only words too common to search ("the", "and"): nothing to find
            return new SearchResults(query, 0, false, List.of(), false, "", List.of(), text.malformed());
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        all.add(words != null ? words : new MatchAllDocsQuery(), words != null ? Occur.MUST : Occur.FILTER);
        filters(query).forEach(f -> all.add(f, Occur.FILTER));
        Query matching = all.build();

        int wanted = query.page() * SearchQuery.PAGE_SIZE;
        TopDocs top;
        // the collectors count exactly up to one more than the deepest page holds, and past that only keep the best:
        // they may then skip what cannot make the page, so a search's cost stops growing with the archive
        if (words == null || query.order() == SearchQuery.Order.NEWEST) {
            // the index's own order: each segment stops once it has given a page and the count
            top = searcher.search(matching, new TopFieldCollectorManager(SearchIndex.NEWEST_FIRST, wanted, null, SearchResults.COUNTED + 1));
        } else {
            Query ranked = new RecencyBoost(matching, clock.instant().getEpochSecond(), tuning.get());
            top = searcher.search(ranked, new TopScoreDocCollectorManager(wanted, null, SearchResults.COUNTED + 1));
        }
        boolean more = top.totalHits.relation() != TotalHits.Relation.EQUAL_TO || top.totalHits.value() > SearchResults.COUNTED;
        long total = more ? SearchResults.COUNTED : top.totalHits.value();
        Snippets.Marking marked = Snippets.marking(highlighted(text));
        StoredFields stored = searcher.storedFields();
        List<SearchHit> hits = new ArrayList<>();
        ScoreDoc[] docs = top.scoreDocs;
        int from = (query.page() - 1) * SearchQuery.PAGE_SIZE;
        int[] page = IntStream.range(Math.min(from, docs.length), docs.length).map(i -> docs[i].doc).toArray();
        int[] firsts = firstMarked(searcher.getIndexReader(), page, marked);
        for (int i = 0; i < page.length; i++) {
            hits.add(hit(stored.document(page[i]), marked, reading, firsts[i]));
        }
        boolean hasNext = (more || total > wanted) && query.page() < SearchQuery.MAX_PAGE;
        String didYouMean = "";
        List<SearchResults.TopicLink> topics = List.of();
        if (total < FEW && !text.empty()) {
            didYouMean = didYouMean(searcher, text, query, total);
            topics = relatedTopics(searcher, didYouMean.isEmpty() ? text : QueryText.read(didYouMean), query.topic());
        }
        return new SearchResults(query, total, more, hits, hasNext, didYouMean, topics, text.malformed());
    }

    /** Every word and phrase must match in one of the fields; null when no word is left to search. */
    private Query words(QueryText text) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int clauses = 0;
        for (String word : text.words()) {
            Query q = anyField(word, false);
            if (q != null) {
                all.add(q, Occur.MUST);
                clauses++;
            }
        }
        for (String phrase : text.phrases()) {
            Query q = anyField(phrase, true);
            if (q != null) {
                all.add(q, Occur.MUST);
                clauses++;
            }
        }
        return clauses == 0 ? null : all.build();
    }

    private Query anyField(String words, boolean phrase) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        boolean found = false;
        for (Map.Entry<String, Float> f : FIELDS.entrySet()) {
            Query q = phrase ? queries.createPhraseQuery(f.getKey(), words) : queries.createBooleanQuery(f.getKey(), words, Occur.MUST);
            if (q == null) continue;
            any.add(new BoostQuery(q, f.getValue()), Occur.SHOULD);
            found = true;
        }
        return found ? any.build() : null;
    }

    /** The words and phrases in the body alone, to mark them in a snippet. */
    private Query highlighted(QueryText text) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String word : text.words()) {
            Query q = queries.createBooleanQuery(SearchIndex.BODY, word, Occur.MUST);
            if (q != null) any.add(q, Occur.SHOULD);
        }
        for (String phrase : text.phrases()) {
            Query q = queries.createPhraseQuery(SearchIndex.BODY, phrase);
            if (q != null) any.add(q, Occur.SHOULD);
        }
        return any.build();
    }

    private List<Query> filters(SearchQuery query) {
        List<Query> filters = new ArrayList<>();
        if (!query.section().isEmpty()) filters.add(new TermQuery(new Term(SearchIndex.SECTION, query.section())));
        if (!query.topic().isEmpty()) filters.add(new TermQuery(new Term(SearchIndex.TOPIC, query.topic())));
        if (!query.author().isEmpty()) filters.add(new TermQuery(new Term(SearchIndex.AUTHOR, query.author())));
        if (query.from() != null || query.to() != null) {
            long from = query.from() == null ? Long.MIN_VALUE : startOf(query.from());
            long to = query.to() == null ? Long.MAX_VALUE : startOf(query.to().plusDays(1)) - 1;
            filters.add(LongPoint.newRangeQuery(SearchIndex.PUBLISHED, from, to));
        }
        return filters;
    }

    private long startOf(LocalDate day) {
        return day.atStartOfDay(zone).toEpochSecond();
    }

    /** @param firstMarked where the first marked word is in the body, as {@link #firstMarked} found it */
    private SearchHit hit(Document d, Snippets.Marking marked, Reading reading, int firstMarked) {
        long id = d.getField(SearchIndex.ARTICLE_ID).numericValue().longValue();
        AccessLevel access = SearchIndex.access(d.get(SearchIndex.ACCESS));
        String standfirst = d.get(SearchIndex.STANDFIRST);
        String blocks = d.get(SearchIndex.BLOCKS);
        // only what this reader may see: the whole body, or the opening the paywall shows (both read from the top, as
        // the index keeps the body, so its offsets hold), or the standfirst
        String visible;
        boolean body = true;
        if (reading.fullText().test(id, access)) {
            visible = IndexedArticle.text(blocks, IndexedArticle.ALL);
        } else {
            visible = reading.previewParagraphs() > 0 ? IndexedArticle.text(blocks, reading.previewParagraphs()) : "";
            if (visible.isEmpty()) {
                visible = standfirst;
                body = false;
            }
        }
        List<String> bylines = Arrays.stream(d.getFields(SearchIndex.BYLINE)).map(IndexableField::stringValue).toList();
        return new SearchHit(id, d.get(SearchIndex.PATH), d.get(SearchIndex.HEADLINE), standfirst, d.get(SearchIndex.SECTION),
                d.get(SearchIndex.SECTION_NAME), bylines,
                Instant.ofEpochSecond(d.getField(SearchIndex.PUBLISHED).numericValue().longValue()), access,
                snippets.of(visible, marked, body ? firstMarked : Snippets.UNKNOWN));
    }

    /**
     * Where in each document's body the first of the marked words starts, as the index recorded it; {@link
     * Snippets#NOWHERE} when none is there, {@link Snippets#UNKNOWN} when the marking is not of words alone or the index
     * kept no offsets. Each word's postings are looked up once per segment and walked through the documents in order.
     */
    static int[] firstMarked(IndexReader reader, int[] docs, Snippets.Marking marked) throws IOException {
        int[] first = new int[docs.length];
        if (marked.terms() == null || marked.terms().length == 0) {
            Arrays.fill(first, Snippets.UNKNOWN);
            return first;
        }
        Arrays.fill(first, Integer.MAX_VALUE);
        int[] order = IntStream.range(0, docs.length).boxed().sorted(Comparator.comparingInt(i -> docs[i])).mapToInt(i -> i).toArray();
        List<LeafReaderContext> leaves = reader.leaves();
        for (WeightedSpanTerm t : marked.terms()) {
            BytesRef term = new BytesRef(t.getTerm());
            LeafReaderContext leaf = null;
            PostingsEnum postings = null;
            for (int i : order) {
                LeafReaderContext in = leaves.get(ReaderUtil.subIndex(docs[i], leaves));
                if (in != leaf) {
                    leaf = in;
                    postings = null;
                    Terms terms = leaf.reader().terms(SearchIndex.BODY);
                    TermsEnum words = terms == null ? null : terms.iterator();
                    if (words != null && words.seekExact(term)) postings = words.postings(null, PostingsEnum.OFFSETS);
                }
                if (postings == null || first[i] == Snippets.UNKNOWN) continue;
                int target = docs[i] - leaf.docBase;
                int at = postings.docID() >= target ? postings.docID() : postings.advance(target);
                if (at == DocIdSetIterator.NO_MORE_DOCS) postings = null;
                if (at != target) continue;
                postings.nextPosition();
                int start = postings.startOffset();
                first[i] = start < 0 ? Snippets.UNKNOWN : Math.min(first[i], start);
            }
        }
        for (int i = 0; i < first.length; i++) if (first[i] == Integer.MAX_VALUE) first[i] = Snippets.NOWHERE;
        return first;
    }

    /** The query with words missing from the index replaced by the nearest ones in it, when that finds more. */
    private String didYouMean(IndexSearcher searcher, QueryText text, SearchQuery query, long total) throws IOException {
        DirectSpellChecker checker = new DirectSpellChecker();
        boolean changed = false;
        List<String> words = new ArrayList<>();
        for (String w : text.words()) {
            String better = better(checker, searcher, w);
            changed |= !better.equals(w);
            words.add(better);
        }
        List<String> phrases = new ArrayList<>();
        for (String p : text.phrases()) {
            List<String> each = new ArrayList<>();
            for (String w : p.split(" ")) {
                String better = better(checker, searcher, w);
                changed |= !better.equals(w);
                each.add(better);
            }
            phrases.add(String.join(" ", each));
        }
        if (!changed) return "";
        String suggestion = QueryText.text(words, phrases);
        Query q = words(QueryText.read(suggestion));
        if (q == null) return "";
        BooleanQuery.Builder all = new BooleanQuery.Builder().add(q, Occur.MUST);
        filters(query).forEach(f -> all.add(f, Occur.FILTER));
        return searcher.count(all.build()) > total ? suggestion : "";
    }

    private static String better(DirectSpellChecker checker, IndexSearcher searcher, String word) throws IOException {
        String plain = SearchIndex.PLAIN.normalize(SearchIndex.WORDS, word).utf8ToString();
        if (!plain.chars().allMatch(Character::isLetter)) return word;
        SuggestWord[] found = checker.suggestSimilar(new Term(SearchIndex.WORDS, plain), 1, searcher.getIndexReader(),
                SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
        return found.length == 0 ? word : found[0].string;
    }

    /** The topics most often on articles matching any of the words: somewhere to go when little matched. */
    private List<SearchResults.TopicLink> relatedTopics(IndexSearcher searcher, QueryText text, String currentTopic) throws IOException {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        boolean found = false;
        for (String w : text.words()) {
            Query q = anyField(w, false);
            if (q != null) {
                any.add(q, Occur.SHOULD);
                found = true;
            }
        }
        for (String p : text.phrases()) {
            for (String w : p.split(" ")) {
                Query q = anyField(w, false);
                if (q != null) {
                    any.add(q, Occur.SHOULD);
                    found = true;
                }
            }
        }
        if (!found) return List.of();
        Map<String, Integer> counts = new LinkedHashMap<>();
        StoredFields stored = searcher.storedFields();
        for (ScoreDoc sd : searcher.search(any.build(), 50).scoreDocs) {
            for (IndexableField f : stored.document(sd.doc).getFields(SearchIndex.TOPIC_LINK)) {
                counts.merge(f.stringValue(), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .filter(e -> !e.getKey().startsWith(currentTopic + "\t") || currentTopic.isEmpty())
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(RELATED_TOPICS)
                .map(e -> {
                    String[] slugName = e.getKey().split("\t", 2);
                    return new SearchResults.TopicLink(slugName[1], slugName[0]);
                }).toList();
    }

    /** Searches run and their time, and how far this instance's index is behind the database. */
    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionTimer.builder("broadsheet.search.queries", this, e -> e.queriesRun.sum(), e -> e.queryNanos.sum(), TimeUnit.NANOSECONDS)
                .description("Searches run on this instance's index (the search page and the Content API), and the time they took")
                .register(registry);
        Gauge.builder("broadsheet.search.index.lag.rows", this, SearchEngine::behind)
                .description("Search outbox rows this instance's index has not applied yet (read from the database when scraped; "
                        + "NaN while it cannot be reached)")
                .register(registry);
    }

    private double behind() {
        try {
            return sync.behind();
        } catch (RuntimeException e) {
            return Double.NaN; // a scrape must answer even while the database does not
        }
    }

    @Override
    public void close() {
        sync.close();
        index.close();
    }
}
