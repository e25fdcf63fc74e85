package broadsheet.webhook;

import static broadsheet.testing.Desk.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import broadsheet.article.ArticleStore;
import broadsheet.article.Status;
import broadsheet.editing.ArticleEditing;
import broadsheet.editing.ChangeKind;
import broadsheet.editing.Editor;
import broadsheet.editing.Publishing;
import broadsheet.shared.AuditLog;
import broadsheet.shared.StaffRole;
import broadsheet.testing.Desk;
import broadsheet.testing.TestClock;
import broadsheet.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Which article changes queue which events, whatever path makes them (the newsroom's services here; the trigger on
 * {@code articles} sees imports and the Admin API the same way): drafts and rolled-back changes queue nothing and so
 * never reach a receiver; publishing, scheduled publishing, changing a published article and unpublishing do.
 */
@ExtendWith(TestDatabase.class)
class WebhookEventsIT {
    private static final Instant T0 = Instant.parse("2025-12-07T15:00:00Z");
    private final TestClock clock = new TestClock(T0);
    private final Receiver receiver = new Receiver();
    private final ArticleEditing editing = new ArticleEditing(TestDatabase.jdbi(), Desk.LONDON);
    private final Publishing publishing = new Publishing(TestDatabase.jdbi(), Desk.LONDON);
    private final Endpoints endpoints = new Endpoints(TestDatabase.jdbi());
    private Editor editor;

    @BeforeEach
    void desk() {
        Desk.section("world-news", "World news");
        editor = Desk.person(StaffRole.EDITOR, "Edna Editor");
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private void endpoint(String... events) {
        endpoints.create(AuditLog.Actor.system("test"), new EndpointInput(receiver.url(), "", List.of(events), true), T0);
    }

    private WebhookWorker worker() {
        return Sender.on(clock, "https://x.test");
    }

    private long draft(String headline) {
        return ((ArticleEditing.Result.Saved) editing.create(editor, Desk.draft(headline), clock.instant())).id();
    }

    private static List<String> events() {
        return Desk.strings("SELECT type FROM webhook_events ORDER BY id");
    }

    @Test
    void draftsSavedAndSubmittedQueueNothingAndNothingIsSent() {
        endpoint("article.published", "article.updated", "article.unpublished");
        long id = draft("A draft nobody sees");
        editing.save(editor, id, 1, Desk.changed(Desk.draft("A draft nobody sees"), "Still a draft", "", "More words."),
                ChangeKind.MINOR, "", T0);
        publishing.submit(editor, id, 2, T0);
        publishing.schedule(editor, id, 3, T0.plus(Duration.ofDays(1)), T0);
        publishing.unpublish(editor, id, 4, T0);

        assertThat(events()).isEmpty();
        assertThat(worker().runOnce()).isZero();
        assertThat(receiver.requests()).isEmpty();
    }

    @Test
    void publishingChangingAndUnpublishingQueueOneEventEach() {
        endpoint("article.published", "article.updated", "article.unpublished");
        long id = draft("Harbour vote");
        publishing.publish(editor, id, 1, T0);
        var saved = editing.save(editor, id, 2, Desk.changed(Desk.draft("Harbour vote"), "Harbour vote passes", "", "New words."),
                ChangeKind.UPDATE, "The result", T0.plusSeconds(60));
        assertThat(saved).isInstanceOf(ArticleEditing.Result.Saved.class);
        publishing.unpublish(editor, id, Desk.article(id).version(), T0.plusSeconds(120));
        publishing.publish(editor, id, Desk.article(id).version(), T0.plusSeconds(180));

        assertThat(events()).containsExactly("article.published", "article.updated", "article.unpublished", "article.published");
        assertThat(worker().runOnce()).isEqualTo(4);
        assertThat(receiver.requests()).extracting(r -> r.header("Broadsheet-Event"))
                .containsExactly("article.published", "article.updated", "article.unpublished", "article.published");
    }

    @Test
    void anEndpointHearsOnlyTheEventsItAskedFor() {
        endpoint("article.unpublished");
        long id = draft("Quiet story");
        publishing.publish(editor, id, 1, T0);
        assertThat(events()).as("nobody wants it, so nothing is queued").isEmpty();
        publishing.unpublish(editor, id, 2, T0);

        worker().runOnce();
        assertThat(receiver.requests()).extracting(r -> r.header("Broadsheet-Event")).containsExactly("article.unpublished");
    }

    @Test
    void aPublishThatIsRolledBackQueuesNothing() {
        endpoint("article.published");
        long id = draft("Never out");

        assertThatThrownBy(() -> TestDatabase.jdbi().useTransaction(h -> {
            ArticleStore.movePath(h, id, "/world-news/2025/12/07/never-out/");
            ArticleStore.setStatus(h, id, 1, Status.PUBLISHED, T0, null, null, T0).orElseThrow();
            assertThat(h.createQuery("SELECT count(*) FROM webhook_events").mapTo(Long.class).one()).as("queued inside").isEqualTo(1);
            throw new IllegalStateException("something later in the same change failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(events()).isEmpty();
        assertThat(Desk.article(id).status()).isEqualTo(Status.DRAFT);
        assertThat(worker().runOnce()).isZero();
        assertThat(receiver.requests()).isEmpty();
    }

    @Test
    void aScheduledArticlePublishedByTheJobIsDelivered() {
        endpoint("article.published");
        long id = draft("Budget at noon");
        Instant noon = T0.plus(Duration.ofHours(2));
        publishing.schedule(editor, id, 1, noon, T0);
        assertThat(events()).isEmpty();

        assertThat(publishing.publishDue(noon)).containsExactly(id);
        clock.set(noon);
        worker().runOnce();

        assertThat(receiver.requests()).singleElement().satisfies(r -> {
            assertThat(r.header("Broadsheet-Event")).isEqualTo("article.published");
            assertThat(r.body()).contains("\"headline\":\"Budget at noon\"").contains("\"occurredAt\":\"" + noon + "\"");
        });
    }

    @Test
    void anImportedArticleStoredPublishedIsAnEventToo() {
        endpoint("article.published", "article.updated");
        TestDatabase.jdbi().useTransaction(h -> {
            long section = h.createQuery("SELECT id FROM sections WHERE slug = 'world-news'").mapTo(Long.class).one();
            ArticleStore.insertPublished(h, section, Desk.draft("Imported story", "world-news", "imported-story", "Words."),
                    "/world-news/2025/12/07/imported-story/", T0, null, T0);
        });
        assertThat(events()).containsExactly("article.published");
    }

    @Test
    void turningAnEndpointOffFailsWhatWaitsForItAndQueuesNoMore() {
        receiver.answer(500);
        endpoint("article.published", "article.unpublished");
        long endpointId = endpoints.all().getFirst().id();
        long id = draft("Off switch");
        publishing.publish(editor, id, 1, T0);
        worker().runOnce();

        endpoints.update(AuditLog.Actor.system("test"), endpointId, new EndpointInput(receiver.url(), "", List.of("article.published",
                "article.unpublished"), false), T0);
        publishing.unpublish(editor, id, 2, T0);

        assertThat(Desk.strings("SELECT state || ' ' || last_error FROM webhook_deliveries")).containsExactly("failed The endpoint was turned off.");
        assertThat(events()).containsExactly("article.published");
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'webhook endpoint turned off'")).isEqualTo(1);
        clock.advance(Duration.ofHours(1));
        assertThat(worker().runOnce()).isZero();
    }
}
