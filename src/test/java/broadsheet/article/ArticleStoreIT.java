package broadsheet.article;

import static broadsheet.testing.Fixtures.story;
import static broadsheet.testing.TestApp.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.Fixtures;
import broadsheet.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Moving an article to a new address keeps every earlier one, so each can answer with a redirect. */
@ExtendWith(TestDatabase.class)
class ArticleStoreIT {
    private static final String FIRST = "/world-news/2025/12/07/harbour-talks/";
    private static final String SECOND = "/world-news/2025/12/07/harbour-talks-resume/";
    private static final String THIRD = "/politics/2025/12/07/harbour-talks-resume/";
    private final Jdbi jdbi = TestDatabase.jdbi();
    private final ArticleQueries queries = new ArticleQueries(jdbi);
    private long id;

    @BeforeEach
    void storeOneArticle() {
        new Fixtures(TestDatabase.tempDir("store-")).store(NOW,
                story("Harbour talks").slug("harbour-talks").published(Instant.parse("2025-12-07T09:00:00Z")).build());
        id = queries.byPath(FIRST).orElseThrow().article().id();
    }

    @Test
    void aMovedArticleIsFoundAtItsNewAddressAndTheOldOnePointsThere() {
        move(SECOND);

        assertThat(queries.byPath(SECOND)).map(d -> d.article().id()).contains(id);
        assertThat(queries.byPath(FIRST)).isEmpty();
        assertThat(queries.movedTo(FIRST)).contains(SECOND);
        Optional<Long> atFirst = jdbi.withHandle(h -> ArticleStore.idAtPath(h, FIRST));
        assertThat(atFirst).contains(id);
    }

    @Test
    void everyEarlierAddressPointsAtTheLatestOne() {
        move(SECOND);
        move(THIRD);

        assertThat(queries.movedTo(FIRST)).contains(THIRD);
        assertThat(queries.movedTo(SECOND)).contains(THIRD);
        assertThat(queries.movedTo(THIRD)).isEmpty();
    }

    @Test
    void movingBackReclaimsTheOldAddress() {
        move(SECOND);
        move(FIRST);

        assertThat(queries.byPath(FIRST)).isPresent();
        assertThat(queries.movedTo(FIRST)).isEmpty();
        assertThat(queries.movedTo(SECOND)).contains(FIRST);
        List<String> earlier = jdbi.withHandle(h -> h.createQuery("SELECT path FROM article_paths").mapTo(String.class).list());
        assertThat(earlier).containsExactly(SECOND);
    }

    @Test
    void anUnpublishedArticleIsNotRedirectedTo() {
        move(SECOND);
        jdbi.useHandle(h -> h.execute("UPDATE articles SET status = 'unpublished' WHERE id = ?", id));

        assertThat(queries.movedTo(FIRST)).isEmpty();
    }

    private void move(String path) {
        jdbi.useTransaction(h -> ArticleStore.movePath(h, id, path));
    }
}
