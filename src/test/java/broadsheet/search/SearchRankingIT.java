package broadsheet.search;

import static broadsheet.testing.Fixtures.story;
import static broadsheet.testing.TestApp.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Ranking, filters, order, paging, counts and snippets, on a small fixed corpus. */
@ExtendWith(TestDatabase.class)
class SearchRankingIT {
    @RegisterExtension
    static final TestApp app = new TestApp();
    private static final Search.Reading FREE_READER = Search.Reading.freeOnly(2);

    @BeforeEach
    void emptyIndex() throws InterruptedException {
        // the database was emptied after the last test: start each test from an index that follows it
        assertThat(engine().awaitRebuild(engine().rebuild(), Duration.ofSeconds(60))).isTrue();
    }

    private static SearchEngine engine() {
        return app.app().search();
    }

    private static SearchResults search(String text) {
        return engine().search(SearchQuery.of(text), FREE_READER);
    }


    private static void caughtUp() throws InterruptedException {
        assertThat(engine().awaitCaughtUp(Duration.ofSeconds(60))).isTrue();
    }

    private static List<String> headlines(SearchResults r) {
        return r.hits().stream().map(SearchHit::headline).toList();
    }

    private static String snippet(SearchHit hit) {
        return hit.snippet().stream().map(SearchHit.Snippet::text).collect(Collectors.joining());
    }

    private static String marked(SearchHit hit) {
        return hit.snippet().stream().filter(SearchHit.Snippet::match).map(SearchHit.Snippet::text).collect(Collectors.joining("|"));
    }

    @Test
    void aHeadlineMatchOutranksABodyMatchAndWordsAreStemmed() throws InterruptedException {
        app.fixtures().store(NOW,
                story("Council budget row deepens").body("The council met again.\n\nNobody agreed about the harbour.")
                        .published(NOW.minusSeconds(7200)).build(),
                story("Harbour reopens after storm").body("Boats returned on Sunday.\n\nThe harbours of the coast were busy.")
                        .published(NOW.minusSeconds(3600)).build(),
                story("Cricket scores").body("Nothing about water here.").published(NOW.minusSeconds(600)).build());
        caughtUp();

        SearchResults r = search("harbours");
        assertThat(r.total()).isEqualTo(2);
        assertThat(headlines(r)).containsExactly("Harbour reopens after storm", "Council budget row deepens");
        assertThat(marked(r.hits().get(1))).isEqualTo("harbour");
        assertThat(snippet(r.hits().get(1))).contains("Nobody agreed about the harbour.");
        assertThat(r.malformed()).isFalse();
    }
}
