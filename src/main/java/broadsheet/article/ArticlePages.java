package broadsheet.article;

import broadsheet.media.Picture;
import broadsheet.subscription.Paywall;
import broadsheet.text.Texts;
import broadsheet.web.CachePolicy;
import broadsheet.web.HttpProblem;
import broadsheet.web.Meta;
import broadsheet.web.Pages;
import broadsheet.web.Site;
import broadsheet.web.SiteInfo;
import broadsheet.web.Template;
import gg.jte.generated.precompiled.article.JtepageGenerated;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;

/** The article page at {@code /{section}/{yyyy}/{mm}/{dd}/{slug}/}, and redirects from earlier addresses. */
public final class ArticlePages {
    /** The article page, also the newsroom's preview of an article. */
    public static final Template<ArticleView> PAGE = JtepageGenerated::render;
    private final ArticleQueries queries;
    private final Pages pages;
    private final SiteInfo siteInfo;
    private final BodyRenderer bodies = new BodyRenderer();

    public ArticlePages(ArticleQueries queries, Pages pages, SiteInfo siteInfo) {
        this.queries = queries;
        this.pages = pages;
        this.siteInfo = siteInfo;
    }

    public void show(Context ctx) {
        String path = ctx.path();
        if (!ArticlePaths.looksLikeArticle(path)) throw HttpProblem.notFound();
        var found = queries.byPath(path);
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
        Site site = siteInfo.site();
        boolean preview = Paywall.decide(a.access(), Paywall.Viewer.ANONYMOUS) == Paywall.Decision.PREVIEW;
        String description = description(a);
        Meta meta = Meta.of(a.seoTitle() != null ? a.seoTitle() : a.headline() + " | " + site.name(), description, site.absolute(a.path()))
                .withType("article").withImage(shared(d.leadPicture())).withJsonLd(ArticleJsonLd.of(site, d, description));
        Dateline dateline = Dateline.of(a.firstPublishedAt(), a.updatedAt(), site.zone());
        var view = new ArticleView(site, meta, d, dateline, preview ? Paywall.preview(a.bodyHtml()) : a.bodyHtml(), preview);
        pages.html(ctx, PAGE, view, CachePolicy.PUBLIC_PAGE, surrogateKeys(d));
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
