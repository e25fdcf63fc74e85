package broadsheet.article;

import broadsheet.media.Picture;
import broadsheet.shared.Page;
import broadsheet.web.CachePolicy;
import broadsheet.web.Meta;
import broadsheet.web.Pages;
import broadsheet.web.Pagination;
import broadsheet.web.Site;
import broadsheet.web.SiteInfo;
import broadsheet.web.Template;
import gg.jte.generated.precompiled.article.JtelistingGenerated;
import io.javalin.http.Context;
import java.util.List;

/**
 * Renders a paginated list of articles (a section, topic or contributor page, or the latest news):
 * reads {@code ?page}, refuses pages past the end (404) without counting the archive, and writes the
 * canonical, previous and next links.
 * Finding the section, topic or contributor is the caller's job.
 */
public final class ListingPages {
    private static final Template<ListingView> LISTING = JtelistingGenerated::render;
    public static final int PAGE_SIZE = 20;
    private final ArticleQueries queries;
    private final Pages pages;
    private final SiteInfo siteInfo;

    public ListingPages(ArticleQueries queries, Pages pages, SiteInfo siteInfo) {
        this.queries = queries;
        this.pages = pages;
        this.siteInfo = siteInfo;
    }

    /** What one listing is about; {@code picture} (or null) stands beside the heading, as a writer's portrait does. */
    public record Spec(ArticleQueries.Filter filter, String basePath, String kicker, String heading, String about,
                       String current, String description, boolean showSection, List<String> surrogateKeys, Picture picture) {
        public Spec(ArticleQueries.Filter filter, String basePath, String kicker, String heading, String about,
                    String current, String description, boolean showSection, List<String> surrogateKeys) {
            this(filter, basePath, kicker, heading, about, current, description, showSection, surrogateKeys, null);
        }
    }

    public void show(Context ctx, Spec spec) {
        int number = Pagination.page(ctx);
        Page<ArticleCard> page = queries.list(spec.filter(), number, PAGE_SIZE);
        Pagination.checkNotEmpty(number, page.items().isEmpty());
        Site site = siteInfo.site();
        String title = spec.heading() + (number > 1 ? " (page " + number + ")" : "") + " | " + site.name();
        Meta meta = Meta.of(title, spec.description(), site.absolute(pageUrl(spec.basePath(), number)))
                .withPages(page.hasPrevious() ? site.absolute(pageUrl(spec.basePath(), number - 1)) : null,
                        page.hasNext() ? site.absolute(pageUrl(spec.basePath(), number + 1)) : null);
        if (spec.picture() != null) meta = meta.withImage(ArticlePages.shared(spec.picture()));
        var view = new ListingView(site, meta, spec.kicker(), spec.heading(), spec.about(), spec.current(), page,
                spec.basePath(), spec.showSection(), spec.picture());
        pages.html(ctx, LISTING, view, CachePolicy.PUBLIC_PAGE, spec.surrogateKeys());
    }

    public static String pageUrl(String basePath, int number) {
        return number <= 1 ? basePath : basePath + "?page=" + number;
    }
}
