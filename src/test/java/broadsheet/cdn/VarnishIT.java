package broadsheet.cdn;

import static broadsheet.testing.Varnish.cache;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.Config;
import broadsheet.content.AccessLevel;
import broadsheet.editing.ArticleEditing;
import broadsheet.editing.ChangeKind;
import broadsheet.editing.Editor;
import broadsheet.editing.Publishing;
import broadsheet.gift.GiftLinks;
import broadsheet.gift.GiftRules;
import broadsheet.shared.StaffRole;
import broadsheet.testing.Desk;
import broadsheet.testing.Readers;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import broadsheet.testing.ThreadsFixtures;
import broadsheet.testing.Varnish;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Through a real varnishd running deploy/varnish/broadsheet.vcl in front of a server that purges it: an anonymous
 * article is cached (the second answer is a hit), a change on the server shows through Varnish as soon as its purge
 * arrives (long before the five minutes the page may be kept), and what is personal never enters Varnish: a signed-in
 * reader's page is never given to anyone else, and a gift link's page is never a hit.
 */
@ExtendWith(TestDatabase.class)
class VarnishIT {
    private static final int VARNISH_PORT = Readers.freePort();
    @RegisterExtension
    static final TestApp app = new TestApp().with(Config.PAGE_CACHE_MB.key(), "16")
            .with(Config.CDN_URLS.key(), "http://127.0.0.1:" + VARNISH_PORT).with(Config.CDN_RESEND_MS.key(), "300");
    private static Varnish varnish;
    private final ArticleEditing editing = new ArticleEditing(TestDatabase.jdbi(), Desk.LONDON);
    private final Publishing publishing = new Publishing(TestDatabase.jdbi(), Desk.LONDON);
    private Editor editor;

    @BeforeAll
    static void startVarnish() {
        varnish = Varnish.start(VARNISH_PORT, app.app().port());
    }

    @AfterAll
    static void stopVarnish() {
        if (varnish != null) varnish.close();
    }

    @BeforeEach
    void desk() throws Exception {
        // each test starts with an empty cache and purging on (the database was emptied after the test before)
        new PurgeClient(new PurgeClient.Settings(PurgeClient.Kind.VARNISH, List.of(java.net.URI.create(varnish.url("/"))), "",
                Duration.ofSeconds(5))).purge(List.of(PurgeClient.EVERYTHING));
        new PurgeOutbox(TestDatabase.jdbi()).heartbeat();
        Desk.section("world-news", "World news");
        editor = Desk.person(StaffRole.EDITOR, "Edna Editor");
    }

    private long published(String headline, AccessLevel access) {
        var content = Desk.withNames(Desk.draft(headline).toBuilder().access(access).build(), List.of("Edna Editor"), List.of("Harbours"));
        long id = ((ArticleEditing.Result.Saved) editing.create(editor, content, TestApp.NOW)).id();
        assertThat(publishing.publish(editor, id, 1, TestApp.NOW)).isInstanceOf(Publishing.Moved.Done.class);
        // its purges are out before a test fills the cache, or one arriving late would empty what the test just filled
        allPurgesSent();
        return id;
    }

    /** Waits until every purge has gone out, its second sending included. */
    private static void allPurgesSent() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (Desk.count("SELECT count(*) FROM cdn_purges WHERE state <> 'sent'") > 0) {
            if (System.nanoTime() > deadline) throw new AssertionError("the purges were never all sent");
            Thread.onSpinWait();
        }
    }

    /** Asks Varnish again until the answer shows what {@code seen} looks for (the purge is on its way); returns that answer. */
    private static HttpResponse<String> awaitThroughVarnish(String path, Predicate<HttpResponse<String>> seen) {
        long started = System.nanoTime();
        long deadline = started + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            HttpResponse<String> r = varnish.get(path);
            if (seen.test(r)) {
                System.out.printf("VarnishIT: %s changed through Varnish after %d ms%n", path, (System.nanoTime() - started) / 1_000_000);
                return r;
            }
            if (System.nanoTime() > deadline) throw new AssertionError("Varnish still answers the old " + path + ": " + cache(r));
            Thread.onSpinWait();
        }
    }

    @Test
    void anAnonymousArticleIsCachedAndAnUpdateShowsThroughVarnishOnceItsPurgeArrives() {
        long id = published("Harbour vote", AccessLevel.FREE);
        String path = Desk.article(id).path();

        HttpResponse<String> first = varnish.get(path);
        HttpResponse<String> second = varnish.get(path);
        HttpResponse<String> tracked = varnish.get(path, "Cookie", "_ga=GA1.2.3; _fbp=fb.1.2");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("Harbour vote");
        assertThat(cache(first)).isEqualTo("MISS");
        assertThat(cache(second)).isEqualTo("HIT");
        assertThat(second.headers().firstValue("Age")).isPresent();
        assertThat(second.headers().firstValue("Surrogate-Key")).as("labels are for the cache only").isEmpty();
        assertThat(cache(tracked)).as("tracking cookies neither bypass nor split the cache").isEqualTo("HIT");

        var saved = editing.save(editor, id, 2, Desk.withNames(Desk.changed(Desk.draft("Harbour vote"), "Harbour vote passes", "", "New words."),
                List.of("Edna Editor"), List.of("Harbours")), ChangeKind.UPDATE, "The result", TestApp.NOW.plusSeconds(60));
        assertThat(saved).isInstanceOf(ArticleEditing.Result.Saved.class);

        HttpResponse<String> updated = awaitThroughVarnish(path, r -> r.body().contains("Harbour vote passes"));
        assertThat(cache(updated)).isEqualTo("MISS");
        allPurgesSent(); // the update's second purge too
        HttpResponse<String> refilled = varnish.get(path);
        assertThat(refilled.body()).as("after the second purge").contains("Harbour vote passes");
        assertThat(cache(varnish.get(path))).isEqualTo("HIT");
    }

    @Test
    void aPublishShowsOnTheCachedHomePageAndAnUnpublishAndACommentOnTheCachedArticle() {
        long id = published("Harbour vote", AccessLevel.FREE);
        String path = Desk.article(id).path();
        varnish.get("/");
        varnish.get(path);
        assertThat(cache(varnish.get("/"))).isEqualTo("HIT");
        assertThat(cache(varnish.get(path))).isEqualTo("HIT");

        published("Ferry strike called off", AccessLevel.FREE);
        awaitThroughVarnish("/", r -> r.body().contains("Ferry strike called off"));

        ThreadsFixtures.comment(id, null, "The harbour master said nothing of the kind.", TestApp.NOW.plusSeconds(30));
        awaitThroughVarnish(path, r -> r.body().contains("The harbour master said nothing of the kind."));

        publishing.unpublish(editor, id, Desk.article(id).version(), TestApp.NOW.plusSeconds(120));
        awaitThroughVarnish(path, r -> r.statusCode() == 410);
    }

    @Test
    void aSignedInReadersPageNeverEntersVarnish() {
        long id = published("Harbour vote", AccessLevel.FREE);
        String path = Desk.article(id).path();
        var reader = Readers.signedIn(app, "rowan@example.com", "Rowan Reader");
        String cookie = "bs_reader=" + reader.cookie("bs_reader");

        HttpResponse<String> signedIn = varnish.get(path, "Cookie", cookie + "; _ga=GA1.2.3");
        HttpResponse<String> anonymous = varnish.get(path);
        HttpResponse<String> again = varnish.get(path, "Cookie", cookie);

        assertThat(signedIn.body()).contains("Rowan Reader");
        assertThat(signedIn.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(cache(signedIn)).isEqualTo("PASS");
        assertThat(anonymous.body()).contains("Harbour vote").doesNotContain("Rowan Reader");
        assertThat(cache(anonymous)).isEqualTo("MISS");
        assertThat(cache(varnish.get(path))).isEqualTo("HIT");
        assertThat(again.body()).as("the anonymous page, cached now, is not given to the reader").contains("Rowan Reader");
        assertThat(cache(again)).isEqualTo("PASS");
    }

    @Test
    void aGiftLinksPageIsNeverAHit() {
        long id = published("Premium harbour files", AccessLevel.PREMIUM);
        long giver = Readers.reader("ann@example.com", "Ann Giver", true);
        var links = new GiftLinks(TestDatabase.jdbi(), () -> new GiftRules(10, 7, 0), (reader, now) -> true, Desk.LONDON);
        String gift = ((GiftLinks.Made.Link) links.give(giver, id, TestApp.NOW)).gift().path();

        List<HttpResponse<String>> answers = List.of(varnish.get(gift), varnish.get(gift), varnish.get(gift));

        assertThat(answers).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("Premium harbour files");
            assertThat(cache(r)).isEqualTo("PASS");
        });
    }
}
