package broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.content.CommentPolicy;
import broadsheet.settings.CommentSettings;
import broadsheet.testing.Html;
import broadsheet.testing.Newsroom;
import broadsheet.shared.StaffRole;
import broadsheet.testing.Readers;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import broadsheet.testing.ThreadsFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Posting against the real database: counts under concurrent posts, a rate limit that holds when one reader posts
 * many at once, the edit window on the server's fixed clock, auto-close as the page shows it, the staff badge, and
 * what the events hear.
 */
@ExtendWith(TestDatabase.class)
class CommentPostingIT {
    @RegisterExtension
    static final TestApp app = new TestApp();
    private static final CommentSettings READERS = new CommentSettings(CommentSettings.Who.READERS, 7, 5, 10, 30, 3, 1, false,
            CommentSettings.OnDeletion.ANONYMISE);

    /** A rate limit as the moderation pipeline has it: {@code minSeconds} between two comments, {@code perHour} an hour. */
    private static final Screening RATE_LIMITED = s -> {
        var h = s.history();
        if (h.lastPostedAt() != null && s.now().isBefore(h.lastPostedAt().plusSeconds(s.rules().minSeconds()))) {
            return new Decision.Reject("Wait a little before posting again.");
        }
        if (h.lastHour() >= s.rules().perHour()) return new Decision.Reject("You have posted a lot this hour.");
        return Screening.BASIC.screen(s);
    };

    private static List<CommentPosting.Posted> atOnce(int n, java.util.function.IntFunction<CommentPosting.Posted> post) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<CommentPosting.Posted>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return post.apply(k);
                }));
            }
            start.countDown();
            List<CommentPosting.Posted> out = new ArrayList<>();
            for (var f : futures) out.add(f.get(2, TimeUnit.MINUTES));
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void countsStayRightUnderConcurrentPosts() throws Exception {
        long article = ThreadsFixtures.article(app, "busy", CommentPolicy.OPEN);
        List<Long> readers = new ArrayList<>();
        for (int i = 0; i < 12; i++) readers.add(Readers.reader("r" + i + "@example.com", "Reader " + i, true));
        var published = new ConcurrentLinkedQueue<Long>();
        CommentEvents heard = new CommentEvents() {
            @Override
            public void published(long id) {
                published.add(id);
            }

            @Override
            public void featured(long id) {}
        };
        var posting = new CommentPosting(TestDatabase.jdbi(), () -> READERS, (r, t) -> false, Screening.BASIC, heard);
        var results = atOnce(readers.size() * 2, k -> posting.post(readers.get(k % readers.size()), article, null, "Comment " + k, TestApp.NOW));
        assertThat(results).allMatch(r -> r instanceof CommentPosting.Posted.Up);
        assertThat(ThreadsFixtures.count("SELECT comment_count FROM articles WHERE id = " + article)).isEqualTo(24);
        assertThat(ThreadsFixtures.count("SELECT count(*) FROM comments WHERE status = 'approved'")).isEqualTo(24);
        assertThat(ThreadsFixtures.count("SELECT sum(approved) FROM commenters")).isEqualTo(24);
        assertThat(published).hasSize(24);
        // and on the page, the count near the byline
        assertThat(Html.parse(app.get(ThreadsFixtures.path(article))).select(".comment-count a").text()).isEqualTo("24 comments");
    }

    @Test
    void aRateLimitHoldsWhenOneReaderPostsManyAtOnce() throws Exception {
        long article = ThreadsFixtures.article(app, "flood", CommentPolicy.OPEN);
        long ann = Readers.reader("ann@example.com", "Ann", true);
        var posting = new CommentPosting(TestDatabase.jdbi(), () -> READERS, (r, t) -> false, RATE_LIMITED, CommentEvents.NONE);
        var results = atOnce(10, k -> posting.post(ann, article, null, "Spam " + k, TestApp.NOW));
        assertThat(results.stream().filter(r -> r instanceof CommentPosting.Posted.Up)).hasSize(1);
        assertThat(results.stream().filter(r -> r instanceof CommentPosting.Posted.Refused)).hasSize(9);
        assertThat(ThreadsFixtures.count("SELECT count(*) FROM comments")).isEqualTo(1);
        // ten seconds later one more may go; at thirty an hour the thirty-first is refused
        assertThat(posting.post(ann, article, null, "Later", TestApp.NOW.plusSeconds(10))).isInstanceOf(CommentPosting.Posted.Up.class);
        for (int i = 2; i < 30; i++) posting.post(ann, article, null, "More " + i, TestApp.NOW.plusSeconds(20L * i));
        assertThat(ThreadsFixtures.count("SELECT count(*) FROM comments")).isEqualTo(30);
        assertThat(posting.post(ann, article, null, "One too many", TestApp.NOW.plusSeconds(20L * 31)))
                .isEqualTo(new CommentPosting.Posted.Refused("You have posted a lot this hour."));
    }

    @Test
    void theBasicScreeningRefusesBannedAndSuspendedReadersAndHoldsPremoderatedArticles() {
        long open = ThreadsFixtures.article(app, "open", CommentPolicy.OPEN);
        long held = ThreadsFixtures.article(app, "held", CommentPolicy.PREMODERATED);
        long ann = Readers.reader("ann@example.com", "Ann", true);
        long bob = Readers.reader("bob@example.com", "Bob", true);
        ThreadsFixtures.ban(ann, "spam");
        ThreadsFixtures.suspend(bob, TestApp.NOW.plus(Duration.ofDays(2)));
        var posting = new CommentPosting(TestDatabase.jdbi(), () -> READERS, (r, t) -> false, Screening.BASIC, CommentEvents.NONE);
        assertThat(posting.post(ann, open, null, "Hi", TestApp.NOW)).isInstanceOf(CommentPosting.Posted.Refused.class);
        assertThat(posting.post(bob, open, null, "Hi", TestApp.NOW)).isInstanceOf(CommentPosting.Posted.Refused.class);
        assertThat(posting.post(bob, open, null, "Hi", TestApp.NOW.plus(Duration.ofDays(2))))
                .as("the suspension is over").isInstanceOf(CommentPosting.Posted.Up.class);
        assertThat(posting.post(bob, open, null, "Still?", TestApp.NOW.plus(Duration.ofDays(8))))
                .as("closed after seven days").isEqualTo(new CommentPosting.Posted.Refused("Comments on this article are closed."));
        TestDatabase.jdbi().useHandle(h -> h.execute("UPDATE articles SET comments_close_days = 30"));
        assertThat(posting.post(bob, open, null, "Longer", TestApp.NOW.plus(Duration.ofDays(8)))).isInstanceOf(CommentPosting.Posted.Up.class);
        long cat = Readers.reader("cat@example.com", "", true);
        var result = posting.post(cat, held, null, "Held?", TestApp.NOW);
        assertThat(result).isInstanceOf(CommentPosting.Posted.Held.class);
        var comment = ((CommentPosting.Posted.Held) result).comment();
        assertThat(comment.status()).isEqualTo("pending");
        assertThat(comment.authorName()).isEqualTo("Reader " + cat);
        assertThat(text("SELECT held_reason FROM comments WHERE id = " + comment.id())).isEqualTo("this article's comments are premoderated");
    }

    @Test
    void repliesGoNoDeeperThanTwoAndStaffCarryABadge() {
        long article = ThreadsFixtures.article(app, "deep", CommentPolicy.OPEN);
        long ann = Readers.reader("ann@example.com", "Ann", true);
        ThreadsFixtures.trusted(ann, 10);
        Newsroom.staff(StaffRole.EDITOR, "ed@example.com", "Ed Itor");
        long ed = Readers.reader("ed@example.com", "Ed", true);
        ThreadsFixtures.trusted(ed, 10);
        var posting = new CommentPosting(TestDatabase.jdbi(), () -> CommentSettings.DEFAULTS, (r, t) -> false, Screening.BASIC,
                CommentEvents.NONE);
        assertThat(posting.post(ann, article, null, "Not a subscriber", TestApp.NOW)).isInstanceOf(CommentPosting.Posted.Refused.class);
        var top = ((CommentPosting.Posted.Up) posting.post(ed, article, null, "From the newsroom", TestApp.NOW)).comment();
        assertThat(top.byStaff()).isTrue();
        assertThat(top.rootId()).isEqualTo(top.id());
        Comment parent = top;
        for (int depth : new int[] {1, 2, 2}) {
            parent = ((CommentPosting.Posted.Up) posting.post(ed, article, parent.id(), "Deeper", TestApp.NOW)).comment();
            assertThat(parent.depth()).isEqualTo(depth);
            assertThat(parent.rootId()).isEqualTo(top.id());
        }
        long other = ThreadsFixtures.article(app, "other", CommentPolicy.OPEN);
        assertThat(posting.post(ed, other, top.id(), "Wrong article", TestApp.NOW)).isInstanceOf(CommentPosting.Posted.Refused.class);
    }

    @Test
    void anEditPassesScreeningAsANewCommentWould() {
        long article = ThreadsFixtures.article(app, "edited", CommentPolicy.OPEN);
        long ann = Readers.reader("ann@example.com", "Ann", true);
        Screening words = s -> s.body().contains("scoundrel") ? new Decision.Reject("Please keep it civil.")
                : s.body().contains("miracle cure") ? new Decision.Hold(List.of("suspect word: “miracle cure”")) : Screening.BASIC.screen(s);
        var posting = new CommentPosting(TestDatabase.jdbi(), () -> READERS, (r, t) -> false, words, CommentEvents.NONE);
        long id = ((CommentPosting.Posted.Up) posting.post(ann, article, null, "A fair point about the budget.", TestApp.NOW)).comment().id();

        assertThat(posting.edit(ann, id, "The minister is a scoundrel.", TestApp.NOW.plusSeconds(30)))
                .isEqualTo(new CommentPosting.Changed.Refused("Please keep it civil."));
        assertThat(ThreadsFixtures.count("SELECT count(*) FROM comments WHERE body = 'A fair point about the budget.' AND status = 'approved'"))
                .as("a refused edit changes nothing").isEqualTo(1);

        assertThat(posting.edit(ann, id, "Try this miracle cure.", TestApp.NOW.plusSeconds(60))).isInstanceOf(CommentPosting.Changed.Done.class);
        String held = TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT status || ' / ' || held_reason FROM comments WHERE id = :id")
                .bind("id", id).mapTo(String.class).one());
        assertThat(held).isEqualTo("pending / edited: suspect word: “miracle cure”");
        assertThat(ThreadsFixtures.count("SELECT comment_count FROM articles WHERE id = " + article)).as("off the page until approved").isZero();
    }

    @Test
    void theEditWindowFollowsTheServersClock() {
        long article = ThreadsFixtures.article(app, "edit", CommentPolicy.OPEN);
        ThreadsFixtures.settings(app, "comments_who = 'readers'");
        Newsroom.Client ann = Readers.signedIn(app, "ann@example.com", "Ann");
        ThreadsFixtures.trusted("ann@example.com");
        String path = ThreadsFixtures.path(article);
        var r = ann.submit(path, "/comments/" + article, Map.of("body", "Frist"));
        long id = Long.parseLong(r.headers().firstValue("Location").orElseThrow().replaceAll(".*#comment-", ""));
        try {
            app.clock().advance(Duration.ofMinutes(4).plusSeconds(59));
            assertThat(Html.parse(ann.get(path)).select("#comment-" + id + " a[href*=edit]")).hasSize(1);
            assertThat(ann.submit(path, "/comments/c/" + id + "/edit", Map.of("body", "First")).statusCode()).isEqualTo(303);
            app.clock().advance(Duration.ofSeconds(1));
            assertThat(Html.parse(ann.get(path)).select("#comment-" + id + " a[href*=edit]")).isEmpty();
            var late = ann.submit(path, "/comments/" + article, Map.of("body", "A later thought")); // the form token, on any page
            assertThat(late.statusCode()).isEqualTo(303);
            var refused = ann.post("/comments/c/" + id + "/edit", Map.of("body", "Too late", "_csrf", Newsroom.csrf(ann.get(path).body())));
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(Html.parse(refused).select(".comment-error").text()).contains("time for editing");
            assertThat(ann.get("/comments/" + article + "?edit=" + id).statusCode()).isEqualTo(403);
        } finally {
            app.clock().set(TestApp.NOW);
        }
        assertThat(text("SELECT body FROM comments WHERE id = " + id)).isEqualTo("First");
    }

    @Test
    void commentsCloseByThemselvesAndThePageSaysSo() {
        long article = ThreadsFixtures.article(app, "closing", CommentPolicy.OPEN);
        ThreadsFixtures.settings(app, "comments_who = 'readers'");
        Newsroom.Client ann = Readers.signedIn(app, "ann@example.com", "Ann");
        String path = ThreadsFixtures.path(article);
        String token = Newsroom.csrf(ann.get(path).body());
        try {
            // published an hour before NOW: seven days later, less a second, still open
            app.clock().set(TestApp.NOW.plus(Duration.ofDays(7)).minusSeconds(3601));
            assertThat(Html.parse(app.get(path)).select("section#comments").text()).contains("Sign in to comment").doesNotContain("closed");
            app.clock().set(TestApp.NOW.plus(Duration.ofDays(7)).minusSeconds(3600));
            assertThat(Html.parse(app.get(path)).select("section#comments .comments-closed").text()).isEqualTo("Comments are closed.");
            assertThat(Html.parse(ann.get(path)).select("section#comments textarea")).isEmpty();
            var r = ann.post("/comments/" + article, Map.of("body", "Too late", "_csrf", token));
            assertThat(r.statusCode()).isEqualTo(422);
            assertThat(Html.parse(r).select(".comment-error").text()).isEqualTo("Comments on this article are closed.");
            // a per-article override keeps it open
            TestDatabase.jdbi().useHandle(h -> h.execute("UPDATE articles SET comments_close_days = 0"));
            assertThat(ann.post("/comments/" + article, Map.of("body", "Never closes", "_csrf", token)).statusCode()).isEqualTo(303);
        } finally {
            app.clock().set(TestApp.NOW);
        }
    }


    private static String text(String sql) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
    }
}
