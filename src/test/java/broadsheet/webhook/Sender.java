package broadsheet.webhook;

import broadsheet.article.ArticleQueries;
import broadsheet.comment.CommentStore;
import broadsheet.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;

/** A sender on the test database, on the test's clock: first retry after 30 seconds, requests limited to 5. */
final class Sender {
    private Sender() {}

    static WebhookWorker on(Clock clock, String baseUrl) {
        return on(clock, baseUrl, Duration.ofSeconds(5));
    }

    static WebhookWorker on(Clock clock, String baseUrl, Duration timeout) {
        var jdbi = TestDatabase.jdbi();
        return new WebhookWorker(new Deliveries(jdbi), new Payloads(new ArticleQueries(jdbi), new CommentStore(jdbi), baseUrl),
                new WebhookWorker.Settings(Duration.ofSeconds(30), timeout, 30), clock);
    }
}
