package broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.content.CommentPolicy;
import broadsheet.testing.Html;
import broadsheet.testing.Newsroom;
import broadsheet.testing.Readers;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import broadsheet.testing.RawHttp;
import broadsheet.testing.ThreadsFixtures;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The thread over HTTP: who may post by article policy and reader type, what the article page and the thread's page
 * show each of them, the forms (CSRF, redirects, refusals that keep the text), and what is cached.
 */
@ExtendWith(TestDatabase.class)
class CommentPagesIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    /** A client of this type: visitor, reader, subscriber, banned; null for a visitor. */
    private static Newsroom.Client as(String type) {
        if (type.equals("visitor")) return Newsroom.anonymous(app);
        Newsroom.Client c = Readers.signedIn(app, type + "@example.com", "Ann " + type);
        long id = ThreadsFixtures.readerId(type + "@example.com");
        if (!type.equals("reader")) ThreadsFixtures.trustedSubscriber(id);
        if (type.equals("banned")) ThreadsFixtures.ban(id, "Abuse of other readers");
        if (type.equals("suspended")) ThreadsFixtures.suspend(id, TestApp.NOW.plus(java.time.Duration.ofDays(3)));
        return c;
    }

    @ParameterizedTest(name = "{0} article, {1}: posts {2}")
    @CsvSource({
            "OPEN,visitor,refused", "OPEN,reader,refused", "OPEN,subscriber,approved", "OPEN,banned,refused",
            "PREMODERATED,visitor,refused", "PREMODERATED,reader,refused", "PREMODERATED,subscriber,pending", "PREMODERATED,banned,refused",
            "CLOSED,visitor,refused", "CLOSED,reader,refused", "CLOSED,subscriber,refused", "CLOSED,banned,refused",
            "OFF,visitor,refused", "OFF,reader,refused", "OFF,subscriber,refused", "OFF,banned,refused", "OPEN,suspended,refused"})
    void whoMayPostByPolicyAndReader(CommentPolicy policy, String type, String outcome) {
        long article = ThreadsFixtures.article(app, "matrix", policy);
        Newsroom.Client c = as(type);
        String page = ThreadsFixtures.path(article);
        HttpResponse<String> r = type.equals("visitor")
                ? c.post("/comments/" + article, Map.of("body", "Hello from a " + type))
                // the form token from the account page: the server refuses, whatever the article page offers
                : c.submit("/account", "/comments/" + article, Map.of("body", "Hello from a " + type));
        int stored = ThreadsFixtures.count("SELECT count(*) FROM comments");
        if (outcome.equals("refused")) {
            assertThat(r.statusCode()).as(r.body()).isIn(403, 422);
            assertThat(stored).isZero();
            if (!type.equals("visitor")) assertThat(Html.parse(r).select("textarea[name=body]").text()).isIn("Hello from a " + type, "");
        } else {
            assertThat(r.statusCode()).isEqualTo(303);
            assertThat(r.headers().firstValue("Location").orElseThrow()).startsWith(page + "#comment-");
            assertThat(ThreadsFixtures.count("SELECT count(*) FROM comments WHERE status = '" + outcome + "'")).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0} article, {1} sees {2}")
    @CsvSource({
            "OPEN,visitor,Sign in to comment", "OPEN,reader,Comments are for subscribers", "OPEN,subscriber,Post comment",
            "OPEN,banned,You may no longer comment", "OPEN,suspended,suspended until 10 December 2025",
            "CLOSED,visitor,Comments are closed", "CLOSED,subscriber,Comments are closed"})
    void theArticlePageSaysWhatEachReaderMayDo(CommentPolicy policy, String type, String says) {
        long article = ThreadsFixtures.article(app, "says", policy);
        Document page = Html.parse(as(type).get(ThreadsFixtures.path(article)));
        assertThat(page.select("section#comments").text()).contains(says);
        if (type.equals("banned")) assertThat(page.select("section#comments").text()).contains("Abuse of other readers");
        if (type.equals("visitor")) {
            assertThat(page.select("section#comments .comment-sign-in a").attr("href")).isIn("/account/signin?next=%2Fworld-news%2F2025%2F12%2F07%2Fsays%2F%23comments", "");
        }
    }

    /** Behind the paywall the page's own check of the subscription decides the form too (it is not asked twice). */
    @ParameterizedTest(name = "{0} article, {1} sees {2}")
    @CsvSource({"REGISTERED,reader,Comments are for subscribers", "REGISTERED,subscriber,Post comment",
            "PREMIUM,reader,Comments are for subscribers", "PREMIUM,subscriber,Post comment", "PREMIUM,banned,You may no longer comment"})
    void behindThePaywallTheFormFollowsTheSubscription(broadsheet.content.AccessLevel access, String type, String says) {
        long article = ThreadsFixtures.article(app, "behind", CommentPolicy.OPEN, access);
        Document page = Html.parse(as(type).get(ThreadsFixtures.path(article)));
        assertThat(page.select("section#comments").text()).contains(says);
    }

    @Test
    void commentsOffShowNoThreadNoCountNoForm() {
        long article = ThreadsFixtures.article(app, "off", CommentPolicy.OFF);
        Document page = Html.parse(app.get(ThreadsFixtures.path(article)));
        assertThat(page.select("section#comments, .comment-count")).isEmpty();
        assertThat(app.get("/comments/" + article).statusCode()).isEqualTo(404);
    }

    @Test
    void aFormWithoutTheReadersTokenIsRefused() {
        long article = ThreadsFixtures.article(app, "csrf", CommentPolicy.OPEN);
        ThreadsFixtures.settings(app, "comments_who = 'readers'");
        Newsroom.Client c = as("reader");
        assertThat(c.post("/comments/" + article, Map.of("body", "No token")).statusCode()).isEqualTo(403);
        assertThat(c.post("/comments/" + article, Map.of("body", "Wrong token", "_csrf", "not-the-token")).statusCode()).isEqualTo(403);
        assertThat(ThreadsFixtures.count("SELECT count(*) FROM comments")).isZero();
        // the same form with the token goes through, and the header form of the token (the script's) as well
        assertThat(c.submit(ThreadsFixtures.path(article), "/comments/" + article, Map.of("body", "With token")).statusCode()).isEqualTo(303);
        long id = TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT id FROM comments").mapTo(Long.class).one());
        assertThat(c.post("/comments/c/" + id + "/delete", Map.of()).statusCode()).isEqualTo(403);
    }

    @Test
    void theArticleShowsItsCountAndThreadAndAVisitorsPageStaysPublic() {
        long article = ThreadsFixtures.article(app, "count", CommentPolicy.OPEN);
        long ann = Readers.reader("ann@example.com", "Ann", true);
        ThreadsFixtures.trusted(ann, 10);
        long first = ThreadsFixtures.comment(article, ann, "First! See https://example.com/a_(b). <b>not bold</b>", TestApp.NOW.minusSeconds(60));
        ThreadsFixtures.comment(article, ann, first, "Ann", "A reply", "approved", TestApp.NOW.minusSeconds(30));
        ThreadsFixtures.comment(article, ann, null, "Ann", "Held for review", "pending", TestApp.NOW.minusSeconds(20));
        HttpResponse<String> r = app.get(ThreadsFixtures.path(article));
        assertThat(r.headers().firstValue("Cache-Control").orElseThrow()).startsWith("public");
        Document page = Html.parse(r);
        assertThat(page.select(".comment-count a").text()).isEqualTo("2 comments");
        assertThat(page.select(".comment-count a").attr("href")).isEqualTo("#comments");
        assertThat(page.select("#comment-" + first + " .comment-body").html()).contains("&lt;b&gt;not bold&lt;/b&gt;");
        assertThat(page.select("#comment-" + first + " .comment-body a").attr("rel")).isEqualTo("nofollow ugc noopener");
        assertThat(page.select("#comment-" + first + " .comment-body a").attr("href")).isEqualTo("https://example.com/a_(b)");
        assertThat(page.select("li.comment")).hasSize(2);
        assertThat(page.text()).doesNotContain("Held for review");
        // the masthead's search box is the same for everyone, and carries no token
        assertThat(page.select("form:not(.site-search)")).as("nothing personal: no form, no token").isEmpty();
        assertThat(page.select("input[name=_csrf]")).isEmpty();
        // the author sees their pending comment, marked
        Newsroom.Client annClient = Readers.signIn(app, "ann@example.com", Readers.PASSWORD);
        Document own = Html.parse(annClient.get(ThreadsFixtures.path(article)));
        assertThat(own.select("li.comment-pending").text()).contains("Held for review", "Awaiting moderation");
        // the listing card shows the count too
        assertThat(Html.parse(app.get("/world-news/")).select(".card-comments").text()).isEqualTo("2 comments");
    }

    @Test
    void onAnArticleWithNoApprovedCommentOnlyItsWriterSeesAWaitingOne() {
        long article = ThreadsFixtures.article(app, "quiet", CommentPolicy.OPEN);
        long ann = Readers.reader("ann@example.com", "Ann", true);
        ThreadsFixtures.comment(article, ann, null, "Ann", "Waiting alone", "pending", TestApp.NOW.minusSeconds(20));
        ThreadsFixtures.comment(article, ann, null, "Ann", "Turned down", "rejected", TestApp.NOW.minusSeconds(10));
        Document visitor = Html.parse(app.get(ThreadsFixtures.path(article)));
        assertThat(visitor.select("li.comment")).isEmpty();
        assertThat(visitor.text()).doesNotContain("Waiting alone").doesNotContain("Turned down");
        Document own = Html.parse(Readers.signIn(app, "ann@example.com", Readers.PASSWORD).get(ThreadsFixtures.path(article)));
        assertThat(own.select("li.comment-pending").text()).contains("Waiting alone", "Awaiting moderation");
        assertThat(own.text()).doesNotContain("Turned down");
        Readers.reader("bo@example.com", "Bo", true);
        Document other = Html.parse(Readers.signIn(app, "bo@example.com", Readers.PASSWORD).get(ThreadsFixtures.path(article)));
        assertThat(other.select("li.comment")).isEmpty();
    }

    @Test
    void aSubscriberPostsRepliesEditsAndDeletesAndOthersRecommendAndReport() {
        long article = ThreadsFixtures.article(app, "life", CommentPolicy.OPEN);
        String path = ThreadsFixtures.path(article);
        Newsroom.Client ann = as("subscriber");
        HttpResponse<String> posted = ann.submit(path, "/comments/" + article, Map.of("body", "My first thought.\n\nAnd a second paragraph."));
        assertThat(posted.statusCode()).isEqualTo(303);
        long id = Long.parseLong(posted.headers().firstValue("Location").orElseThrow().replaceAll(".*#comment-", ""));
        Document page = Html.parse(app.get(path));
        assertThat(page.select("#comment-" + id + " .comment-body p")).hasSize(2);

        ThreadsFixtures.settings(app, "comments_who = 'readers'");
        Newsroom.Client bob = Readers.signedIn(app, "bob@example.com", "Bob");
        ThreadsFixtures.trusted("bob@example.com");
        HttpResponse<String> reply = bob.submit(path, "/comments/" + article, Map.of("body", "I disagree.", "parent", String.valueOf(id)));
        assertThat(reply.statusCode()).isEqualTo(303);
        long replyId = Long.parseLong(reply.headers().firstValue("Location").orElseThrow().replaceAll(".*#comment-", ""));
        app.clock().advance(Duration.ofSeconds(11)); // past the wait between one reader's comments
        HttpResponse<String> deeper = ann.submit(path, "/comments/" + article, Map.of("body", "Why?", "parent", String.valueOf(replyId)));
        long deeperId = Long.parseLong(deeper.headers().firstValue("Location").orElseThrow().replaceAll(".*#comment-", ""));
        app.clock().advance(Duration.ofSeconds(11));
        HttpResponse<String> deepest = bob.submit(path, "/comments/" + article, Map.of("body", "Because.", "parent", String.valueOf(deeperId)));
        long deepestId = Long.parseLong(deepest.headers().firstValue("Location").orElseThrow().replaceAll(".*#comment-", ""));
        page = Html.parse(app.get(path));
        assertThat(page.select("#comment-" + id + " > ol > #comment-" + replyId + " > ol > #comment-" + deeperId)).hasSize(1);
        assertThat(page.select("#comment-" + replyId + " > ol > #comment-" + deepestId + ".comment-depth-2 .comment-replying").text())
                .isEqualTo("replying to Ann subscriber");
        assertThat(page.select(".comment-count a").text()).isEqualTo("4 comments");

        // recommend toggles; one's own cannot be recommended
        assertThat(bob.submit(path, "/comments/c/" + id + "/recommend", Map.of()).statusCode()).isEqualTo(303);
        assertThat(ThreadsFixtures.count("SELECT recommendations FROM comments WHERE id = " + id)).isEqualTo(1);
        assertThat(bob.submit(path, "/comments/c/" + id + "/recommend", Map.of()).statusCode()).isEqualTo(303);
        assertThat(ThreadsFixtures.count("SELECT recommendations FROM comments WHERE id = " + id)).isZero();
        assertThat(ann.submit(path, "/comments/c/" + id + "/recommend", Map.of()).statusCode()).isEqualTo(409);

        // report once, with a reason
        assertThat(bob.submit(path, "/comments/c/" + id + "/report", Map.of("reason", "spam", "details", "Selling things")).statusCode()).isEqualTo(303);
        assertThat(bob.submit(path, "/comments/c/" + id + "/report", Map.of("reason", "abusive", "details", "")).statusCode()).isEqualTo(303);
        assertThat(ThreadsFixtures.count("SELECT count(*) FROM comment_reports")).isEqualTo(1);
        assertThat(bob.submit(path, "/comments/c/" + id + "/report", Map.of("reason", "boring", "details", "")).statusCode()).isEqualTo(422);
        assertThat(bob.submit(path, "/comments/c/" + id + "/report", Map.of("reason", "other", "details", "x".repeat(501))).statusCode()).isEqualTo(422);

        // edit own, not others'
        assertThat(ann.submit(path, "/comments/c/" + id + "/edit", Map.of("body", "My corrected thought.")).statusCode()).isEqualTo(303);
        page = Html.parse(app.get(path));
        assertThat(page.select("#comment-" + id + " > article .comment-edited").text()).isEqualTo("edited");
        assertThat(page.select("#comment-" + id + " > article .comment-body").text()).isEqualTo("My corrected thought.");
        assertThat(bob.submit(path, "/comments/c/" + id + "/edit", Map.of("body", "Hijacked")).statusCode()).isEqualTo(404);

        // deleted with replies: "comment deleted"; a deleted reply without replies disappears
        assertThat(ann.submit(path, "/comments/c/" + id + "/delete", Map.of()).statusCode()).isEqualTo(303);
        assertThat(bob.submit(path, "/comments/c/" + deepestId + "/delete", Map.of()).statusCode()).isEqualTo(303);
        page = Html.parse(app.get(path));
        assertThat(page.select("#comment-" + id + " > .comment-deleted").text()).isEqualTo("Comment deleted");
        assertThat(page.select("#comment-" + deepestId)).isEmpty();
        assertThat(page.select(".comment-count a").text()).isEqualTo("2 comments");
    }

    @Test
    void aRefusedCommentComesBackWithItsTextAndWhy() {
        long article = ThreadsFixtures.article(app, "refused", CommentPolicy.OPEN);
        Newsroom.Client ann = as("subscriber");
        String path = ThreadsFixtures.path(article);
        HttpResponse<String> r = ann.submit(path, "/comments/" + article, Map.of("body", "x".repeat(5001)));
        assertThat(r.statusCode()).isEqualTo(422);
        Document page = Html.parse(r);
        assertThat(page.select(".comment-error").text()).contains("at most 5000 characters");
        assertThat(page.select("textarea[name=body]").text()).hasSize(5001);
        assertThat(ann.submit(path, "/comments/" + article, Map.of("body", "bell\u0007")).statusCode()).isEqualTo(422);
        assertThat(ann.submit(path, "/comments/" + article, Map.of("body", "   ")).statusCode()).isEqualTo(422);
        assertThat(ann.submit(path, "/comments/" + article, Map.of("body", "tabs\tand\nlines")).statusCode()).isEqualTo(303);
        assertThat(ann.submit(path, "/comments/" + article, Map.of("body", "x", "parent", "abc")).statusCode()).isEqualTo(400);
        assertThat(ThreadsFixtures.count("SELECT count(*) FROM comments")).isEqualTo(1);
    }

    @Test
    void theCommentFormsRefuseALargeBodyUnread() {
        long article = ThreadsFixtures.article(app, "large", CommentPolicy.OPEN);
        Newsroom.Client ann = as("subscriber");
        String path = ThreadsFixtures.path(article);
        // 12,000 characters of two bytes, each encoded as nine: declared, never sent, refused before it is read
        long huge = 9L * 12_000 * 2;
        for (String to : new String[] {"/comments/" + article, "/comments/c/1/edit", "/comments/c/1/delete", "/comments/c/1/recommend",
                "/comments/c/1/report"}) {
            try (RawHttp http = RawHttp.open(app)) {
                http.send("POST " + to + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: " + huge + "\r\n\r\n");
                assertThat(http.answer().status()).as(to).isEqualTo(413);
            }
        }
        // the longest comment in the widest characters fits
        assertThat(ann.submit(path, "/comments/" + article, Map.of("body", "\u0416".repeat(5000))).statusCode()).isEqualTo(303);
        app.clock().advance(Duration.ofMinutes(1)); // past the wait between two comments
        assertThat(ann.submit(path, "/comments/" + article, Map.of("body", "Ok " + "\uD83D\uDE00".repeat(4997))).statusCode()).isEqualTo(303);
    }

    @Test
    void theThreadsPageAndBadAddresses() {
        long article = ThreadsFixtures.article(app, "addresses", CommentPolicy.OPEN);
        long ann = Readers.reader("ann@example.com", "Ann", true);
        ThreadsFixtures.trusted(ann, 10);
        long c = ThreadsFixtures.comment(article, ann, "Hello", TestApp.NOW.minusSeconds(60));
        HttpResponse<String> r = app.get("/comments/" + article);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control").orElseThrow()).startsWith("public");
        assertThat(Html.parse(r).select("#comment-" + c)).hasSize(1);
        // a deleted account's comment stays, under no name
        long orphan = ThreadsFixtures.comment(article, null, "Kept after my account went", TestApp.NOW.minusSeconds(30));
        assertThat(Html.parse(app.get("/comments/" + article)).select("#comment-" + orphan + " .comment-author").text()).isEqualTo("Deleted reader");
        assertThat(app.get("/comments/" + article + "?part=1").body()).doesNotContain("<html").contains("comment-" + c);
        for (String bad : new String[] {"?sort=loudest", "?after=nonsense", "?thread=x", "?reply=-1"}) {
            assertThat(app.get("/comments/" + article + bad).statusCode()).as(bad).isEqualTo(400);
        }
        assertThat(app.get("/comments/abc").statusCode()).isEqualTo(400);
        assertThat(app.get("/comments/999999").statusCode()).isEqualTo(404);
        assertThat(app.get("/comments/" + article + "?thread=999999").statusCode()).isEqualTo(404);
    }
}
