package broadsheet.cli;

import static broadsheet.testing.Fixtures.story;
import static broadsheet.testing.TestApp.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.search.Search;
import broadsheet.search.SearchQuery;
import broadsheet.testing.Fixtures;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code broadsheet reindex} and the search index: built in the data folder when no server has it open; beside a
 * running server, that server (and every other) is asked to build its own again, and does.
 */
@ExtendWith(TestDatabase.class)
class ReindexSearchIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    @Test
    void theIndexOfADataFolderNoServerUsesIsBuiltByTheCommand() throws IOException {
        Path dataDir = TestDatabase.tempDir("reindex-");
        Files.writeString(dataDir.resolve("broadsheet.properties"), TestDatabase.properties());
        new Fixtures(dataDir).store(NOW, story("Lighthouse keeper retires").published(NOW.minusSeconds(60)).build());

        var run = CommandRun.of("reindex", "--data", dataDir.toString());

        assertThat(run.code()).isZero();
        assertThat(run.printed()).contains("Built the search index in " + dataDir.resolve("search") + ": 1 articles.");
        assertThat(Files.list(dataDir.resolve("search")).anyMatch(f -> f.getFileName().toString().startsWith("segments_"))).isTrue();
    }

    @Test
    void searchOnlyBuildsTheIndexAndLeavesTheBodiesAsStored() throws IOException {
        Path dataDir = TestDatabase.tempDir("reindex-");
        Files.writeString(dataDir.resolve("broadsheet.properties"), TestDatabase.properties());
        new Fixtures(dataDir).store(NOW, story("Lighthouse keeper retires").published(NOW.minusSeconds(60)).build());
        TestDatabase.jdbi().useHandle(h -> h.execute("UPDATE articles SET body_html = '<p>As stored.</p>'"));

        var run = CommandRun.of("reindex", "--search-only", "--data", dataDir.toString());

        assertThat(run.code()).isZero();
        assertThat(run.printed()).doesNotContain("Rendered article bodies again")
                .contains("Built the search index in " + dataDir.resolve("search") + ": 1 articles.");
        String html = TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT body_html FROM articles").mapTo(String.class).one());
        assertThat(html).isEqualTo("<p>As stored.</p>");
    }

    @Test
    void besideARunningServerTheServerBuildsItsOwnIndexAgain() throws IOException, InterruptedException {
        var search = app.app().search();
        assertThat(search.awaitRebuild(search.rebuild(), Duration.ofSeconds(60))).isTrue();
        app.fixtures().store(NOW, story("Harbour keeper retires").published(NOW.minusSeconds(60)).build());
        assertThat(search.awaitCaughtUp(Duration.ofSeconds(60))).isTrue();
        // a change made behind the outbox's back (as a restore from a backup would be): only a rebuild finds it
        TestDatabase.jdbi().useTransaction(h -> {
            h.execute("ALTER TABLE articles DISABLE TRIGGER search_article_changed");
            h.execute("UPDATE articles SET headline = 'Lighthouse keeper retires'");
            h.execute("ALTER TABLE articles ENABLE TRIGGER search_article_changed");
        });
        assertThat(search.awaitCaughtUp(Duration.ofSeconds(60))).isTrue();
        assertThat(search.search(SearchQuery.of("lighthouse"), Search.Reading.freeOnly(3)).total()).isZero();
        Files.writeString(app.dataDir().resolve("broadsheet.properties"), TestDatabase.properties());

        var run = CommandRun.of("reindex", "--data", app.dataDir().toString());

        assertThat(run.code()).isZero();
        assertThat(run.printed()).contains("A running server has the search index in " + app.dataDir().resolve("search")
                + " open; it builds it again in the background.");
        assertThat(search.awaitCaughtUp(Duration.ofSeconds(60))).isTrue();
        assertThat(search.search(SearchQuery.of("lighthouse"), Search.Reading.freeOnly(3)).total()).isEqualTo(1);
    }
}
