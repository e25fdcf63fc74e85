package broadsheet.contributor;

import broadsheet.article.ArticleQueries;
import broadsheet.article.ListingPages;
import broadsheet.web.CachePolicy;
import broadsheet.web.HttpProblem;
import broadsheet.web.IndexView;
import broadsheet.web.Meta;
import broadsheet.web.Pages;
import broadsheet.web.Site;
import broadsheet.web.SiteInfo;
import io.javalin.http.Context;
import java.util.List;

/** Contributor pages at {@code /authors/{slug}/} (people and desks) and the index at {@code /authors/}. */
public final class ContributorPages {
    private final ContributorStore contributors;
    private final ListingPages listings;
    private final Pages pages;
    private final SiteInfo siteInfo;

    public ContributorPages(ContributorStore contributors, ListingPages listings, Pages pages, SiteInfo siteInfo) {
        this.contributors = contributors;
        this.listings = listings;
        this.pages = pages;
        this.siteInfo = siteInfo;
    }

    public void show(Context ctx) {
        Contributor c = contributors.bySlug(ctx.pathParam("slug")).orElseThrow(HttpProblem::notFound);
        String kicker = !c.jobTitle().isBlank() ? c.jobTitle() : c.desk() ? "Desk" : "";
        String description = c.bio().isBlank() ? "Articles by " + c.name() + " in " + siteInfo.site().name() + "." : c.bio();
        listings.show(ctx, new ListingPages.Spec(new ArticleQueries.Filter.ByContributor(c.id()), c.url(), kicker, c.name(),
                c.bio(), "", description, true, List.of("contributor-" + c.slug())));
    }

    public void index(Context ctx) {
        Site site = siteInfo.site();
        List<IndexView.Entry> entries = contributors.all().stream()
                .map(c -> new IndexView.Entry(c.name(), c.url(), c.jobTitle())).toList();
        Meta meta = Meta.of("Writers | " + site.name(), "The journalists and desks of " + site.name() + ".", site.absolute("/authors/"));
        pages.html(ctx, "shared/index.jte", new IndexView(site, meta, "Writers", "", entries), CachePolicy.PUBLIC_PAGE, List.of("contributors"));
    }
}
