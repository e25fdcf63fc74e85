package broadsheet.moderation;

import static broadsheet.testing.ModerationFixtures.approved;
import static broadsheet.testing.ModerationFixtures.article;
import static broadsheet.testing.ModerationFixtures.commentCount;
import static broadsheet.testing.ModerationFixtures.held;
import static broadsheet.testing.ModerationFixtures.reader;
import static broadsheet.testing.ModerationFixtures.report;
import static broadsheet.testing.ModerationFixtures.status;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.shared.StaffRole;
import broadsheet.testing.Desk;
import broadsheet.testing.Html;
import broadsheet.testing.Newsroom;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The moderation pages over the real server: the moderator's newsroom (where they land, their menu, what they may not
 * do), the queues with what each item shows, the actions on comments and commenters through the pages' own forms, the
 * word lists' page, an article's comment controls, and bad input answered with a page, never a crash.
 */
@ExtendWith(TestDatabase.class)
class ModerationPagesIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    private static Map<String, String> form(String... pairs) {
        Map<String, String> f = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) f.put(pairs[i], pairs[i + 1]);
        return f;
    }

    @Test
    void anAdminCreatesAModeratorWhoSignsInToTheQueueAndHasContributorPowersOnly() {
        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);
        assertThat(Html.parse(admin.get("/newsroom/staff/new")).select("label[for=role-moderator]").text()).isEqualTo("Moderator");
        var created = admin.submit("/newsroom/staff/new", "/newsroom/staff/",
                form("name", "Mo Moderator", "email", "mo@test.example", "role", "moderator", "password", Newsroom.PASSWORD));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(Desk.strings("SELECT role FROM staff WHERE email = 'mo@test.example'")).containsExactly("moderator");
        var mo = Newsroom.anonymous(app);
        var signedIn = mo.post("/newsroom/login", form("_csrf", Newsroom.csrf(mo.get("/newsroom/login").body()), "email", "mo@test.example",
                "password", Newsroom.PASSWORD, "next", "/newsroom/"));
        assertThat(signedIn.headers().firstValue("Location")).hasValue("/newsroom/comments/");

        Document queue = Html.parse(mo.get("/newsroom/comments/"));
        assertThat(queue.select("h1").text()).isEqualTo("Comments: pending");
        assertThat(queue.select("nav.nr-nav a[href=/newsroom/comments/]").attr("aria-current")).isEqualTo("page");
        assertThat(queue.select("nav.nr-nav a[href=/newsroom/sections/], nav.nr-nav a[href=/newsroom/staff/]")).isEmpty();
        assertThat(mo.get("/newsroom/").statusCode()).as("their own drafts, as a contributor").isEqualTo(200);

        // an article someone else wrote and published: a contributor's powers do not reach it
        long published = article("Harbour talks resume", "harbour-talks-resume");
        assertThat(mo.get("/newsroom/articles/" + published).statusCode()).isIn(403, 404);
        var publish = mo.post("/newsroom/articles/" + published + "/publish", form("_csrf", Newsroom.csrf(queue.html()), "version", "1"));
        assertThat(publish.statusCode()).isEqualTo(403);
        assertThat(publish.body()).contains("This needs the editor role");
        // but their article's comment controls are theirs to use
        assertThat(mo.get("/newsroom/articles/" + published + "/comments").statusCode()).isEqualTo(200);
    }

    @Test
    void theCommentsMenuItemIsForModeratorsEditorsAndAdminsOnly() {
        for (StaffRole role : StaffRole.values()) {
            var client = Newsroom.signedIn(app, role);
            Document page = Html.parse(client.get("/newsroom/account"));
            boolean moderates = role.atLeast(StaffRole.MODERATOR);
            assertThat(page.select("nav.nr-nav a[href=/newsroom/comments/]")).as(role.word()).hasSize(moderates ? 1 : 0);
            assertThat(client.get("/newsroom/comments/").statusCode()).as(role.word()).isEqualTo(moderates ? 200 : 403);
        }
    }

    @Test
    void aHeldCommentShowsWhyItWaitsAndItsWritersRecordAndIsApprovedFromTheQueue() {
        long article = article("Harbour talks resume", "harbour-talks-resume");
        long ann = reader("ann@example.com", "Ann Reader");
        approved(article, ann, "Ann Reader", "An earlier, approved comment.", TestApp.NOW.minusSeconds(9000));
        long c = held(article, ann, "Ann Reader", "The mayor is a liar.\n\nA second paragraph.", "suspect word: \u201cliar\u201d",
                TestApp.NOW.minusSeconds(60));
        var mo = Newsroom.signedIn(app, StaffRole.MODERATOR);

        var page = mo.get("/newsroom/comments/?queue=pending");
        assertThat(page.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        Document doc = Html.parse(page);
        var item = doc.select("#comment-" + c);
        assertThat(item.select(".nr-held").text()).isEqualTo("Held: suspect word: \u201cliar\u201d");
        assertThat(item.select(".nr-comment-body p").eachText()).containsExactly("The mayor is a liar.", "A second paragraph.");
        assertThat(item.select("h2 a").attr("href")).isEqualTo("/world-news/2025/12/07/harbour-talks-resume/#comment-" + c);
        assertThat(item.select(".nr-writer").text()).contains("Ann Reader").contains("1 approved, 0 rejected");
        assertThat(item.select(".nr-writer a").attr("href")).isEqualTo("/newsroom/commenters/" + ann);
        assertThat(doc.select(".nr-tabs a[aria-current=page]").text()).isEqualTo("Pending (1)");
        assertThat(doc.select("nav.nr-nav a[href=/newsroom/comments/]").text()).isEqualTo("Comments (1 waiting)");
        assertThat(doc.select(".nr-keys").text()).contains("j next comment", "a approve", "r reject", "f feature", "x tick");

        var r = mo.post("/newsroom/comments/" + c + "/approve", form("_csrf", Newsroom.csrf(doc.html()), "back", "/newsroom/comments/?queue=pending"));

        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/newsroom/comments/?queue=pending&notice=approved");
        assertThat(status(c)).isEqualTo("approved");
        assertThat(commentCount(article)).isEqualTo(2);
        Document after = Html.parse(mo.get("/newsroom/comments/?queue=pending&notice=approved"));
        assertThat(after.select(".nr-notice").text()).isEqualTo("Approved: the comment shows in its thread.");
        assertThat(after.select(".nr-empty").text()).isEqualTo("No comment is waiting.");
        assertThat(Desk.count("SELECT count(*) FROM audit_log WHERE action = 'comment approved' AND actor = 'Moderator Person'")).isEqualTo(1);
    }

    @Test
    void reportsShowInTheReportedQueueAndRejectingNeedsAReason() {
        long article = article("Harbour talks resume", "harbour-talks-resume");
        long ann = reader("ann@example.com", "Ann Reader");
        long bob = reader("bob@example.com", "Bob");
        long c = approved(article, ann, "Ann Reader", "Buy cheap watches.", TestApp.NOW.minusSeconds(600));
        report(c, bob, "spam", "An advert", TestApp.NOW.minusSeconds(300));
        var mo = Newsroom.signedIn(app, StaffRole.MODERATOR);

        Document doc = Html.parse(mo.get("/newsroom/comments/?queue=reported"));
        assertThat(doc.select("#comment-" + c + " .nr-reports").text()).contains("Reported 1 time:").contains("spam: \u201cAn advert\u201d");
        String csrf = Newsroom.csrf(doc.html());

        var refused = mo.post("/newsroom/comments/" + c + "/reject", form("_csrf", csrf, "reason", " ", "back", "/newsroom/comments/?queue=reported"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Html.parse(refused).select("main").text()).contains("Nothing was done").contains("Give a reason for rejecting.");
        assertThat(status(c)).isEqualTo("approved");

        var rejected = mo.post("/newsroom/comments/" + c + "/reject", form("_csrf", csrf, "reason", "Spam or advertising",
                "back", "/newsroom/comments/?queue=reported"));
        assertThat(rejected.headers().firstValue("Location")).hasValue("/newsroom/comments/?queue=reported&notice=rejected");
        assertThat(status(c)).isEqualTo("rejected");
        assertThat(commentCount(article)).isZero();
        assertThat(Desk.count("SELECT count(*) FROM comment_reports WHERE resolved_at IS NOT NULL")).isEqualTo(1);
        assertThat(Html.parse(mo.get("/newsroom/comments/?queue=reported")).select(".nr-empty").text()).isEqualTo("No comment has an open report.");
    }

    @Test
    void aBulkActionApprovesEveryTickedComment() {
        long article = article("Harbour talks resume", "harbour-talks-resume");
        long ann = reader("ann@example.com", "Ann Reader");
        long a = held(article, ann, "Ann Reader", "One.", "first comment of a new reader", TestApp.NOW.minusSeconds(60));
        long b = held(article, ann, "Ann Reader", "Two.", "first comment of a new reader", TestApp.NOW.minusSeconds(50));
        long untouched = held(article, ann, "Ann Reader", "Three.", "first comment of a new reader", TestApp.NOW.minusSeconds(40));
        var mo = Newsroom.signedIn(app, StaffRole.MODERATOR);
        Document doc = Html.parse(mo.get("/newsroom/comments/"));
        assertThat(doc.select("input[type=checkbox][form=bulk]")).hasSize(3);

        String body = "_csrf=" + Newsroom.csrf(doc.html()) + "&action=approve&id=" + a + "&id=" + b + "&back=%2Fnewsroom%2Fcomments%2F";
        var done = mo.postEncoded("/newsroom/comments/bulk", body);

        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location")).hasValue("/newsroom/comments/?notice=approved");
        assertThat(status(a)).isEqualTo("approved");
        assertThat(status(b)).isEqualTo("approved");
        assertThat(status(untouched)).isEqualTo("pending");

        var none = mo.post("/newsroom/comments/bulk", form("_csrf", Newsroom.csrf(doc.html()), "action", "approve"));
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("Choose at least one comment.");
        var wrongAction = mo.post("/newsroom/comments/bulk", form("_csrf", Newsroom.csrf(doc.html()), "action", "delete", "id", "1"));
        assertThat(wrongAction.statusCode()).isEqualTo(400);
    }

    @Test
    void theCommenterPageShowsTheirRecordAndBanningWithRejectAllTakesTheirCommentsDown() {
        long article = article("Harbour talks resume", "harbour-talks-resume");
        long ann = reader("ann@example.com", "Ann Reader");
        long a = approved(article, ann, "Ann Reader", "One.", TestApp.NOW.minusSeconds(600));
        long h = held(article, ann, "Ann Reader", "Two.", "link from a reader with 1 approved comment", TestApp.NOW.minusSeconds(60));
        var mo = Newsroom.signedIn(app, StaffRole.MODERATOR);

        Document page = Html.parse(mo.get("/newsroom/commenters/" + ann));
        assertThat(page.select("h1").text()).isEqualTo("Commenter: Ann Reader");
        assertThat(page.select(".nr-facts").text()).contains("Approved comments 1").contains("Standing May comment");
        assertThat(page.select("[data-comment]")).hasSize(2);
        String csrf = Newsroom.csrf(page.html());

        var warned = mo.post("/newsroom/commenters/" + ann + "/warn", form("_csrf", csrf, "message", "Please keep to the topic."));
        assertThat(warned.headers().firstValue("Location")).hasValue("/newsroom/commenters/" + ann + "?notice=warned");
        var suspended = mo.post("/newsroom/commenters/" + ann + "/suspend", form("_csrf", csrf, "days", "3", "reason", ""));
        assertThat(suspended.statusCode()).isEqualTo(303);
        assertThat(Html.parse(mo.get("/newsroom/commenters/" + ann)).select(".nr-facts").text())
                .contains("Warnings 1, the last: \u201cPlease keep to the topic.\u201d").contains("Suspended until 10 Dec 2025, 15:00");
        var badDays = mo.post("/newsroom/commenters/" + ann + "/suspend", form("_csrf", csrf, "days", "a week"));
        assertThat(badDays.statusCode()).isEqualTo(400);

        var banned = mo.post("/newsroom/commenters/" + ann + "/ban", form("_csrf", csrf, "reason", "Abuse", "rejectAll", "yes"));
        assertThat(banned.headers().firstValue("Location")).hasValue("/newsroom/commenters/" + ann + "?notice=banned-all");
        assertThat(status(a)).isEqualTo("rejected");
        assertThat(status(h)).isEqualTo("rejected");
        assertThat(commentCount(article)).isZero();
        Document after = Html.parse(mo.get("/newsroom/commenters/" + ann + "?notice=banned-all"));
        assertThat(after.select(".nr-facts").text()).contains("Banned since").contains("Abuse");
        assertThat(after.select("form[action=/newsroom/commenters/" + ann + "/lift] button").text()).isEqualTo("Lift the ban");

        mo.post("/newsroom/commenters/" + ann + "/lift", form("_csrf", csrf));
        assertThat(Html.parse(mo.get("/newsroom/commenters/" + ann)).select(".nr-facts").text()).contains("Standing May comment");
        assertThat(Desk.strings("SELECT action FROM audit_log WHERE subject = ? ORDER BY id", "reader " + ann))
                .containsExactly("commenter warned", "commenter suspended", "commenter banned", "commenter reinstated");
        assertThat(mo.get("/newsroom/commenters/999999").statusCode()).isEqualTo(404);
    }

    @Test
    void theWordListsAreEditedOnTheirPage() {
        var mo = Newsroom.signedIn(app, StaffRole.MODERATOR);
        Document page = Html.parse(mo.get("/newsroom/comments/words"));
        assertThat(page.select("#banned").text()).isEmpty();
        String csrf = Newsroom.csrf(page.html());

        var saved = mo.post("/newsroom/comments/words", form("_csrf", csrf, "banned", "idiot\nmoron", "suspect", "liar"));
        assertThat(saved.headers().firstValue("Location")).hasValue("/newsroom/comments/words?notice=saved");
        Document again = Html.parse(mo.get("/newsroom/comments/words?notice=saved"));
        assertThat(again.select("#banned").val()).isEqualTo("idiot\nmoron");
        assertThat(again.select("#suspect").val()).isEqualTo("liar");
        assertThat(again.select(".nr-notice").text()).startsWith("Saved.");

        var refused = mo.post("/newsroom/comments/words", form("_csrf", csrf, "banned", "x".repeat(61), "suspect", "liar\nfraud"));
        assertThat(refused.statusCode()).isEqualTo(400);
        Document wrong = Html.parse(refused);
        assertThat(wrong.select("#banned").attr("aria-invalid")).isEqualTo("true");
        assertThat(wrong.select("#banned-error").text()).startsWith("An entry can have at most 60 characters");
        assertThat(wrong.select("#suspect").val()).isEqualTo("liar\nfraud");
        assertThat(Desk.strings("SELECT word FROM comment_words ORDER BY word")).containsExactly("idiot", "liar", "moron");
    }

    @Test
    void aModeratorClosesAndReopensAnArticlesCommentsAndSetsItsDays() {
        long article = article("Harbour talks resume", "harbour-talks-resume");
        var mo = Newsroom.signedIn(app, StaffRole.MODERATOR);
        String path = "/newsroom/articles/" + article + "/comments";
        Document page = Html.parse(mo.get(path));
        assertThat(page.select(".nr-facts").text()).contains("Now Open");
        String csrf = Newsroom.csrf(page.html());

        var closed = mo.post(path, form("_csrf", csrf, "action", "close"));
        assertThat(closed.headers().firstValue("Location")).hasValue(path + "?notice=closed");
        assertThat(Desk.strings("SELECT comment_policy FROM articles WHERE id = ?", article)).containsExactly("closed");
        assertThat(Html.parse(mo.get(path)).select(".nr-facts").text()).contains("Now Closed");

        mo.post(path, form("_csrf", csrf, "action", "reopen"));
        assertThat(Desk.strings("SELECT comment_policy FROM articles WHERE id = ?", article)).containsExactly("open");

        var badDays = mo.post(path, form("_csrf", csrf, "action", "days", "closeDays", "forever"));
        assertThat(badDays.statusCode()).isEqualTo(400);
        assertThat(Html.parse(badDays).select("#closeDays-error").text()).startsWith("A whole number of days from 0 (never) to 3650");
        mo.post(path, form("_csrf", csrf, "action", "days", "closeDays", "30"));
        assertThat(Desk.count("SELECT comments_close_days FROM articles WHERE id = ?", article)).isEqualTo(30);
        mo.post(path, form("_csrf", csrf, "action", "days", "closeDays", ""));
        assertThat(Desk.count("SELECT count(*) FROM articles WHERE id = ? AND comments_close_days IS NULL", article)).isEqualTo(1);
        assertThat(Desk.strings("SELECT action FROM audit_log WHERE subject = ? ORDER BY id", "article " + article))
                .containsExactly("comments closed", "comments reopened", "comments close days changed", "comments close days changed");
        // each change is a new version of the article with its revision, so an editor with an older one open is told on saving
        assertThat(Desk.strings("SELECT kind FROM article_revisions WHERE article_id = ? ORDER BY number", article))
                .endsWith("comments closed", "comments reopened", "comments close days changed", "comments close days changed");
        assertThat(Desk.count("SELECT version FROM articles WHERE id = ?", article))
                .isEqualTo(Desk.count("SELECT max(version) FROM article_revisions WHERE article_id = ?", article));
    }

    @Test
    void anArticleWhoseCommentsClosedByAgeIsReopenedForGood() {
        long article = article("Harbour talks resume", "harbour-talks-resume");
        app.clock().set(TestApp.NOW.plusSeconds(30L * 86400));
        try {
            var mo = Newsroom.signedIn(app, StaffRole.MODERATOR);
            String path = "/newsroom/articles/" + article + "/comments";
            Document page = Html.parse(mo.get(path));
            assertThat(page.select(".nr-facts").text()).contains("Closed (by age");
            mo.post(path, form("_csrf", Newsroom.csrf(page.html()), "action", "reopen"));
            assertThat(Desk.count("SELECT comments_close_days FROM articles WHERE id = ?", article)).isZero();
            assertThat(Html.parse(mo.get(path)).select(".nr-facts").text()).contains("Now Open");
        } finally {
            app.clock().set(TestApp.NOW);
        }
    }

    @Test
    void theEditorPageLinksToTheArticlesCommentControls() {
        long article = article("Harbour talks resume", "harbour-talks-resume");
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);
        assertThat(Html.parse(editor.get("/newsroom/articles/" + article)).select(".nr-article-links a[href=/newsroom/articles/" + article + "/comments]"))
                .hasSize(1);
    }

    @Test
    void badAddressesAndFormsAreAnsweredWithAPageNeverACrash() {
        long article = article("Harbour talks resume", "harbour-talks-resume");
        long ann = reader("ann@example.com", "Ann Reader");
        long c = held(article, ann, "Ann Reader", "Held.", "first comment of a new reader", TestApp.NOW.minusSeconds(60));
        var mo = Newsroom.signedIn(app, StaffRole.MODERATOR);
        String csrf = Newsroom.csrf(mo.get("/newsroom/comments/").body());

        assertThat(mo.get("/newsroom/comments/?queue=spam").statusCode()).isEqualTo(400);
        assertThat(mo.get("/newsroom/comments/?after=yesterday").statusCode()).isEqualTo(400);
        assertThat(mo.get("/newsroom/comments/?queue=recent&after=1.2.3").statusCode()).isEqualTo(200);
        assertThat(mo.post("/newsroom/comments/999999/approve", form("_csrf", csrf)).statusCode()).isEqualTo(404);
        assertThat(mo.post("/newsroom/comments/x/approve", form("_csrf", csrf)).statusCode()).isEqualTo(404);
        assertThat(mo.post("/newsroom/commenters/999999/warn", form("_csrf", csrf, "message", "hi")).statusCode()).isEqualTo(404);
        assertThat(mo.post("/newsroom/articles/999999/comments", form("_csrf", csrf, "action", "close")).statusCode()).isEqualTo(404);
        assertThat(mo.post("/newsroom/articles/" + article + "/comments", form("_csrf", csrf, "action", "explode")).statusCode()).isEqualTo(400);
        assertThat(mo.post("/newsroom/comments/" + c + "/reject", form("_csrf", csrf, "reason", "a\u0000b")).statusCode()).isEqualTo(400);
        // a page to go back to on another site is not followed
        var offSite = mo.post("/newsroom/comments/" + c + "/approve", form("_csrf", csrf, "back", "//evil.example/"));
        assertThat(offSite.headers().firstValue("Location")).hasValue("/newsroom/comments/?notice=approved");
        assertThat(status(c)).isEqualTo("approved");
    }
}
