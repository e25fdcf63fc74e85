package broadsheet.cdn;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.editing.ArticleEditing;
import broadsheet.editing.ChangeKind;
import broadsheet.editing.Editor;
import broadsheet.editing.Publishing;
import broadsheet.shared.StaffRole;
import broadsheet.testing.Desk;
import broadsheet.testing.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What changes queue in the purge outbox (by the triggers, in the change's own transaction) and how the sender sends
 * it: the keys of a published article and the listings that show it, nothing for drafts or while no instance has a CDN,
 * only the article for a new comment count, everything for a section; failures tried again and then given up, counted.
 */
@ExtendWith(TestDatabase.class)
class PurgeOutboxIT {
    private static final Instant T0 = Instant.parse("2025-12-07T15:00:00Z");
    private final PurgeReceiver cdn = new PurgeReceiver();
    private final PurgeOutbox outbox = new PurgeOutbox(TestDatabase.jdbi());
    private final ArticleEditing editing = new ArticleEditing(TestDatabase.jdbi(), Desk.LONDON);
    private final Publishing publishing = new Publishing(TestDatabase.jdbi(), Desk.LONDON);
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private Editor editor;

    @BeforeEach
    void desk() {
        Desk.section("world-news", "World news");
        editor = Desk.person(StaffRole.EDITOR, "Edna Editor");
    }

    @AfterEach
    void stop() {
        cdn.close();
    }

    /** A sender that sends each key once. */
    private PurgeWorker worker(Duration firstRetry) {
        return worker(firstRetry, Duration.ZERO);
    }

    private PurgeWorker worker(Duration firstRetry, Duration resend) {
        var client = new PurgeClient(new PurgeClient.Settings(PurgeClient.Kind.VARNISH, List.of(cdn.url("/")), "", Duration.ofSeconds(2)));
        return new PurgeWorker(outbox, client, Duration.ofSeconds(2), firstRetry, resend, metrics);
    }

    private long published(String headline) {
        var content = Desk.withNames(Desk.draft(headline), List.of("Edna Editor"), List.of("Harbours"));
        long id = ((ArticleEditing.Result.Saved) editing.create(editor, content, T0)).id();
        assertThat(publishing.publish(editor, id, 1, T0)).isInstanceOf(Publishing.Moved.Done.class);
        return id;
    }

    private static List<String> pending() {
        return Desk.strings("SELECT surrogate_key FROM cdn_purges WHERE state = 'pending' ORDER BY surrogate_key");
    }

    private double counter(String name) {
        return metrics.counter(name).count();
    }

    @Test
    void publishingQueuesTheArticleItsSectionTopicsBylinesAndTheListingsAndTheSenderPurgesThemOnce() {
        outbox.heartbeat();
        long id = published("Harbour vote");

        assertThat(pending()).containsExactlyInAnyOrder("article-" + id, "section-world-news", "topic-harbours",
                "contributor-edna-editor", "home", "feeds", "articles");
        assertThat(worker(Duration.ofSeconds(1)).runOnce()).isEqualTo(7);

        assertThat(cdn.purges()).singleElement().satisfies(p -> assertThat(p.method()).isEqualTo("PURGE"));
        assertThat(cdn.keys()).containsExactlyInAnyOrder("article-" + id, "section-world-news", "topic-harbours",
                "contributor-edna-editor", "home", "feeds", "articles");
        assertThat(pending()).isEmpty();
        assertThat(Desk.count("SELECT count(*) FROM cdn_purges WHERE state = 'sent'")).isEqualTo(7);
        assertThat(counter("broadsheet.cdn.purges.sent")).isEqualTo(7);
        assertThat(worker(Duration.ofSeconds(1)).runOnce()).isZero();
    }

    @Test
    void eachKeyIsSentAgainOnceTheResendWaitHasPassedAndThenSettled() {
        outbox.heartbeat();
        long id = published("Harbour vote");
        var worker = worker(Duration.ofSeconds(1), Duration.ofHours(1));

        assertThat(worker.runOnce()).isEqualTo(7);
        assertThat(worker.runOnce()).as("not due again for an hour").isZero();
        assertThat(pending()).hasSize(7);
        assertThat(Desk.count("SELECT count(*) FROM cdn_purges WHERE resend AND attempts = 0 AND next_attempt_at > now() + interval '59 minutes'"))
                .isEqualTo(7);

        TestDatabase.jdbi().useHandle(h -> h.execute("UPDATE cdn_purges SET next_attempt_at = now()"));
        assertThat(worker.runOnce()).isEqualTo(7);

        assertThat(cdn.purges()).hasSize(2);
        assertThat(cdn.keys()).filteredOn(k -> k.equals("article-" + id)).hasSize(2);
        assertThat(pending()).isEmpty();
        assertThat(Desk.count("SELECT count(*) FROM cdn_purges WHERE state = 'sent' AND finished_at IS NOT NULL")).isEqualTo(7);
        assertThat(counter("broadsheet.cdn.purges.sent")).isEqualTo(14);
        TestDatabase.jdbi().useHandle(h -> h.execute("UPDATE cdn_purges SET next_attempt_at = now() - interval '1 hour'"));
        assertThat(worker.runOnce()).as("sent twice, and no more").isZero();
    }

    @Test
    void aResendThatFailsIsTriedAgainLikeAFirstSending() {
        outbox.heartbeat();
        published("Harbour vote");
        var worker = worker(Duration.ZERO, Duration.ofMillis(1));
        assertThat(worker.runOnce()).isEqualTo(7);
        TestDatabase.jdbi().useHandle(h -> h.execute("UPDATE cdn_purges SET next_attempt_at = now()"));
        cdn.answer(500);

        assertThat(worker.runOnce()).isZero();
        assertThat(pending()).hasSize(7);
        assertThat(worker.runOnce()).isEqualTo(7);

        assertThat(Desk.strings("SELECT DISTINCT state || ' ' || attempts FROM cdn_purges")).containsExactly("sent 2");
    }

    @Test
    void anUpdateAnUnpublishAndAScheduledPublishEachQueueTheArticleAgain() {
        outbox.heartbeat();
        long id = published("Harbour vote");
        worker(Duration.ofSeconds(1)).runOnce();

        var saved = editing.save(editor, id, 2, Desk.withNames(Desk.changed(Desk.draft("Harbour vote"), "Harbour vote passes", "", "New words."),
                List.of("Edna Editor"), List.of("Harbours")), ChangeKind.UPDATE, "The result", T0.plusSeconds(60));
        assertThat(saved).isInstanceOf(ArticleEditing.Result.Saved.class);
        assertThat(pending()).contains("article-" + id, "home", "section-world-news", "topic-harbours");
        worker(Duration.ofSeconds(1)).runOnce();

        publishing.unpublish(editor, id, Desk.article(id).version(), T0.plusSeconds(120));
        assertThat(pending()).contains("article-" + id, "home", "feeds");
        worker(Duration.ofSeconds(1)).runOnce();

        publishing.schedule(editor, id, Desk.article(id).version(), T0.plusSeconds(3600), T0.plusSeconds(180));
        assertThat(pending()).isEmpty();
        assertThat(publishing.publishDue(T0.plusSeconds(3600))).containsExactly(id);
        assertThat(pending()).contains("article-" + id, "home", "feeds");
    }

    @Test
    void draftsQueueNothing() {
        outbox.heartbeat();
        long id = ((ArticleEditing.Result.Saved) editing.create(editor, Desk.withNames(Desk.draft("Not yet"), List.of("Edna Editor"),
                List.of("Harbours")), T0)).id();
        editing.save(editor, id, 1, Desk.changed(Desk.draft("Not yet"), "Still not", "", "More."), ChangeKind.MINOR, "", T0);

        assertThat(pending()).isEmpty();
    }

    @Test
    void withoutAnInstanceThatHasACdnNothingIsQueued() {
        published("Harbour vote");

        assertThat(Desk.count("SELECT count(*) FROM cdn_purges")).isZero();
    }

    @Test
    void aNewCommentCountPurgesTheArticleAloneAndARenamedTopicItsOldAndNewSlug() {
        long id = published("Harbour vote");
        outbox.heartbeat();

        TestDatabase.jdbi().useHandle(h -> h.execute("UPDATE articles SET comment_count = comment_count + 1 WHERE id = ?", id));
        assertThat(pending()).containsExactly("article-" + id);
        worker(Duration.ofSeconds(1)).runOnce();

        TestDatabase.jdbi().useHandle(h -> h.execute("UPDATE topics SET slug = 'ports', name = 'Ports' WHERE slug = 'harbours'"));
        assertThat(pending()).containsExactlyInAnyOrder("topic-harbours", "topic-ports", "topics");
        worker(Duration.ofSeconds(1)).runOnce();

        TestDatabase.jdbi().useHandle(h -> h.execute("UPDATE contributors SET name = 'Edna E. Editor' WHERE slug = 'edna-editor'"));
        assertThat(pending()).containsExactlyInAnyOrder("contributor-edna-editor", "contributors");
        worker(Duration.ofSeconds(1)).runOnce();

        TestDatabase.jdbi().useHandle(h -> h.execute("UPDATE sections SET name = 'The world' WHERE slug = 'world-news'"));
        assertThat(pending()).containsExactly(PurgeClient.EVERYTHING);
        worker(Duration.ofSeconds(1)).runOnce();
        assertThat(cdn.purges()).last().satisfies(p -> assertThat(p.method()).isEqualTo("BAN"));
    }

    @Test
    void aChangeRolledBackQueuesNothing() {
        long id = published("Harbour vote");
        outbox.heartbeat();

        TestDatabase.jdbi().useTransaction(h -> {
            h.execute("UPDATE articles SET headline = 'Something else' WHERE id = ?", id);
            h.rollback();
        });

        assertThat(pending()).isEmpty();
    }

    @Test
    void aFailedPurgeIsTriedAgainThenGivenUpAndCounted() {
        outbox.heartbeat();
        published("Harbour vote");
        cdn.answer(500, 503, 500, 500, 500);
        var worker = worker(Duration.ZERO);

        for (int attempt = 1; attempt <= PurgeOutbox.MAX_ATTEMPTS; attempt++) assertThat(worker.runOnce()).isZero();

        assertThat(cdn.purges()).hasSize(PurgeOutbox.MAX_ATTEMPTS);
        assertThat(Desk.strings("SELECT DISTINCT state FROM cdn_purges")).containsExactly("failed");
        assertThat(Desk.strings("SELECT DISTINCT last_error FROM cdn_purges")).singleElement().asString().contains("answered 500");
        assertThat(counter("broadsheet.cdn.purges.failed")).isEqualTo(7 * PurgeOutbox.MAX_ATTEMPTS);
        assertThat(counter("broadsheet.cdn.purges.given.up")).isEqualTo(7);
        assertThat(worker.runOnce()).isZero();
        assertThat(cdn.purges()).hasSize(PurgeOutbox.MAX_ATTEMPTS);
    }

    @Test
    void aFailedPurgeWaitsBeforeItIsTriedAgain() {
        outbox.heartbeat();
        published("Harbour vote");
        cdn.answer(500);

        assertThat(worker(Duration.ofHours(1)).runOnce()).isZero();

        assertThat(worker(Duration.ofHours(1)).runOnce()).isZero();
        assertThat(cdn.purges()).hasSize(1);
        assertThat(pending()).hasSize(7);
    }

    @Test
    void aCdnThatHangsNeverHoldsUpPublishing() throws Exception {
        outbox.heartbeat();
        cdn.answer(PurgeReceiver.HOLD);
        var worker = worker(Duration.ofSeconds(1));
        var sending = Thread.ofVirtual().start(worker::runOnce);

        published("First");
        long second = published("Second");

        assertThat(Desk.article(second).status().name()).isEqualToIgnoringCase("published");
        cdn.close();
        sending.join();
    }

    @Test
    void oldSettledPurgesArePruned() {
        outbox.heartbeat();
        published("Harbour vote");
        worker(Duration.ofSeconds(1)).runOnce();
        TestDatabase.jdbi().useHandle(h -> h.execute("UPDATE cdn_purges SET finished_at = now() - interval '2 days'"));

        assertThat(outbox.prune(Duration.ofDays(1))).isEqualTo(7);
        assertThat(Desk.count("SELECT count(*) FROM cdn_purges")).isZero();
    }
}
