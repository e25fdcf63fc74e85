package broadsheet.contributor;

import broadsheet.article.ArticleQueries;
import broadsheet.article.ListingPages;
import broadsheet.shared.Page;
import broadsheet.media.ImageStore;
import broadsheet.media.Picture;
import broadsheet.text.Texts;
import broadsheet.web.CachePolicy;
import broadsheet.web.HttpProblem;
import broadsheet.web.IndexView;
import broadsheet.web.Pages;
import broadsheet.web.Pagination;
import broadsheet.web.Site;
import broadsheet.web.SiteInfo;
import io.javalin.http.Context;
import java.util.List;

/**
 * Contributor pages at {@code /authors/{slug}/} (people and desks) and the index at {@code /authors/}, for
 * the contributors readers may see: those a published article names ({@link ContributorStore#isPublic}).
 */
public final class ContributorPages {
    public static final int INDEX_PAGE_SIZE = 100;
    private final ContributorStore contributors;
    private final ImageStore images;
    private final ListingPages listings;
    private final Pages pages;
    private final SiteInfo siteInfo;

    public ContributorPages(ContributorStore contributors, ImageStore images, ListingPages listings, Pages pages, SiteInfo siteInfo) {
        this.contributors = contributors;
        this.images = images;
        this.listings = listings;
        this.pages = pages;
        this.siteInfo = siteInfo;
    }

    public void show(Context ctx) {
        // a byline only unpublished articles carry is private: it could give away a story before it is published
        Contributor c = contributors.publicBySlug(ctx.pathParam("slug")).orElseThrow(HttpProblem::notFound);
        String kicker = !c.jobTitle().isBlank() ? c.jobTitle() : c.desk() ? "Desk" : "";
        String description = c.bio().isBlank() ? "Articles by " + c.name() + " in " + siteInfo.site().name() + "."
                : Texts.shorten(c.bio(), 200);
        var heading = ListingPages.Heading.of(c.name()).withKicker(kicker).withAbout(c.bio()).withPicture(portrait(c));
        listings.show(ctx, ListingPages.Spec.of(new ArticleQueries.Filter.ByContributor(c.id()), c.url(), heading, description,
                "contributor-" + c.slug()));
    }

    /** The contributor's picture, with their name for alt text when the library has none. */
    private Picture portrait(Contributor c) {
        if (c.pictureId() == null) return null;
        return images.picture(c.pictureId()).map(p -> p.alt().isBlank() ? p.withWords(null, null, c.name()) : p).orElse(null);
    }

    /** {@code /authors/}: the public contributors, people then desks, by name, {@value #INDEX_PAGE_SIZE} to a page. */
    public void index(Context ctx) {
        Site site = siteInfo.site();
        int number = Pagination.page(ctx);
        Page<Contributor> page = contributors.publicPage(number, INDEX_PAGE_SIZE);
        Pagination.checkNotEmpty(number, page.items().isEmpty());
        List<IndexView.Entry> entries = page.items().stream().map(c -> new IndexView.Entry(c.name(), c.url(), c.jobTitle())).toList();
        pages.html(ctx, IndexView.PAGE, IndexView.of(site, "Writers", "The journalists and desks of " + site.name() + ".",
                "/authors/", entries, number, page.hasNext()), CachePolicy.PUBLIC_PAGE, List.of("contributors"));
    }
}
