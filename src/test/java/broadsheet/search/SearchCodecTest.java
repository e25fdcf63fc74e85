package broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.content.AccessLevel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index is written with its own codec (plain stored fields) and read back with it after a restart. */
class SearchCodecTest {

    @Test
    void anIndexWrittenWithTheCodecIsReadBackWhole(@TempDir Path folder) throws Exception {
        String body = "The harbour reopened on Monday after a week of storms. ".repeat(40).strip();
        try (SearchIndex index = SearchIndex.open(folder)) {
            for (long id = 1; id <= 50; id++) {
                index.put(new IndexedArticle(id, "/news/" + id, "Headline " + id, "Standfirst " + id,
                        List.of(new IndexedArticle.Block(IndexedArticle.Block.Kind.TEXT, body + " " + id)), "news", "News",
                        List.of(new IndexedArticle.Link("Noor Haldane", "noor-haldane")), List.of(),
                        Instant.ofEpochSecond(1_700_000_000L + id), AccessLevel.FREE));
            }
            index.commit(new SearchIndex.State(7, List.of(), Instant.EPOCH));
        }
        try (var directory = FSDirectory.open(folder)) {
            var segments = SegmentInfos.readLatestCommit(directory);
            assertThat(segments.size()).isPositive();
            segments.forEach(s -> assertThat(s.info.getCodec().getName()).isEqualTo(SearchCodec.NAME));
        }
        try (SearchIndex index = SearchIndex.open(folder)) {
            assertThat(index.opened()).isNotNull();
            assertThat(index.opened().outbox()).isEqualTo(7);
            var searcher = index.searchers().acquire();
            try {
                var stored = searcher.storedFields();
                for (int doc = 0; doc < searcher.getIndexReader().maxDoc(); doc++) {
                    var d = stored.document(doc);
                    long id = d.getField(SearchIndex.ARTICLE_ID).numericValue().longValue();
                    assertThat(d.get(SearchIndex.HEADLINE)).isEqualTo("Headline " + id);
                    assertThat(IndexedArticle.text(d.get(SearchIndex.BLOCKS), IndexedArticle.ALL)).isEqualTo(body + " " + id);
                }
                assertThat(searcher.getIndexReader().maxDoc()).isEqualTo(50);
            } finally {
                index.searchers().release(searcher);
            }
        }
    }
}
