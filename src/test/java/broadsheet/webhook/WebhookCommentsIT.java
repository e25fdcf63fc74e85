package broadsheet.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.comment.CommentEvents;
import broadsheet.moderation.Moderation;
import broadsheet.shared.AuditLog;
import broadsheet.shared.Json;
import broadsheet.testing.Desk;
import broadsheet.testing.ModerationFixtures;
import broadsheet.testing.TestClock;
import broadsheet.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** comment.posted: queued when a reader's comment shows (as posted, or when a moderator approves it), never while it is held. */
@ExtendWith(TestDatabase.class)
class WebhookCommentsIT {
    private static final Instant T0 = Instant.parse("2025-12-07T15:00:00Z");
    private final TestClock clock = new TestClock(T0);
    private final Receiver receiver = new Receiver();

    @AfterEach
    void stop() {
        receiver.close();
    }

    private WebhookWorker worker() {
        return Sender.on(clock, "https://x.test");
    }

    @Test
    void aCommentThatShowsIsSentWithItsWordsAndAHeldOneOnlyWhenAModeratorApprovesIt() throws Exception {
        new Endpoints(TestDatabase.jdbi()).create(AuditLog.Actor.system("test"),
                new EndpointInput(receiver.url(), "", List.of("comment.posted"), true), T0);
        long article = ModerationFixtures.article("Harbour wall", "harbour-wall");
        long reader = ModerationFixtures.reader("rita@example.test", "Rita Reader");
        long held = ModerationFixtures.held(article, reader, "Rita Reader", "Held for a look", "first comment", T0);
        long rejected = ModerationFixtures.held(article, reader, "Rita Reader", "Never shown", "links", T0);
        ModerationFixtures.approved(article, reader, "Rita Reader", "Straight up", T0);
        assertThat(Desk.strings("SELECT type FROM webhook_events")).containsExactly("comment.posted");

        new Moderation(TestDatabase.jdbi(), CommentEvents.NONE).act(AuditLog.Actor.system("test"), Moderation.Action.APPROVE,
                List.of(held), "", T0);
        new Moderation(TestDatabase.jdbi(), CommentEvents.NONE).act(AuditLog.Actor.system("test"), Moderation.Action.REJECT,
                List.of(rejected), "Off topic", T0);
        worker().runOnce();

        assertThat(receiver.requests()).hasSize(2).allSatisfy(r -> assertThat(r.header("Broadsheet-Event")).isEqualTo("comment.posted"));
        var bodies = receiver.requests().stream().map(r -> {
            try {
                return Json.MAPPER.readTree(r.body()).get("comment");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
        assertThat(bodies).extracting(c -> c.get("body").asText()).containsExactly("Straight up", "Held for a look");
        assertThat(bodies.getFirst().get("author").asText()).isEqualTo("Rita Reader");
        assertThat(bodies.getFirst().get("article").get("url").asText()).isEqualTo("https://x.test/world-news/2025/12/07/harbour-wall/");
        assertThat(receiver.requests()).noneSatisfy(r -> assertThat(r.body()).contains("Never shown"));
    }
}
