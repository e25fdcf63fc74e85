package broadsheet.cdn;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.Config;
import broadsheet.comment.CommentNotices;
import broadsheet.content.AccessLevel;
import broadsheet.editing.ArticleEditing;
import broadsheet.editing.ChangeKind;
import broadsheet.editing.Editor;
import broadsheet.editing.Publishing;
import broadsheet.shared.StaffRole;
import broadsheet.testing.Desk;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import broadsheet.testing.ThreadsFixtures;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two servers on one database, each with its page cache on and both purging one stand-in CDN: every change's keys are
 * purged once between them, and once more a little later, and after a publish, an update, a comment and an unpublish the next anonymous
 * request to either server shows it (their caches are emptied through the change feed).
 */
@ExtendWith(TestDatabase.class)
class TwoInstancesIT {
    private static final PurgeReceiver cdn = new PurgeReceiver();
    @RegisterExtension
    static final TestApp a = new TestApp().with(Config.PAGE_CACHE_MB.key(), "16").with(Config.CDN_URLS.key(), cdn.url("/").toString())
            .with(Config.CDN_RESEND_MS.key(), "300");
    @RegisterExtension
    static final TestApp b = new TestApp().with(Config.PAGE_CACHE_MB.key(), "16").with(Config.CDN_URLS.key(), cdn.url("/").toString())
            .with(Config.CDN_RESEND_MS.key(), "300");
    private final ArticleEditing editing = new ArticleEditing(TestDatabase.jdbi(), Desk.LONDON);
    private final Publishing publishing = new Publishing(TestDatabase.jdbi(), Desk.LONDON);
    private Editor editor;

    @AfterAll
    static void stopCdn() {
        cdn.close();
    }

    @BeforeEach
    void desk() {
        new PurgeOutbox(TestDatabase.jdbi()).heartbeat();
        Desk.section("world-news", "World news");
        editor = Desk.person(StaffRole.EDITOR, "Edna Editor");
        // a new section purges everything (a BAN, naming no key); once that is out, a test's own purges name their keys
        await("the new section's purge sent", () -> Desk.count("SELECT count(*) FROM cdn_purges WHERE state <> 'sent'") == 0);
        // each test's articles are numbered from 1 again: what the other test's purged is not this one's
        cdn.forget();
    }

    private long published(String headline) {
        var content = Desk.withNames(Desk.draft(headline).toBuilder().access(AccessLevel.FREE).build(), List.of("Edna Editor"), List.of("Harbours"));
        long id = ((ArticleEditing.Result.Saved) editing.create(editor, content, TestApp.NOW)).id();
        assertThat(publishing.publish(editor, id, 1, TestApp.NOW)).isInstanceOf(Publishing.Moved.Done.class);
        return id;
    }

    private static void await(String what, java.util.function.BooleanSupplier done) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("still waiting for " + what);
            Thread.onSpinWait();
        }
    }

    /** Waits until both servers answer {@code path} as {@code seen} wants. */
    private static void bothShow(String path, Predicate<HttpResponse<String>> seen) {
        for (TestApp app : List.of(a, b)) await(path + " on " + app.url("/"), () -> seen.test(app.get(path)));
    }

    @Test
    void eachChangesKeysArePurgedOnceAndOnceMoreBetweenTheTwoServers() {
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= 12; i++) ids.add(published("Story number " + i));

        await("every article's purge sent", () -> Desk.count("SELECT count(*) FROM cdn_purges WHERE surrogate_key LIKE 'article-%' AND state = 'sent'")
                == ids.size() && Desk.count("SELECT count(*) FROM cdn_purges WHERE state <> 'sent'") == 0);

        var received = cdn.keys().stream().collect(Collectors.groupingBy(k -> k, Collectors.counting()));
        for (long id : ids) assertThat(received.get("article-" + id)).as("article-" + id).isEqualTo(2);
        assertThat(Desk.count("SELECT count(*) FROM cdn_purges WHERE attempts <> 1 OR NOT resend")).as("no sending claimed twice").isZero();
    }

    @Test
    void aPublishAnUpdateACommentAndAnUnpublishShowOnTheNextAnonymousRequestToEitherServer() {
        long id = published("Harbour vote");
        String path = Desk.article(id).path();
        bothShow("/", r -> r.body().contains("Harbour vote"));
        bothShow(path, r -> r.body().contains("Harbour vote"));

        published("Ferry strike called off");
        bothShow("/", r -> r.body().contains("Ferry strike called off"));

        editing.save(editor, id, 2, Desk.withNames(Desk.changed(Desk.draft("Harbour vote"), "Harbour vote passes", "", "New words."),
                List.of("Edna Editor"), List.of("Harbours")), ChangeKind.UPDATE, "The result", TestApp.NOW.plusSeconds(60));
        bothShow(path, r -> r.body().contains("Harbour vote passes"));

        ThreadsFixtures.comment(id, null, "The harbour master said nothing of the kind.", TestApp.NOW.plusSeconds(90));
        TestDatabase.jdbi().useHandle(h -> CommentNotices.announce(h, id));
        bothShow(path, r -> r.body().contains("The harbour master said nothing of the kind."));

        publishing.unpublish(editor, id, Desk.article(id).version(), TestApp.NOW.plusSeconds(120));
        bothShow(path, r -> r.statusCode() == 410);
        bothShow("/", r -> !r.body().contains("Harbour vote passes"));
    }
}
