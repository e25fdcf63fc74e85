package broadsheet.section;

import static broadsheet.testing.Fixtures.story;
import static broadsheet.testing.TestApp.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.article.ArticleCard;
import broadsheet.article.ArticleQueries;
import broadsheet.shared.AuditLog;
import broadsheet.testing.Fixtures;
import broadsheet.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The arrangement's rules on the real database: picks keep their order, moving at either end changes (and records)
 * nothing, a deleted or unpublished story leaves by itself, and the home page's query puts the picks first, fills the
 * rest with the newest and shows each story once.
 */
@ExtendWith(TestDatabase.class)
class FrontArrangementIT {
    private static final AuditLog.Actor EDITOR = AuditLog.Actor.system("test");
    private final FrontArrangement arrangement = new FrontArrangement(TestDatabase.jdbi());
    private final ArticleQueries queries = new ArticleQueries(TestDatabase.jdbi());

    @BeforeEach
    void stories() {
        new Fixtures(TestDatabase.tempDir("front-")).store(NOW,
                story("A newest").section("world-news").published(NOW.minusSeconds(60)).build(),
                story("B").section("politics").published(NOW.minusSeconds(120)).build(),
                story("C").section("politics").published(NOW.minusSeconds(180)).build(),
                story("D oldest").section("sport").published(NOW.minusSeconds(240)).build());
    }

    private static long id(String headline) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT id FROM articles WHERE headline = :h")
                .bind("h", headline).mapTo(Long.class).one());
    }

    private List<String> picks() {
        return arrangement.picks().stream().map(FrontArrangement.Story::headline).toList();
    }

    private List<String> top(int slots) {
        return queries.front(slots, 4).top().stream().map(ArticleCard::headline).toList();
    }

    @Test
    void picksLeadInTheirOrderAndTheNewestFillTheRestEachOnce() {
        arrangement.pick(EDITOR, id("D oldest"), NOW);
        arrangement.pick(EDITOR, id("B"), NOW);

        assertThat(picks()).containsExactly("D oldest", "B");
        assertThat(top(3)).containsExactly("D oldest", "B", "A newest");
        var front = queries.front(8, 4);
        assertThat(front.top()).extracting(ArticleCard::headline).containsExactly("D oldest", "B", "A newest", "C");
        assertThat(front.bySection()).isEmpty();
        assertThat(arrangement.candidates("")).extracting(FrontArrangement.Story::headline).containsExactly("A newest", "C");
    }

    @Test
    void movingPastEitherEndChangesAndRecordsNothing() {
        arrangement.pick(EDITOR, id("C"), NOW);
        arrangement.pick(EDITOR, id("B"), NOW);

        assertThat(arrangement.move(EDITOR, id("C"), true, NOW)).isInstanceOf(FrontArrangement.Outcome.Done.class);
        assertThat(arrangement.move(EDITOR, id("B"), false, NOW)).isInstanceOf(FrontArrangement.Outcome.Done.class);
        assertThat(picks()).containsExactly("C", "B");
        arrangement.move(EDITOR, id("B"), true, NOW);
        assertThat(picks()).containsExactly("B", "C");
        long audited = TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM audit_log").mapTo(Long.class).one());
        assertThat(audited).isEqualTo(3);
    }

    @Test
    void aDeletedOrUnpublishedStoryLeavesTheArrangementByItself() {
        arrangement.pick(EDITOR, id("C"), NOW);
        arrangement.pick(EDITOR, id("B"), NOW);
        arrangement.pick(EDITOR, id("A newest"), NOW);

        TestDatabase.jdbi().useHandle(h -> {
            h.execute("UPDATE articles SET status = 'unpublished' WHERE headline = 'B'");
            h.execute("DELETE FROM article_bylines WHERE article_id = ?", id("A newest"));
            h.execute("DELETE FROM article_topics WHERE article_id = ?", id("A newest"));
            h.execute("DELETE FROM articles WHERE headline = 'A newest'");
        });

        assertThat(picks()).containsExactly("C");
        long rows = TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM front_page_picks").mapTo(Long.class).one());
        assertThat(rows).isEqualTo(1);
        assertThat(top(2)).containsExactly("C", "D oldest");
        assertThat(arrangement.pick(EDITOR, id("B"), NOW)).isInstanceOf(FrontArrangement.Outcome.Refused.class);
    }

    @Test
    void aChangeQueuesThePurgeOfTheHomePageWhenACdnIsPurged() {
        TestDatabase.jdbi().useHandle(h -> h.execute("INSERT INTO cdn_purging (heartbeat) VALUES (now())"));

        arrangement.pick(EDITOR, id("C"), NOW);
        arrangement.pick(EDITOR, id("C"), NOW); // refused: queues nothing more

        List<String> keys = TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT surrogate_key FROM cdn_purges ORDER BY id")
                .mapTo(String.class).list());
        assertThat(keys).containsExactly("home");
    }
}
