package broadsheet.article;

import static broadsheet.testing.Fixtures.story;
import static broadsheet.testing.TestApp.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.Fixtures;
import broadsheet.testing.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A body's HTML is derived from its source: storing an article renders it, and rendering every article again
 * (as {@code broadsheet reindex} does) puts back a stale HTML and counts only the bodies it changed.
 */
@ExtendWith(TestDatabase.class)
class BodyRebuildIT {
    private static final String RENDERED = "<p>First paragraph of Harbour talks.</p>\n<p>Second paragraph.</p>\n";
    private final Jdbi jdbi = TestDatabase.jdbi();

    @Test
    void storingAnArticleRendersItsBody() {
        long id = storeOne();

        assertThat(html(id)).isEqualTo(RENDERED);
    }

    @Test
    void renderingEveryArticleAgainMendsAStaleBodyAndCountsOnlyTheChangedOnes() {
        long id = storeOne();
        jdbi.useHandle(h -> h.execute("UPDATE articles SET body_html = '<p>stale</p>' WHERE id = ?", id));

        assertThat(new BodyRebuild(jdbi).all()).isEqualTo(1);
        assertThat(html(id)).isEqualTo(RENDERED);
        assertThat(new BodyRebuild(jdbi).all()).isZero();
    }

    private long storeOne() {
        new Fixtures(TestDatabase.tempDir("rebuild-")).store(NOW, story("Harbour talks").build());
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM articles").mapTo(Long.class).one());
    }

    private String html(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT body_html FROM articles WHERE id = :id").bind("id", id).mapTo(String.class).one());
    }
}
