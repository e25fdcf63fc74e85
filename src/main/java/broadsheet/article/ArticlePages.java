package broadsheet.article;

import broadsheet.content.AccessLevel;
import broadsheet.media.Picture;
import broadsheet.shared.UntilChanged;
import broadsheet.subscription.GiftAllowance;
import broadsheet.subscription.MeterCookie;
import broadsheet.subscription.Paywall;
import broadsheet.subscription.PlanOffer;
import broadsheet.text.Texts;
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
import gg.jte.generated.precompiled.article.JtepageGenerated;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The article page at {@code /{section}/{yyyy}/{mm}/{dd}/{slug}/}, and redirects from earlier addresses. What the
 * reader gets of the text is the {@link Paywall}'s decision; a page that is the same for every visitor who is not
 * signed in is public (CDN and page cache), any other (a signed-in reader's, a meter's) is private and never kept.
 */
public final class ArticlePages {
    /** The article page, also the newsroom's preview of an article. */
    public static final Template<ArticleView> PAGE = JtepageGenerated::render;
    private final ArticleQueries queries;
    private final Pages pages;
    private final SiteInfo siteInfo;
    private final BodyRenderer bodies = new BodyRenderer();
    private final Paywall paywall;
    private final Supplier<List<PlanOffer>> plans;
    private final GiftAllowance gifts;
    private final Clock clock;
    private final DiscussionView discussion;
    private final UntilChanged<String, ArticleDetail> kept;

    /** {@code plans}: the plans the paywall offers; {@code gifts}: how many gift links a subscriber has left. */
    public ArticlePages(ArticleQueries queries, Pages pages, SiteInfo siteInfo, Paywall paywall, Supplier<List<PlanOffer>> plans,
                        GiftAllowance gifts, Clock clock) {
        this(queries, pages, siteInfo, paywall, plans, gifts, clock, DiscussionView.NONE);
    }

    /** {@code discussion}: the comment count and thread the page shows (not on a gift link's page). */
    public ArticlePages(ArticleQueries queries, Pages pages, SiteInfo siteInfo, Paywall paywall, Supplier<List<PlanOffer>> plans,
                        GiftAllowance gifts, Clock clock, DiscussionView discussion) {
        this(queries, pages, siteInfo, paywall, plans, gifts, clock, discussion, new UntilChanged<>(0));
    }

    /**
     * {@code kept}: the articles as read by address, the same for every reader, kept until a change announced on the
     * change feed empties them (the composition root does, with the page cache on), so a signed-in reader's page, which
     * is private, is rendered without reading its article again.
     */
    public ArticlePages(ArticleQueries queries, Pages pages, SiteInfo siteInfo, Paywall paywall, Supplier<List<PlanOffer>> plans,
                        GiftAllowance gifts, Clock clock, DiscussionView discussion, UntilChanged<String, ArticleDetail> kept) {
        this.kept = kept;
        this.discussion = discussion;
        this.queries = queries;
        this.pages = pages;
        this.siteInfo = siteInfo;
        this.paywall = paywall;
        this.plans = plans;
        this.gifts = gifts;
        this.clock = clock;
    }

    public void show(Context ctx) {
        String path = ctx.path();
        if (!ArticlePaths.looksLikeArticle(path)) throw HttpProblem.notFound();
        var found = Optional.ofNullable(kept.get(path, p -> queries.byPath(p).orElse(null)));
        if (found.isEmpty()) {
            if (queries.wasUnpublished(path)) {
                throw new HttpProblem(410, "This article has been removed", "The article that was here is no longer published.");
            }
            String moved = queries.movedTo(path).orElseThrow(HttpProblem::notFound);
            ctx.header("Cache-Control", CachePolicy.PUBLIC_PAGE.header());
            ctx.redirect(moved, HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        ArticleDetail d = found.get();
        Article a = d.article();
        Optional<SignedInReader> reader = ReaderAccess.current(ctx);
        var outcome = paywall.read(a.id(), a.access(), reader.map(SignedInReader::id), ctx.cookie(MeterCookie.NAME),
                Paywall.Gift.NONE, clock.instant(), ctx.method() != HandlerType.HEAD);
        if (outcome.meterCookie() != null) Cookies.set(ctx, MeterCookie.NAME, outcome.meterCookie(), METER_COOKIE_SECONDS);
        boolean shared = reader.isEmpty() && outcome.shared();
        pages.html(ctx, PAGE, view(d, outcome.verdict(), reader, false), shared ? CachePolicy.PUBLIC_PAGE : CachePolicy.PRIVATE,
                surrogateKeys(d));
    }

    /** A meter cookie outlives any calendar month. */
    private static final int METER_COOKIE_SECONDS = 32 * 24 * 3600;

    /**
     * The page of an article as the paywall's verdict allows: the whole body or its opening with the offer, and for a
     * subscriber the gift button. {@code gifted}: the page is a gift link's, which search engines must not index.
     */
    public ArticleView view(ArticleDetail d, Paywall.Verdict verdict, Optional<SignedInReader> reader, boolean gifted) {
        Article a = d.article();
        Site site = siteInfo.site();
        String description = description(a);
        Meta meta = Meta.of(a.seoTitle() != null ? a.seoTitle() : a.headline() + " | " + site.name(), description, site.absolute(a.path()))
                .withType("article").withImage(shared(d.leadPicture())).withJsonLd(ArticleJsonLd.of(site, d, description));
        if (gifted) meta = meta.asNoindex();
        Dateline dateline = Dateline.of(a.firstPublishedAt(), a.updatedAt(), site.zone());
        meta = meta.withDated(dateline.label());
        String next = URLEncoder.encode(a.path(), StandardCharsets.UTF_8);
        // the plans are read only for a page that shows them: a preview that offers a subscription, or a gift's foot
        boolean showsPlans = verdict.reason() == Paywall.Reason.GIFT || (verdict.preview() && verdict.reason() != Paywall.Reason.SIGN_IN);
        var offer = new ArticleView.Offer(showsPlans ? plans.get() : List.of(), "/account/signin?next=" + next, "/account/signup?next=" + next);
        ArticleView.GiftButton button = null;
        if (!gifted && reader.isPresent() && verdict.reason() == Paywall.Reason.ENTITLED && a.access() == AccessLevel.PREMIUM) {
            button = new ArticleView.GiftButton(a.id(), gifts.left(reader.get().id(), clock.instant()), reader.get().csrf());
        }
        return new ArticleView(site, meta, d, dateline, paywall.body(verdict, a.bodyHtml()), verdict, offer, button,
                gifted ? DiscussionView.Shown.NONE : discussion.of(d, reader, reader.isPresent() ? Paywall.entitlementOf(a.access(), verdict) : Optional.empty()),
                d.more());
    }

    private String description(Article a) {
        if (a.seoDescription() != null && !a.seoDescription().isBlank()) return a.seoDescription();
        if (!a.standfirst().isBlank()) return a.standfirst();
        return Texts.shorten(bodies.firstParagraph(a.bodySource()), 200);
    }

    /** A page's picture as shared on other sites: its largest rendition; null for none. */
    public static Meta.Image shared(Picture picture) {
        return picture == null ? null : new Meta.Image(picture.largest(), picture.largestWidth(), picture.largestHeight(), picture.alt());
    }

    /** The keys a CDN purges by: this article, its section, topics and contributors. */
    public static List<String> surrogateKeys(ArticleDetail d) {
        List<String> keys = new ArrayList<>();
        keys.add("article-" + d.article().id());
        keys.add("section-" + d.section().slug());
        d.topics().forEach(t -> keys.add("topic-" + t.slug()));
        d.bylines().forEach(b -> keys.add("contributor-" + b.slug()));
        return keys;
    }
}
