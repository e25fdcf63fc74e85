package broadsheet.storage;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.TestDatabase;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The change feed against the real database: notices reach a listener, and none is lost for good when its connection drops. */
@ExtendWith(TestDatabase.class)
class ChangeFeedIT {
    @Test
    void aChangeAnnouncedWhileTheListenerReconnectsIsReportedOnceItListensAgain() throws InterruptedException {
        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        try (var feed = ChangeFeed.listen(TestDatabase.database(), heard::add)) {
            TestDatabase.awaitListening(heard);

            TestDatabase.cutChangeFeeds();
            heard.clear();
            TestDatabase.jdbi().useHandle(h -> ChangeFeed.announce(h, "article 42")); // nobody listens just now

            assertThat(heard.poll(10, TimeUnit.SECONDS)).as("a change is reported once the listener is back").isNotNull();
            heard.clear();
            TestDatabase.jdbi().useHandle(h -> ChangeFeed.announce(h, "article 43"));
            assertThat(heard.poll(10, TimeUnit.SECONDS)).isEqualTo("article 43");
        }
    }
}
