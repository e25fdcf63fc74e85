package broadsheet.gift;

import static broadsheet.testing.TestApp.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.Config;
import broadsheet.shared.StaffRole;
import broadsheet.testing.Html;
import broadsheet.testing.Newsroom;
import broadsheet.testing.Readers;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The three parts of the reader side together, over the real server with its page cache on: a registered reader
 * signed in through the sign-in page reads on their meter until it is used up; an admin grants them complimentary
 * access in the newsroom and the whole text follows; as a subscriber they give an article; the link opens the whole
 * article for a visitor who is not signed in; withdrawn, it shows the opening and says so; and when the access is
 * revoked the subscriber is back on the meter.
 */
@ExtendWith(TestDatabase.class)
class ReaderJourneyIT {
    private static final String ONE = "/world-news/2025/12/07/premium-1/";
    private static final String TWO = "/world-news/2025/12/07/premium-2/";
    private static final String THREE = "/world-news/2025/12/07/premium-3/";
    private static final String REGISTERED = "/world-news/2025/12/07/registered/";
    private static final String PRIVATE = "private, no-store";
    private static final Pattern GIFT_LINK = Pattern.compile("/gift/[0-9]+/[A-Za-z0-9_-]{20,}");

    @RegisterExtension
    static final TestApp app = new TestApp().with(Config.PAGE_CACHE_MB.key(), "16");

    @BeforeEach
    void articles() {
        PaywallPagesIT.storeArticles(app);
    }

    @Test
    void meterThenSubscriptionThenAGiftLinkThenItsWithdrawal() {
        // everyone first sees the anonymous preview, so the page cache holds it
        assertThat(app.get(ONE).body()).doesNotContain("SECRET-DETAIL");
        assertThat(app.get(REGISTERED).body()).doesNotContain("SECRET-DETAIL");

        long rowan = Readers.reader("rowan@example.com", "Rowan Reader", true);
        Newsroom.Client reader = Readers.signIn(app, "rowan@example.com", Readers.PASSWORD);

        // registered articles are whole for a signed-in reader, and count on no meter
        HttpResponse<String> registered = reader.get(REGISTERED);
        assertThat(registered.body()).contains("SECRET-DETAIL");
        assertThat(registered.headers().firstValue("Cache-Control")).hasValue(PRIVATE);

        // the registered meter: two premium articles a month, the same one read again counts once
        HttpResponse<String> first = reader.get(ONE);
        assertThat(first.body()).contains("SECRET-DETAIL");
        assertThat(first.headers().firstValue("Cache-Control")).hasValue(PRIVATE);
        assertThat(Html.parse(first).select(".meter-note").text()).isEqualTo("1 of 2 free articles left this month.");
        assertThat(reader.get(ONE).body()).contains("SECRET-DETAIL");
        assertThat(reader.get(TWO).body()).contains("SECRET-DETAIL");
        HttpResponse<String> third = reader.get(THREE);
        assertThat(third.body()).doesNotContain("SECRET-DETAIL", "fourth paragraph");
        assertThat(Html.parse(third).select(".paywall-offer a[href=/subscribe]").text()).isEqualTo("Subscribe");
        assertThat(Html.parse(third).select(".gift-offer")).isEmpty();

        // an admin grants complimentary access in the newsroom
        Newsroom.Client admin = Newsroom.signedIn(app, StaffRole.ADMIN);
        HttpResponse<String> granted = admin.submit("/newsroom/readers/" + rowan, "/newsroom/readers/" + rowan + "/complimentary",
                Map.of("until", "2026-01-31", "reason", "Press pass"));
        assertThat(granted.statusCode()).isEqualTo(303);

        Document whole = Html.parse(reader.get(THREE));
        assertThat(whole.text()).contains("SECRET-DETAIL");
        assertThat(whole.select(".meter-note")).isEmpty();
        assertThat(whole.select("#gifts-left").text()).isEqualTo("10 gifts left this month");

        // a gift of the third article: the form carries the session's token; without it, nothing is made
        String article = whole.select(".gift-offer input[name=article]").val();
        String csrf = whole.select(".gift-offer input[name=_csrf]").val();
        assertThat(reader.post("/gifts", Map.of("article", article)).statusCode()).isEqualTo(403);
        assertThat(giftCount()).isZero();
        HttpResponse<String> made = reader.post("/gifts", Map.of("article", article, "_csrf", csrf));
        assertThat(made.statusCode()).isEqualTo(303);
        String mine = made.headers().firstValue("Location").orElseThrow();
        Matcher link = GIFT_LINK.matcher(reader.get(mine).body());
        assertThat(link.find()).isTrue();
        String giftPath = link.group();
        // giving the same article again gives the same link and no gift more
        reader.post("/gifts", Map.of("article", article, "_csrf", csrf));
        assertThat(giftCount()).isEqualTo(1);
        assertThat(Html.parse(reader.get(THREE)).select("#gifts-left").text()).isEqualTo("9 gifts left this month");

        // the reader's data download has their access and their gifts
        var data = Html.json(reader.get("/account/data.json").body());
        assertThat(data.path("complimentaryAccess")).hasSize(1);
        assertThat(data.path("subscriptions").isArray()).isTrue();
        assertThat(data.path("gifts").get(0).path("link").asText()).isEqualTo(giftPath);

        // the link opens the whole article for someone not signed in, privately
        Newsroom.Client friend = Newsroom.anonymous(app);
        HttpResponse<String> gifted = friend.get(giftPath);
        assertThat(gifted.statusCode()).isEqualTo(200);
        assertThat(gifted.body()).contains("SECRET-DETAIL", "A gift from Rowan");
        assertThat(gifted.headers().firstValue("Cache-Control")).hasValue(PRIVATE);
        assertThat(gifted.headers().firstValue("X-Robots-Tag")).hasValue("noindex");
        assertThat(gifted.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        // and the article's own address is still the preview for everyone else
        assertThat(app.get(THREE).body()).doesNotContain("SECRET-DETAIL");

        // withdrawn by its giver, the same link shows the opening and says why
        long gift = TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT id FROM gifts").mapTo(Long.class).one());
        String mineCsrf = Newsroom.csrf(reader.get("/account/gifts").body());
        assertThat(reader.post("/account/gifts/" + gift + "/revoke", Map.of("_csrf", mineCsrf)).statusCode()).isEqualTo(303);
        HttpResponse<String> withdrawn = friend.get(giftPath);
        assertThat(withdrawn.statusCode()).isEqualTo(200);
        assertThat(withdrawn.body()).doesNotContain("SECRET-DETAIL");
        assertThat(Html.parse(withdrawn).select(".gift-note").text()).containsIgnoringCase("withdrawn");

        // the access revoked, the reader is back on a used-up meter
        long grant = TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT id FROM complimentary_access").mapTo(Long.class).one());
        HttpResponse<String> revoked = admin.submit("/newsroom/readers/" + rowan,
                "/newsroom/readers/" + rowan + "/complimentary/" + grant + "/revoke", Map.of());
        assertThat(revoked.statusCode()).isEqualTo(303);
        assertThat(reader.get(THREE).body()).doesNotContain("SECRET-DETAIL");
        assertThat(reader.get(ONE).body()).as("read this month already").contains("SECRET-DETAIL");
    }

    @Test
    void readerRoutesAreForSignedInReadersOnly() {
        assertThat(app.get("/account/gifts").statusCode()).isEqualTo(303);
        assertThat(app.get("/account/gifts").headers().firstValue("Location").orElseThrow()).startsWith("/account/signin?next=");
        Newsroom.Client anonymous = Newsroom.anonymous(app);
        assertThat(anonymous.post("/gifts", Map.of("article", "1")).statusCode()).isEqualTo(403);
        assertThat(anonymous.post("/payments/portal", Map.of()).statusCode()).isEqualTo(403);
        // a member of staff is not a reader
        Newsroom.Client staff = Newsroom.signedIn(app, StaffRole.ADMIN);
        assertThat(staff.get("/account/gifts").statusCode()).isEqualTo(303);
    }

    @Test
    void accountPagesDescribeThemselvesAndStayOutOfSearchResults() {
        for (String path : new String[] {"/account/signup", "/account/signin", "/account/forgot"}) {
            Document page = Html.parse(app.get(path));
            assertThat(page.select("meta[name=description]").attr("content")).as(path).startsWith("Your account with ");
            assertThat(page.select("meta[name=robots]").attr("content")).as(path).contains("noindex");
        }
    }

    private static long giftCount() {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM gifts").mapTo(Long.class).one());
    }
}
