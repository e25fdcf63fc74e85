package broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.content.AccessLevel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snippets marked the quick way (a query of words by its terms) are the snippets the long way gives (Lucene's span
 * extraction, which indexes each text in memory first), for whole bodies and openings as the index keeps them.
 */
class SnippetMarkingTest {
    private static final String[] WORDS = {"the", "harbour", "Harbour's", "harbours", "harboured", "council", "Council",
        "vote", "votes", "café", "cafe", "naïve", "a", "and", "of", "said", "on", "Monday", "ferry", "ferries", "2026",
        "covid-19", "it's", "mayor", "Noor", "Haldane", "reopened", "crossing", "—", "timetable", "pledge", "water"};
    private static final QueryBuilder QUERIES = new QueryBuilder(SearchIndex.ANALYZER);

    @Test
    void theQuickWayMarksWhatTheLongWayMarks(@TempDir Path folder) throws Exception {
        Random random = new Random(12);
        List<IndexedArticle> articles = new ArrayList<>();
        for (int id = 1; id <= 40; id++) articles.add(article(id, random));
        List<Query> queries = new ArrayList<>();
        for (String words : List.of("harbour", "harbour council", "Harbour's vote", "cafe", "naive ferries", "covid-19",
                "mayor", "the harbour", "xyzzy", "2026 reopened")) {
            queries.add(words(words.split(" ")));
        }
        queries.add(new BooleanQuery.Builder().add(QUERIES.createPhraseQuery(SearchIndex.BODY, "harbour council"), Occur.SHOULD).build());

        try (SearchIndex index = SearchIndex.open(folder)) {
            // in two segments, so that a page's documents are found in more than one
            for (IndexedArticle a : articles.subList(0, 20)) index.put(a);
            index.commit(new SearchIndex.State(0, List.of(), Instant.EPOCH));
            for (IndexedArticle a : articles.subList(20, articles.size())) index.put(a);
            index.commit(new SearchIndex.State(0, List.of(), Instant.EPOCH));
            var searcher = index.searchers().acquire();
            try {
                StoredFields stored = searcher.storedFields();
                Snippets snippets = new Snippets();
                int compared = 0;
                int marked = 0;
                int farIn = 0;
                for (int doc = 0; doc < searcher.getIndexReader().maxDoc(); doc++) {
                    List<IndexedArticle.Block> blocks = SearchIndex.blocks(stored.document(doc).get(SearchIndex.BLOCKS));
                    List<String> texts = new ArrayList<>(List.of(IndexedArticle.fullText(blocks)));
                    for (int n = 1; n <= 4; n++) texts.add(IndexedArticle.previewText(blocks, n));
                    for (String text : texts) {
                        if (text.isEmpty()) continue;
                        for (Query q : queries) {
                            Snippets.Marking quick = Snippets.marking(q);
                            var longWay = snippets.of(text, new Snippets.Marking(q, null));
                            var quickWay = snippets.of(text, quick);
                            assertThat(quickWay).as("doc %d, %s, %d chars", doc, q, text.length()).isEqualTo(longWay);
                            // and starting near the first word, where the index says it is (the texts are the body or its opening)
                            int first = SearchEngine.firstMarked(searcher.getIndexReader(), new int[] {doc}, quick)[0];
                            assertThat(snippets.of(text, quick, first)).as("doc %d, %s, from %d", doc, q, first).isEqualTo(longWay);
                            if (first > 2 * Snippets.LENGTH) farIn++;
                            compared++;
                            if (!longWay.isEmpty()) marked++;
                        }
                    }
                }
                // a page's documents at once, in the order of a page (not of the index), as one at a time
                List<Integer> shuffled = new ArrayList<>();
                for (int doc = 0; doc < searcher.getIndexReader().maxDoc(); doc++) shuffled.add(doc);
                java.util.Collections.shuffle(shuffled, random);
                int[] page = shuffled.stream().mapToInt(Integer::intValue).toArray();
                for (Query q : queries) {
                    Snippets.Marking quick = Snippets.marking(q);
                    int[] together = SearchEngine.firstMarked(searcher.getIndexReader(), page, quick);
                    for (int i = 0; i < page.length; i++) {
                        assertThat(together[i]).as("doc %d, %s", page[i], q)
                                .isEqualTo(SearchEngine.firstMarked(searcher.getIndexReader(), new int[] {page[i]}, quick)[0]);
                    }
                }
                assertThat(searcher.getIndexReader().leaves()).hasSizeGreaterThan(1);
                assertThat(compared).isGreaterThan(1000);
                assertThat(marked).isGreaterThan(300);
                assertThat(farIn).as("snippets whose first word is past the first two passages").isGreaterThan(50);
            } finally {
                index.searchers().release(searcher);
            }
        }
    }

    @Test
    void onlyAQueryOfWordsIsMarkedByItsTerms() {
        assertThat(Snippets.marking(words("harbour", "council")).terms()).extracting(t -> t.getTerm())
                .containsExactly("harbour", "council");
        Query phrase = new BooleanQuery.Builder().add(QUERIES.createPhraseQuery(SearchIndex.BODY, "harbour council"), Occur.SHOULD).build();
        assertThat(Snippets.marking(phrase).terms()).isNull();
    }

    @Test
    void aBlocksTextIsCollapsedAsBeforeWhetherOrNotItNeedsIt() {
        for (String text : List.of("", " ", "plain words.", " leading", "trailing ", "two  spaces", "tab\there", "line\nbreak",
                "\u00a0non-breaking\u00a0", "em\u2003space", "\u2003edge\u2003", "ends\u001f", "ctrl\u0001mark", "a · b")) {
            assertThat(new IndexedArticle.Block(IndexedArticle.Block.Kind.TEXT, text).text()).as(text)
                    .isEqualTo(text.replaceAll("\\s+", " ").strip());
        }
    }

    private static Query words(String... words) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String w : words) {
            Query q = QUERIES.createBooleanQuery(SearchIndex.BODY, w, Occur.MUST);
            if (q != null) any.add(q, Occur.SHOULD);
        }
        return any.build();
    }

    private static IndexedArticle article(long id, Random random) {
        List<IndexedArticle.Block> blocks = new ArrayList<>();
        int count = 1 + random.nextInt(8);
        for (int b = 0; b < count; b++) {
            IndexedArticle.Block.Kind kind = switch (random.nextInt(6)) {
                case 0 -> IndexedArticle.Block.Kind.HEADING;
                case 1 -> IndexedArticle.Block.Kind.PULL_QUOTE;
                default -> IndexedArticle.Block.Kind.TEXT;
            };
            blocks.add(new IndexedArticle.Block(kind, sentence(random, kind == IndexedArticle.Block.Kind.HEADING ? 5 : 20 + random.nextInt(120))));
        }
        return new IndexedArticle(id, "/news/" + id, "Headline " + id, sentence(random, 12), blocks, "news", "News",
                List.of(new IndexedArticle.Link("Noor Haldane", "noor-haldane")), List.of(new IndexedArticle.Link("Harbour", "harbour")),
                Instant.ofEpochSecond(1_700_000_000L + id), AccessLevel.FREE);
    }

    private static String sentence(Random random, int words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) s.append(random.nextInt(9) == 0 ? ", " : random.nextInt(12) == 0 ? ". " : " ");
            s.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return s.append('.').toString();
    }
}
