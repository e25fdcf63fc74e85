package broadsheet.gift;

import static broadsheet.testing.Fixtures.story;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.article.ArticlePages;
import broadsheet.article.ArticleQueries;
import broadsheet.content.AccessLevel;
import broadsheet.subscription.MeterCookie;
import broadsheet.subscription.Paywall;
import broadsheet.subscription.PlanOffer;
import broadsheet.testing.Fixtures;
import broadsheet.testing.TestDatabase;
import broadsheet.web.PageCache;
import broadsheet.web.Pages;
import broadsheet.web.SignedInReader;
import broadsheet.web.SiteInfo;
import gg.jte.generated.precompiled.gift.JtemineGenerated;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What signed-in readers' pages show, rendered from the real parts without the server (reader sessions come with the
 * reader accounts): a subscriber's gift button with the gifts left, the plans in the offer, and "My gifts".
 */
@ExtendWith(TestDatabase.class)
class SignedInReaderPagesIT {
    private static final Instant NOW = Instant.parse("2025-12-07T15:00:00Z");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private final Fixtures fixtures = new Fixtures(TestDatabase.tempDir("signed-in-"));
    private final SiteInfo site = new SiteInfo("https://news.example.test", LONDON, "/assets/site.css",
            () -> new SiteInfo.Paper("The Courier", "", List.of()), () -> new SiteInfo.Paper("The Courier", "", List.of()));
    private final Paywall paywall = new Paywall(TestDatabase.jdbi(), () -> Paywall.Rules.DEFAULTS, (r, t) -> true,
            new MeterCookie(() -> new byte[32]), LONDON);
    private final GiftLinks links = new GiftLinks(TestDatabase.jdbi(), () -> new GiftRules(10, 14, 0), (r, t) -> true, LONDON);
    private final ArticlePages pages = new ArticlePages(new ArticleQueries(TestDatabase.jdbi()), new Pages(new PageCache(0)), site,
            paywall, () -> List.of(new PlanOffer("Digital", "a month", "£9.99")), links, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aSubscriberSeesTheGiftButtonWithTheGiftsLeftAndTheirFormToken() {
        fixtures.store(NOW, story("Premium one").slug("premium-1").access(AccessLevel.PREMIUM).build(),
                story("Premium two").slug("premium-2").access(AccessLevel.PREMIUM).build());
        long ann = GiftLinksIT.reader("ann@example.com", "Ann Giver");
        var articles = new ArticleQueries(TestDatabase.jdbi());
        var first = articles.byPath("/world-news/2025/12/07/premium-1/").orElseThrow();
        var second = articles.byPath("/world-news/2025/12/07/premium-2/").orElseThrow();
        links.give(ann, second.article().id(), NOW);
        var reader = Optional.of(new SignedInReader(ann, "Ann Giver", "ann@example.com", "the-csrf-token"));

        var verdict = paywall.read(first.article().id(), AccessLevel.PREMIUM, Optional.of(ann), null, Paywall.Gift.NONE, NOW).verdict();
        Document page = Jsoup.parse(Pages.render(ArticlePages.PAGE, pages.view(first, verdict, reader, false)));

        assertThat(page.select(".gift-offer form").attr("action")).isEqualTo("/gifts");
        assertThat(page.select(".gift-offer input[name=_csrf]").val()).isEqualTo("the-csrf-token");
        assertThat(page.select(".gift-offer input[name=article]").val()).isEqualTo(String.valueOf(first.article().id()));
        assertThat(page.select(".gift-offer button").text()).isEqualTo("Gift this article");
        assertThat(page.select("#gifts-left").text()).isEqualTo("9 gifts left this month");
        // not on the gifted page, nor for a reader without a subscription
        assertThat(Jsoup.parse(Pages.render(ArticlePages.PAGE, pages.view(first, verdict, reader, true))).select(".gift-offer")).isEmpty();
        var preview = Paywall.decide(first.article().id(), AccessLevel.PREMIUM, Paywall.Viewer.ANONYMOUS);
        Document offer = Jsoup.parse(Pages.render(ArticlePages.PAGE, pages.view(first, preview, Optional.empty(), false)));
        assertThat(offer.select(".gift-offer")).isEmpty();
        assertThat(offer.select(".offer-plans li").text()).isEqualTo("Digital £9.99 a month");
    }

    @Test
    void myGiftsListsEachGiftWithItsLinkCountsAndWithdrawForm() {
        fixtures.store(NOW, story("Premium one").slug("premium-1").access(AccessLevel.PREMIUM).build());
        long ann = GiftLinksIT.reader("ann@example.com", "Ann Giver");
        long article = TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT id FROM articles").mapTo(Long.class).one());
        Gift gift = ((GiftLinks.Made.Link) links.give(ann, article, NOW)).gift();
        links.open(gift.token(), GiftLinks.visitorKey("v"), NOW);
        var reader = new SignedInReader(ann, "Ann Giver", "ann@example.com", "the-csrf-token");
        var mine = links.of(ann, NOW);

        var view = new GiftPages.MineView(site.site(), broadsheet.web.Meta.of("My gifts", "", "https://news.example.test/account/gifts"),
                reader, mine, mine.get(0), true, null, LONDON);
        Document page = Jsoup.parse(Pages.render(JtemineGenerated::render, view));

        assertThat(page.select("#gift-link").val()).isEqualTo("https://news.example.test/gift/" + article + "/" + gift.token());
        assertThat(page.select("[data-share]").hasAttr("hidden")).as("shown by the script only where there is a share sheet").isTrue();
        assertThat(page.select("tbody td").eachText()).contains("Premium one", "1");
        assertThat(page.select("form[action=/account/gifts/" + gift.id() + "/revoke] input[name=_csrf]").val()).isEqualTo("the-csrf-token");
    }

    @Test
    void thePlansAreReadOnlyForAPageThatOffersThem() {
        fixtures.store(NOW, story("Premium one").slug("premium-1").access(AccessLevel.PREMIUM).build(),
                story("Free one").slug("free-1").build());
        var articles = new ArticleQueries(TestDatabase.jdbi());
        var premium = articles.byPath("/world-news/2025/12/07/premium-1/").orElseThrow();
        var free = articles.byPath("/world-news/2025/12/07/free-1/").orElseThrow();
        var reads = new java.util.concurrent.atomic.AtomicInteger();
        var counting = new ArticlePages(articles, new Pages(new PageCache(0)), site, paywall, () -> {
            reads.incrementAndGet();
            return List.of(new PlanOffer("Digital", "a month", "£9.99"));
        }, links, Clock.fixed(NOW, ZoneOffset.UTC));

        Pages.render(ArticlePages.PAGE, counting.view(free, Paywall.decide(free.article().id(), AccessLevel.FREE, Paywall.Viewer.ANONYMOUS),
                Optional.empty(), false));
        assertThat(reads).as("a free article shows no offer").hasValue(0);

        Document preview = Jsoup.parse(Pages.render(ArticlePages.PAGE, counting.view(premium,
                Paywall.decide(premium.article().id(), AccessLevel.PREMIUM, Paywall.Viewer.ANONYMOUS), Optional.empty(), false)));
        assertThat(reads).hasValue(1);
        assertThat(preview.select(".offer-plans li").text()).isEqualTo("Digital £9.99 a month");
    }
}
