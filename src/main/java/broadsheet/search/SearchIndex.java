package broadsheet.search;

import broadsheet.content.AccessLevel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * The Lucene index in the data folder: one long-lived writer, and a {@link SearcherManager} for reads, refreshed after
 * each batch of changes. The commit's user data records the index's format and how far into the search outbox it is,
 * so a restarted server carries on where it stopped, and rebuilds when the folder holds nothing it can use.
 */
final class SearchIndex implements AutoCloseable {
    /**
     * Lucene warns, on the console at its first use, that Java's incubating vector module is not enabled. Search uses
     * no vectors, so the warning says nothing an operator can act on: its logger is set to severe before Lucene loads
     * (held here, because java.util.logging forgets loggers no one holds).
     */
    private static final java.util.logging.Logger VECTOR_NOTICE = quiet("org.apache.lucene.internal.vectorization");
    /** Raised when what is indexed, or how, changes: an index of another format is rebuilt at start. */
    static final String FORMAT = "4";
    static final String ID = "id";
    static final String ARTICLE_ID = "articleId";
    static final String HEADLINE = "headline";
    static final String STANDFIRST = "standfirst";
    static final String BODY = "body";
    static final String BLOCKS = "blocks";
    static final String BYLINES = "bylines";
    static final String BYLINE = "byline";
    static final String AUTHOR = "author";
    static final String TOPICS = "topics";
    static final String TOPIC = "topic";
    static final String TOPIC_LINK = "topicLink";
    static final String SECTION = "section";
    static final String SECTION_NAME = "sectionName";
    static final String PUBLISHED = "published";
    static final String ACCESS = "access";
    static final String PATH = "path";
    /** Every word of the article unstemmed, for spelling suggestions. */
    static final String WORDS = "words";

    /**
     * The order of the documents in the index: newest first. A search by date stops after a page's worth in each
     * segment, and a search by relevance knows no later document gets a larger recency lift ({@link RecencyBoost}).
     */
    static final Sort NEWEST_FIRST = new Sort(new SortField(PUBLISHED, SortField.Type.LONG, true));

    private static final String USER_FORMAT = "format";
    private static final String USER_OUTBOX = "outbox";
    private static final String USER_GAPS = "gaps";
    private static final String USER_SYNCED = "synced";
    private static final FieldType WORDS_TYPE = new FieldType();
    /**
     * The body's words with where each one is in the text: a snippet then starts reading the text near the first word
     * searched for ({@link Snippets#of(String, Snippets.Marking, int)}) instead of at its top.
     */
    private static final FieldType BODY_TYPE = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        WORDS_TYPE.setIndexOptions(IndexOptions.DOCS);
        WORDS_TYPE.setTokenized(true);
        WORDS_TYPE.setOmitNorms(true);
        WORDS_TYPE.freeze();
        BODY_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        BODY_TYPE.freeze();
    }

    /** English text: lower case, accents folded, stop words out, words stemmed ("elections" finds "election"). */
    static final Analyzer ENGLISH = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream s = new EnglishPossessiveFilter(source);
            s = new ASCIIFoldingFilter(new LowerCaseFilter(s));
            s = new StopFilter(s, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
            return new TokenStreamComponents(source, new PorterStemFilter(s));
        }

        @Override
        protected TokenStream normalize(String field, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    };

    /** Words as written, folded to lower case without accents: what a spelling suggestion offers. */
    static final Analyzer PLAIN = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, new ASCIIFoldingFilter(new LowerCaseFilter(source)));
        }

        @Override
        protected TokenStream normalize(String field, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    };

    static final Analyzer ANALYZER = new PerFieldAnalyzerWrapper(ENGLISH, Map.of(WORDS, PLAIN));

    /** The index is open in another process (a server running on this data folder). */
    static final class InUse extends RuntimeException {
        InUse(Path folder) {
            super("The search index in " + folder + " is in use by a running server");
        }
    }

    /** Where the index stands: how far into the outbox, with the lower ids still awaited, and when it last looked. */
    record State(long outbox, List<Long> gaps, Instant synced) {
        State {
            gaps = List.copyOf(gaps);
        }
    }

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final State opened;

    private SearchIndex(Path folder) throws IOException {
        Files.createDirectories(folder);
        this.directory = FSDirectory.open(folder);
        State found = usable(directory);
        IndexWriter w;
        try {
            w = new IndexWriter(directory, config(found == null ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        } catch (LockObtainFailedException e) {
            directory.close();
            throw e; // another process (a running server) has it
        } catch (IOException | RuntimeException e) {
            if (found != null) throw e;
            // files of an older Lucene, or damaged ones: nothing here is worth keeping
            clear(folder);
            w = new IndexWriter(directory, config(IndexWriterConfig.OpenMode.CREATE));
        }
        this.writer = w;
        this.searchers = new SearcherManager(writer, null);
        this.opened = found;
    }

    private static IndexWriterConfig config(IndexWriterConfig.OpenMode mode) {
        return new IndexWriterConfig(ANALYZER).setCodec(new SearchCodec()).setOpenMode(mode).setRAMBufferSizeMB(64).setIndexSort(NEWEST_FIRST)
                // a rebuild cut short by a stop must not pass for a whole index: only commit() makes changes durable
                .setCommitOnClose(false);
    }

    /**
     * Opens the index in {@code folder}, emptied when it holds no index of this format.
     *
     * @throws InUse when another process has it open
     */
    static SearchIndex open(Path folder) {
        try {
            return new SearchIndex(folder);
        } catch (LockObtainFailedException e) {
            throw new InUse(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index in " + folder, e);
        }
    }

    /** The state the index was opened in, or null when it was missing, empty or of another format (rebuild it). */
    State opened() {
        return opened;
    }

    private static State usable(Directory directory) {
        try {
            if (!DirectoryReader.indexExists(directory)) return null;
            Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
            if (!FORMAT.equals(data.get(USER_FORMAT)) || !data.containsKey(USER_OUTBOX)) return null;
            List<Long> gaps = data.getOrDefault(USER_GAPS, "").isEmpty() ? List.of()
                    : Stream.of(data.get(USER_GAPS).split(",")).map(Long::valueOf).toList();
            return new State(Long.parseLong(data.get(USER_OUTBOX)), gaps, Instant.parse(data.get(USER_SYNCED)));
        } catch (IOException | RuntimeException e) {
            return null; // an index of an older Lucene, or damaged: rebuilt
        }
    }

    private static void clear(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                if (Files.isRegularFile(f) && !f.getFileName().toString().equals(IndexWriter.WRITE_LOCK_NAME)) Files.delete(f);
            }
        }
    }

    /** The searchers: acquire one, release it after use. */
    SearcherManager searchers() {
        return searchers;
    }

    /** Puts the article in the index, replacing what was there for it. */
    void put(IndexedArticle a) throws IOException {
        writer.updateDocument(new Term(ID, Long.toString(a.id())), document(a));
    }

    /** Takes an article out of the index. */
    void remove(long articleId) throws IOException {
        writer.deleteDocuments(new Term(ID, Long.toString(articleId)));
    }

    /** Takes everything out (a rebuild; readers see the old index until {@link #commit}). */
    void removeAll() throws IOException {
        writer.deleteAll();
    }

    /** Makes the changes so far durable, with where the index now stands, and shows them to new searches. */
    void commit(State state) throws IOException {
        Map<String, String> data = new HashMap<>();
        data.put(USER_FORMAT, FORMAT);
        data.put(USER_OUTBOX, Long.toString(state.outbox()));
        data.put(USER_GAPS, String.join(",", state.gaps().stream().map(String::valueOf).toList()));
        data.put(USER_SYNCED, state.synced().toString());
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    /** How many articles the index holds, as the latest searcher sees it. */
    int size() throws IOException {
        var searcher = searchers.acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            searchers.release(searcher);
        }
    }

    private static Document document(IndexedArticle a) {
        Document d = new Document();
        d.add(new StringField(ID, Long.toString(a.id()), Field.Store.NO));
        d.add(new StoredField(ARTICLE_ID, a.id()));
        d.add(new StoredField(PATH, a.path()));
        d.add(new TextField(HEADLINE, a.headline(), Field.Store.YES));
        d.add(new TextField(STANDFIRST, a.standfirst(), Field.Store.YES));
        String blocks = IndexedArticle.stored(a.blocks());
        String body = IndexedArticle.text(blocks, IndexedArticle.ALL);
        d.add(new Field(BODY, body, BODY_TYPE));
        d.add(new StoredField(BLOCKS, blocks));
        for (IndexedArticle.Link b : a.bylines()) {
            d.add(new TextField(BYLINES, b.name(), Field.Store.NO));
            d.add(new StoredField(BYLINE, b.name()));
            d.add(new StringField(AUTHOR, b.slug(), Field.Store.NO));
        }
        for (IndexedArticle.Link t : a.topics()) {
            d.add(new TextField(TOPICS, t.name(), Field.Store.NO));
            d.add(new StringField(TOPIC, t.slug(), Field.Store.NO));
            d.add(new StoredField(TOPIC_LINK, t.slug() + "\t" + t.name()));
        }
        d.add(new StringField(SECTION, a.sectionSlug(), Field.Store.YES));
        d.add(new StoredField(SECTION_NAME, a.sectionName()));
        long published = a.published().getEpochSecond();
        d.add(new LongPoint(PUBLISHED, published));
        d.add(new NumericDocValuesField(PUBLISHED, published));
        d.add(new StoredField(PUBLISHED, published));
        d.add(new StoredField(ACCESS, a.access().word()));
        List<String> words = new ArrayList<>(List.of(a.headline(), a.standfirst(), body));
        a.bylines().forEach(b -> words.add(b.name()));
        a.topics().forEach(t -> words.add(t.name()));
        d.add(new Field(WORDS, String.join("\n", words), WORDS_TYPE));
        return d;
    }

    /** The blocks as {@link IndexedArticle#stored} kept them. */
    static List<IndexedArticle.Block> blocks(String stored) {
        List<IndexedArticle.Block> blocks = new ArrayList<>();
        if (stored == null || stored.isEmpty()) return blocks;
        for (String line : stored.split("\n", -1)) {
            if (!line.isEmpty()) blocks.add(new IndexedArticle.Block(IndexedArticle.kind(line.charAt(0)), line.substring(1)));
        }
        return blocks;
    }

    static AccessLevel access(String word) {
        return AccessLevel.fromWord(word).orElse(AccessLevel.PREMIUM);
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close the search index", e);
        }
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.SEVERE);
        return logger;
    }
}
