package broadsheet.gift;

import broadsheet.article.ArticleDetail;
import broadsheet.article.ArticlePages;
import broadsheet.article.ArticleQueries;
import broadsheet.subscription.Paywall;
import broadsheet.subscription.Paywall.GiftProblem;
import broadsheet.web.CachePolicy;
import broadsheet.web.Cookies;
import broadsheet.web.HttpProblem;
import broadsheet.web.Meta;
import broadsheet.web.Pages;
import broadsheet.web.ReaderAccess;
import broadsheet.web.SignedInReader;
import broadsheet.web.Site;
import broadsheet.web.SiteInfo;
import broadsheet.web.Template;
import gg.jte.generated.precompiled.gift.JtemineGenerated;
import gg.jte.generated.precompiled.gift.JteunknownGenerated;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The readers' side of gift links: making one ({@code POST /gifts}), the gifted article ({@code GET /gift/{article}/{token}}),
 * and "My gifts" ({@code /account/gifts}) with revoking. The gifted page is on its own address and always private
 * ({@code private, no-store}, never in the page cache), not indexed, and sends no referrer, so neither a CDN nor
 * another site learns the unlocked text or the token. A link that no longer works shows the article's opening with a
 * message saying why, never an error page.
 */
public final class GiftPages {
    /** The gifted page a visitor came from, for the gift that brought them when they sign up (a browser-session cookie). */
    public static final String GIFT_COOKIE = "bs_gift";
    /** A visitor's random value, so one link's distinct readers can be counted (only its hash is stored). */
    public static final String VISITOR_COOKIE = "bs_giftee";
    private static final Template<MineView> MINE = JtemineGenerated::render;
    private static final Template<UnknownView> UNKNOWN = JteunknownGenerated::render;
    private final GiftLinks links;
    private final ArticleQueries articles;
    private final ArticlePages articlePages;
    private final Paywall paywall;
    private final Pages pages;
    private final SiteInfo siteInfo;
    private final Clock clock;

    public GiftPages(GiftLinks links, ArticleQueries articles, ArticlePages articlePages, Paywall paywall, Pages pages,
                     SiteInfo siteInfo, Clock clock) {
        this.links = links;
        this.articles = articles;
        this.articlePages = articlePages;
        this.paywall = paywall;
        this.pages = pages;
        this.siteInfo = siteInfo;
        this.clock = clock;
    }

    /** "My gifts": the reader's gifts, and the link just made or asked for ({@code made}), if any. */
    public record MineView(Site site, Meta meta, SignedInReader reader, List<GiftLinks.Summary> gifts, GiftLinks.Summary made,
                           boolean fresh, String notice, ZoneId zone) {
        public String link(GiftLinks.Summary s) {
            return site.absolute(s.gift().path());
        }
    }

    /** The page of a link that names no gift. */
    public record UnknownView(Site site, Meta meta) {}

    /**
     * {@code GET /gift/{article}/{token}}: the whole article for a valid link; for one that has expired, was withdrawn,
     * has had all its readers or is not known for this article, the article's opening with a note saying which; a
     * page saying so when the address names no article either.
     */
    public void show(Context ctx) {
        privately(ctx);
        Optional<SignedInReader> reader = ReaderAccess.current(ctx);
        String key = reader.map(r -> GiftLinks.readerKey(r.id())).orElseGet(() -> GiftLinks.visitorKey(visitor(ctx)));
        String token = ctx.pathParam("token");
        String article = ctx.pathParam("article");
        Long named = article.matches("[0-9]{1,18}") ? Long.valueOf(article) : null;
        GiftLinks.Opened opened = named == null ? new GiftLinks.Opened.Refused(GiftProblem.UNKNOWN, null)
                : links.open(named, token, key, clock.instant());
        Paywall.Gift gift;
        Long articleId;
        switch (opened) {
            case GiftLinks.Opened.Valid v -> {
                gift = new Paywall.Gift.Valid(v.from());
                articleId = v.gift().articleId();
                Cookies.set(ctx, GIFT_COOKIE, token, -1);
            }
            case GiftLinks.Opened.Refused r -> {
                gift = new Paywall.Gift.Refused(r.problem());
                articleId = r.articleId();
            }
        }
        Optional<ArticleDetail> found = articleId == null ? Optional.empty() : articles.pageById(articleId);
        if (found.isEmpty()) {
            Site site = siteInfo.site();
            ctx.status(404);
            pages.html(ctx, UNKNOWN, new UnknownView(site, Meta.of("Gift link not found | " + site.name(),
                    "This gift link is not one we know.", site.absolute("/")).asNoindex()), CachePolicy.PRIVATE, List.of());
            return;
        }
        ArticleDetail d = found.get();
        var outcome = paywall.read(d.article().id(), d.article().access(), reader.map(SignedInReader::id), null, gift, clock.instant());
        pages.html(ctx, ArticlePages.PAGE, articlePages.view(d, outcome.verdict(), reader, true), CachePolicy.PRIVATE, List.of());
    }

    /** {@code POST /gifts}: makes (or finds) the reader's link to an article, then shows it on "My gifts". */
    public void give(Context ctx) {
        SignedInReader reader = signedIn(ctx);
        String raw = ctx.formParam("article");
        if (raw == null || !raw.matches("[0-9]{1,18}")) throw HttpProblem.badRequest("Which article? The form named none.");
        switch (links.give(reader.id(), Long.parseLong(raw), clock.instant())) {
            case GiftLinks.Made.Link l -> redirect(ctx, "/account/gifts?made=" + l.gift().id() + (l.fresh() ? "&new=yes" : ""));
            case GiftLinks.Made.QuotaUsed q -> redirect(ctx, "/account/gifts?notice=quota");
            case GiftLinks.Made.NotAllowed n -> throw new HttpProblem(403, "This article cannot be given", n.why());
        }
    }

    /** {@code GET /account/gifts}. */
    public void mine(Context ctx) {
        Optional<SignedInReader> reader = Optional.of(signedIn(ctx));
        var gifts = links.of(reader.get().id(), clock.instant());
        String made = ctx.queryParam("made");
        GiftLinks.Summary shown = gifts.stream().filter(s -> String.valueOf(s.gift().id()).equals(made)).findFirst().orElse(null);
        Site site = siteInfo.site();
        String notice = switch (String.valueOf(ctx.queryParam("notice"))) {
            case "quota" -> "You have used this month's gift links. Links you made already still work.";
            case "revoked" -> "The link is withdrawn: it now shows only the opening of the article.";
            default -> null;
        };
        pages.html(ctx, MINE, new MineView(site, Meta.of("My gifts | " + site.name(), "The articles you have given.",
                        site.absolute("/account/gifts")).asNoindex(), reader.get(), gifts, shown, "yes".equals(ctx.queryParam("new")),
                notice, site.zone()), CachePolicy.PRIVATE, List.of());
    }

    /** {@code POST /account/gifts/{id}/revoke}. */
    public void revoke(Context ctx) {
        SignedInReader reader = signedIn(ctx);
        String raw = ctx.pathParam("id");
        if (!raw.matches("[0-9]{1,18}") || !links.revokeOwn(reader.id(), Long.parseLong(raw), clock.instant())) {
            redirect(ctx, "/account/gifts");
            return;
        }
        redirect(ctx, "/account/gifts?notice=revoked");
    }

    /**
     * The hook for sign-up: when a reader has just signed up in a browser that opened a gift link in this browser
     * session, the gift is counted as having brought them. The reader accounts call it after creating the account.
     */
    public void afterSignUp(Context ctx, long readerId) {
        links.signedUp(readerId, ctx.cookie(GIFT_COOKIE), clock.instant());
    }

    private static void privately(Context ctx) {
        ctx.header("X-Robots-Tag", "noindex");
        ctx.header("Referrer-Policy", "no-referrer");
    }

    /** The visitor's random cookie, set now when they have none. */
    private static String visitor(Context ctx) {
        String cookie = ctx.cookie(VISITOR_COOKIE);
        if (!GiftLinks.tokenShaped(cookie)) {
            cookie = GiftLinks.newToken();
            Cookies.set(ctx, VISITOR_COOKIE, cookie, 365 * 24 * 3600);
        }
        return cookie;
    }

    private static SignedInReader signedIn(Context ctx) {
        return ReaderAccess.current(ctx).orElseThrow(() -> new HttpProblem(403, "Sign in first",
                "Sign in to your account to give articles and see your gifts."));
    }

    private static void redirect(Context ctx, String to) {
        ctx.header("Cache-Control", CachePolicy.NO_STORE.header());
        ctx.redirect(to, HttpStatus.SEE_OTHER);
    }
}
