package broadsheet.moderation;

import static broadsheet.testing.ModerationFixtures.approved;
import static broadsheet.testing.ModerationFixtures.article;
import static broadsheet.testing.ModerationFixtures.held;
import static broadsheet.testing.ModerationFixtures.reader;
import static broadsheet.testing.ModerationFixtures.report;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The queues on the real database: who is in which, in what order, a page at a time without repeats or gaps. */
@ExtendWith(TestDatabase.class)
class ModerationQueriesIT {
    private static final Instant NOW = TestApp.NOW;
    private final ModerationQueries queries = new ModerationQueries(TestDatabase.jdbi());

    @Test
    void thePendingQueueIsOldestFirstAndPagesByKeyWithoutRepeatsOrGaps() {
        long article = article("Harbour talks resume", "harbour-talks-resume");
        long ann = reader("ann@example.com", "Ann Reader");
        List<Long> ids = new ArrayList<>();
        // two comments at the same moment: the id keeps them apart
        for (int i = 0; i < 30; i++) ids.add(held(article, ann, "Ann Reader", "Held " + i, "first comment of a new reader", NOW.minusSeconds(100 - i / 2)));
        approved(article, ann, "Ann Reader", "Shown.", NOW.minusSeconds(1000));

        var first = queries.queue(Queue.PENDING, null);
        assertThat(first.items()).hasSize(ModerationQueries.PAGE);
        assertThat(first.next()).isNotNull();
        var second = queries.queue(Queue.PENDING, Cursor.parse(first.next().word()).orElseThrow());
        assertThat(second.next()).isNull();
        List<Long> seen = new ArrayList<>();
        first.items().forEach(i -> seen.add(i.id()));
        second.items().forEach(i -> seen.add(i.id()));
        assertThat(seen).containsExactlyElementsOf(ids);
        assertThat(first.items().get(0).heldReason()).isEqualTo("first comment of a new reader");
        assertThat(first.items().get(0).writer().name()).isEqualTo("Ann Reader");
        assertThat(first.items().get(0).articlePath()).isEqualTo("/world-news/2025/12/07/harbour-talks-resume/");
        assertThat(queries.sizes()).containsEntry(Queue.PENDING, 30L).containsEntry(Queue.REPORTED, 0L);
    }

    @Test
    void theReportedQueueShowsEachReportedCommentOnceWithItsOpenReports() {
        long article = article("Harbour talks resume", "harbour-talks-resume");
        long ann = reader("ann@example.com", "Ann Reader");
        long bob = reader("bob@example.com", "Bob");
        long cat = reader("cat@example.com", "Cat");
        long c1 = approved(article, ann, "Ann Reader", "First.", NOW.minusSeconds(900));
        long c2 = approved(article, ann, "Ann Reader", "Second.", NOW.minusSeconds(800));
        approved(article, ann, "Ann Reader", "Unreported.", NOW.minusSeconds(700));
        report(c2, bob, "spam", "Selling things", NOW.minusSeconds(600));
        report(c1, bob, "abusive", "", NOW.minusSeconds(500));
        report(c2, cat, "off-topic", "Nothing to do with the harbour", NOW.minusSeconds(400));

        var items = queries.queue(Queue.REPORTED, null).items();
        assertThat(items).extracting(ModerationQueries.Item::id).containsExactly(c2, c1);
        assertThat(items.get(0).reports()).extracting(ModerationQueries.Report::reason).containsExactly("spam", "off-topic");
        assertThat(items.get(0).reports().get(1).details()).isEqualTo("Nothing to do with the harbour");
        assertThat(queries.sizes()).containsEntry(Queue.REPORTED, 2L);
    }

    @Test
    void theRecentQueueIsNewestFirstAndAReadersPageHasOnlyTheirs() {
        long article = article("Harbour talks resume", "harbour-talks-resume");
        long ann = reader("ann@example.com", "Ann Reader");
        long bob = reader("bob@example.com", "Bob");
        long a = approved(article, ann, "Ann Reader", "Old.", NOW.minusSeconds(900));
        long b = approved(article, bob, "Bob", "Middle.", NOW.minusSeconds(800));
        long c = held(article, ann, "Ann Reader", "New.", "first comment of a new reader", NOW.minusSeconds(700));

        assertThat(queries.queue(Queue.RECENT, null).items()).extracting(ModerationQueries.Item::id).containsExactly(c, b, a);
        assertThat(queries.ofReader(ann, null).items()).extracting(ModerationQueries.Item::id).containsExactly(c, a);
        assertThat(queries.commenter(ann).orElseThrow().approved()).isEqualTo(1);
        assertThat(queries.commenter(999_999)).isEmpty();
    }

    @Test
    void aCursorIsDigitsOnlyAndAnythingElseIsNone() {
        var c = new Cursor(Instant.parse("2025-12-07T15:00:00.123456Z"), 42);
        assertThat(Cursor.parse(c.word())).hasValue(c);
        for (String bad : List.of("", "x", "1.2", "1.2.3.4", "1.1234567890.3", "'; DROP TABLE comments", "99999999999999999.1.1")) {
            assertThat(Cursor.parse(bad)).as(bad).isEmpty();
        }
    }
}
