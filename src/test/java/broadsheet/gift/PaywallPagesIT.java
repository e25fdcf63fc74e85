package broadsheet.gift;

import static broadsheet.testing.Fixtures.story;
import static broadsheet.testing.TestApp.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.Config;
import broadsheet.content.AccessLevel;
import broadsheet.testing.Html;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The paywall and gift links as pages, over the real server with its page cache on: what an anonymous visitor, a
 * visitor on the meter, a gift link's holder and the holder of a link that no longer works get, and, as important, that
 * the hidden paragraphs are in none of the HTML, the JSON-LD and the Content API; which answers may be kept by caches.
 */
@ExtendWith(TestDatabase.class)
class PaywallPagesIT {
    /** A body of five paragraphs whose last two a reader without access must never receive. */
    static final String BODY = """
            The opening paragraph anyone may read.

            The second paragraph, still free.

            The third paragraph, the last of the preview.

            The fourth paragraph, with the SECRET-DETAIL.

            And one more, also HIDDEN-TEXT.
            """;
    private static final String PREMIUM = "/world-news/2025/12/07/premium-1/";
    private static final String PREMIUM_2 = "/world-news/2025/12/07/premium-2/";
    private static final String PREMIUM_3 = "/world-news/2025/12/07/premium-3/";
    private static final String REGISTERED = "/world-news/2025/12/07/registered/";
    private static final String PUBLIC = "public, max-age=60, s-maxage=300, stale-while-revalidate=600, stale-if-error=86400";
    private static final String PRIVATE = "private, no-store";

    @RegisterExtension
    static final TestApp app = new TestApp().with(Config.PAGE_CACHE_MB.key(), "16");

    @BeforeEach
    void articles() {
        storeArticles(app);
    }

    /** Three subscriber articles and a registered one, all with {@link #BODY}, on a fresh page cache. */
    static void storeArticles(TestApp app) {
        app.clock().set(NOW);
        app.app().contentChanged();
        app.fixtures().store(NOW,
                story("Premium one").slug("premium-1").access(AccessLevel.PREMIUM).body(BODY).build(),
                story("Premium two").slug("premium-2").access(AccessLevel.PREMIUM).body(BODY).build(),
                story("Premium three").slug("premium-3").access(AccessLevel.PREMIUM).body(BODY).build(),
                story("Registered").slug("registered").access(AccessLevel.REGISTERED).body(BODY).build());
    }

    @Test
    void anAnonymousVisitorGetsTheOpeningAndTheOfferOnAPublicCacheablePage() {
        HttpResponse<String> r = app.get(PREMIUM);
        Document page = Html.parse(r);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue(PUBLIC);
        assertThat(page.select(".article-body p")).hasSize(3);
        assertHidden(r.body(), page);
        assertThat(page.select(".paywall-offer h2").text()).isEqualTo("This article is for subscribers");
        assertThat(page.select(".paywall-offer a[href=/subscribe]").text()).isEqualTo("Subscribe");
        assertThat(page.select(".paywall-offer a:contains(Sign in)").attr("href"))
                .isEqualTo("/account/signin?next=%2Fworld-news%2F2025%2F12%2F07%2Fpremium-1%2F");
        assertThat(page.select(".gift-offer")).isEmpty();
        assertThat(r.headers().allValues("Set-Cookie")).isEmpty();
        assertApiHidden(PREMIUM);
    }

    @Test
    void aRegisteredArticleOffersToSignInOrRegisterForFree() {
        HttpResponse<String> r = app.get(REGISTERED);
        Document page = Html.parse(r);

        assertHidden(r.body(), page);
        assertThat(page.select(".paywall-offer a:contains(Sign in or register (free))").attr("href"))
                .isEqualTo("/account/signup?next=%2Fworld-news%2F2025%2F12%2F07%2Fregistered%2F");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue(PUBLIC);
        assertApiHidden(REGISTERED);
    }

    @Test
    void thePreviewHasTheParagraphsTheSettingsSay() {
        settings("preview_paragraphs = 1");

        Document page = Html.parse(app.get(PREMIUM));

        assertThat(page.select(".article-body p").eachText()).containsExactly("The opening paragraph anyone may read.");
    }

    @Test
    void onTheVisitorsMeterTheWholeTextIsPrivateAndNeitherItNorThePreviewIsEverKept() {
        // with no meter, the preview is public and kept by the page cache
        assertThat(app.get(PREMIUM).headers().firstValue("Cache-Control")).hasValue(PUBLIC);
        settings("anonymous_meter = 2");

        HttpResponse<String> head = app.request("HEAD", PREMIUM);
        assertThat(head.headers().allValues("Set-Cookie")).as("a HEAD request reads nothing, so counts nothing").isEmpty();
        assertThat(head.headers().firstValue("Cache-Control")).hasValue(PRIVATE);

        HttpResponse<String> first = app.get(PREMIUM);
        assertThat(first.headers().firstValue("Cache-Control")).hasValue(PRIVATE);
        assertThat(first.body()).contains("SECRET-DETAIL", "HIDDEN-TEXT");
        assertThat(Html.parse(first).select(".meter-note").text()).isEqualTo("1 of 2 free articles left this month.");
        String cookie = meterCookie(first);

        // another visitor is neither served the cached preview nor the first visitor's whole text from memory
        HttpResponse<String> another = app.get(PREMIUM);
        assertThat(another.body()).contains("SECRET-DETAIL");
        assertThat(Html.parse(another).select(".meter-note").text()).isEqualTo("1 of 2 free articles left this month.");

        HttpResponse<String> second = app.get(PREMIUM_2, "Cookie", "bs_meter=" + cookie);
        assertThat(Html.parse(second).select(".meter-note").text()).isEqualTo("0 of 2 free articles left this month.");
        String used = meterCookie(second);
        HttpResponse<String> again = app.get(PREMIUM, "Cookie", "bs_meter=" + used);
        assertThat(again.body()).as("re-reading does not count twice").contains("SECRET-DETAIL");
        assertThat(again.headers().allValues("Set-Cookie")).isEmpty();

        HttpResponse<String> third = app.get(PREMIUM_3, "Cookie", "bs_meter=" + used);
        assertThat(third.headers().firstValue("Cache-Control")).hasValue(PRIVATE);
        assertHidden(third.body(), Html.parse(third));
        assertThat(Html.parse(third).select(".paywall-offer h2").text()).isEqualTo("You have read your 2 free articles this month");

        // that preview was not kept either: a fresh visitor still has their meter
        assertThat(app.get(PREMIUM_3).body()).contains("SECRET-DETAIL");
        assertThat(count("SELECT count(*) FROM meter_reads")).isZero();
        assertApiHidden(PREMIUM);

        // a new month, a new meter
        app.clock().set(java.time.Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(app.get(PREMIUM_3, "Cookie", "bs_meter=" + used).body()).contains("SECRET-DETAIL");
    }

    @Test
    void aGiftLinkShowsTheWholeArticlePrivatelyWithTheGiverAndTheOffer() {
        Gift gift = gift(PREMIUM);
        String token = gift.token();

        HttpResponse<String> r = app.get(gift.path());
        Document page = Html.parse(r);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("SECRET-DETAIL", "HIDDEN-TEXT");
        assertThat(page.select(".gift-note").text()).startsWith("A gift from Ann");
        assertThat(page.select(".paywall-offer a[href=/subscribe]")).hasSize(1);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue(PRIVATE);
        assertThat(r.headers().firstValue("X-Robots-Tag")).hasValue("noindex");
        assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(r.headers().firstValue("ETag")).isEmpty();
        assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo(TestApp.BASE_URL + PREMIUM);
        assertThat(page.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
        assertThat(r.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("bs_giftee="))
                .anyMatch(c -> c.startsWith("bs_gift=" + token));
        // the unlocked text is never under the article's own address
        assertThat(app.get(PREMIUM).body()).doesNotContain("SECRET-DETAIL");

        // the same visitor again is the same reader
        String visitor = cookie(r, "bs_giftee");
        app.get(gift.path(), "Cookie", "bs_giftee=" + visitor);
        assertThat(count("SELECT count(*) FROM gift_readers")).isEqualTo(1);
    }

    @Test
    void anExpiredRevokedOrCappedLinkShowsThePreviewAndSaysWhich() {
        String link = gift(PREMIUM).path();
        app.get(link);

        TestDatabase.jdbi().useHandle(h -> h.execute("UPDATE gifts SET reader_cap = 1"));
        assertRefused(link, "This gift link has been opened by as many readers as it allows.");

        app.clock().advance(Duration.ofDays(14));
        assertRefused(link, "This gift link has expired.");

        app.clock().set(NOW);
        TestDatabase.jdbi().useHandle(h -> h.execute("UPDATE gifts SET revoked_at = now(), revoked_by = 'giver'"));
        assertRefused(link, "This gift link has been withdrawn.");
    }

    @Test
    void anUnknownOrMisshapenTokenShowsTheArticlesOpeningAndSaysSoNeverAnError() {
        Gift other = gift(PREMIUM_2);
        long article = articleId(PREMIUM);
        for (String token : List.of("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "nope", "%27%22%3Cx%3E", "a".repeat(3000), other.token())) {
            assertRefused("/gift/" + article + "/" + token, "This gift link is not one we know");
        }
        // an address that names no article either gets a page saying so
        for (String address : List.of("/gift/999999/" + other.token(), "/gift/x/" + other.token(), "/gift/" + "9".repeat(30) + "/nope")) {
            HttpResponse<String> r = app.get(address);
            assertThat(r.statusCode()).as(address).isEqualTo(404);
            assertThat(Html.parse(r).select(".gift-note").text()).startsWith("The link may have been copied incompletely");
            assertThat(r.headers().firstValue("Cache-Control")).hasValue(PRIVATE);
        }
    }

    @Test
    void makingAGiftOrSeeingMyGiftsNeedsASignedInReader() {
        HttpResponse<String> post = app.request("POST", "/gifts?article=1");
        HttpResponse<String> mine = app.get("/account/gifts");

        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(mine.statusCode()).isEqualTo(303);
        assertThat(mine.headers().firstValue("Location")).hasValue("/account/signin?next=%2Faccount%2Fgifts");
    }

    private void assertRefused(String giftPath, String message) {
        HttpResponse<String> r = app.get(giftPath);
        Document page = Html.parse(r);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(page.select(".gift-refused").text()).startsWith(message);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue(PRIVATE);
        assertHidden(r.body(), page);
        assertThat(page.select(".paywall-offer a[href=/subscribe]")).hasSize(1);
    }

    /** The paragraphs after the opening are nowhere in the page, its JSON-LD included. */
    private static void assertHidden(String html, Document page) {
        assertThat(html).doesNotContain("SECRET-DETAIL", "HIDDEN-TEXT", "fourth paragraph");
        assertThat(page.select(".article-body p")).hasSizeLessThanOrEqualTo(3);
        JsonNode article = Html.graphNode(Html.jsonLd(page).get(0), "NewsArticle");
        assertThat(article.toString()).doesNotContain("SECRET-DETAIL", "HIDDEN-TEXT");
        assertThat(article.path("isAccessibleForFree").asBoolean(true)).isFalse();
        assertThat(page.select(article.path("hasPart").path("cssSelector").asText())).hasSize(1);
    }

    private static void assertApiHidden(String path) {
        long id = TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT id FROM articles WHERE path = :p").bind("p", path)
                .mapTo(Long.class).one());
        HttpResponse<String> r = app.get("/api/v1/articles/" + id);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("SECRET-DETAIL", "HIDDEN-TEXT").contains("The opening paragraph");
        assertThat(Html.json(r.body()).has("bodyHtml")).isFalse();
        assertThat(app.get("/api/v1/articles").body()).doesNotContain("SECRET-DETAIL");
    }

    /** A gift of an article by Ann, a subscriber (made through the gift links, as subscriptions are not on this branch). */
    private static Gift gift(String path) {
        long ann = TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT id FROM readers WHERE email = 'ann@example.com'")
                .mapTo(Long.class).findOne()).orElseGet(() -> GiftLinksIT.reader("ann@example.com", "Ann Giver"));
        var links = new GiftLinks(TestDatabase.jdbi(), () -> GiftRules.DEFAULTS, (r, t) -> true, ZoneId.of("Europe/London"));
        return ((GiftLinks.Made.Link) links.give(ann, articleId(path), NOW)).gift();
    }

    private static long articleId(String path) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT id FROM articles WHERE path = :p").bind("p", path)
                .mapTo(Long.class).one());
    }

    private static void settings(String set) {
        TestDatabase.jdbi().useHandle(h -> {
            h.execute("INSERT INTO site_settings DEFAULT VALUES ON CONFLICT DO NOTHING");
            h.execute("UPDATE site_settings SET " + set);
        });
        app.app().contentChanged();
    }

    private static long count(String sql) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static String meterCookie(HttpResponse<String> r) {
        return cookie(r, "bs_meter");
    }

    private static String cookie(HttpResponse<String> r, String name) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .map(c -> c.substring(name.length() + 1, c.indexOf(';'))).orElseThrow(() -> new AssertionError("no " + name + " cookie"));
    }
}
