package broadsheet.editing;

import broadsheet.article.Article;
import broadsheet.article.ArticleDetail;
import broadsheet.article.ArticlePages;
import broadsheet.article.ArticleQueries;
import broadsheet.article.ArticleView;
import broadsheet.article.BodyRebuild;
import broadsheet.article.Dateline;
import broadsheet.web.CachePolicy;
import broadsheet.web.HttpProblem;
import broadsheet.web.Meta;
import broadsheet.web.Pages;
import broadsheet.web.Site;
import broadsheet.web.SiteInfo;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Previews for the newsroom: a whole article page for any article (drafts included) at a private address,
 * and the body alone for the editor's live preview, rendered by the same code as the public page.
 */
public final class PreviewPages {
    private final ArticleEditing editing;
    private final ArticleQueries queries;
    private final Jdbi jdbi;
    private final SiteInfo siteInfo;
    private final Pages pages;
    private final Clock clock;

    public PreviewPages(ArticleEditing editing, ArticleQueries queries, Jdbi jdbi, SiteInfo siteInfo, Pages pages, Clock clock) {
        this.editing = editing;
        this.queries = queries;
        this.jdbi = jdbi;
        this.siteInfo = siteInfo;
        this.pages = pages;
        this.clock = clock;
    }

    public void article(Context ctx) {
        long id = EditorPages.id(ctx);
        editing.load(EditorPages.editor(ctx), id);
        ArticleDetail d = queries.anyById(id).orElseThrow(HttpProblem::notFound);
        Article a = d.article();
        Site site = siteInfo.site();
        var published = a.firstPublishedAt() != null ? a.firstPublishedAt() : clock.instant();
        Meta meta = Meta.of("Preview: " + a.headline() + " | " + site.name(), a.standfirst(), site.absolute(ctx.path())).asNoindex();
        var view = ArticleView.whole(site, meta, d, Dateline.of(published, a.updatedAt(), site.zone()), a.bodyHtml());
        pages.html(ctx, ArticlePages.PAGE, view, CachePolicy.NO_STORE, List.of());
    }

    /** The body as readers would see it, for the editor's live preview. */
    public void body(Context ctx) {
        String markdown = ctx.formParam("body");
        if (markdown == null) markdown = "";
        if (markdown.length() > DraftCheck.MAX_BODY) throw HttpProblem.badRequest("The body is too long to preview.");
        String source = markdown;
        String html = jdbi.withHandle(h -> BodyRebuild.render(h, source));
        ctx.header("Cache-Control", CachePolicy.NO_STORE.header());
        ctx.json(Map.of("html", html));
    }
}
