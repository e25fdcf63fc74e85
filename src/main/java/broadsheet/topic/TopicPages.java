package broadsheet.topic;

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

/** Topic pages at {@code /topics/{slug}/} and the index of topics at {@code /topics/}. */
public final class TopicPages {
    private final TopicStore topics;
    private final ListingPages listings;
    private final Pages pages;
    private final SiteInfo siteInfo;

    public TopicPages(TopicStore topics, ListingPages listings, Pages pages, SiteInfo siteInfo) {
        this.topics = topics;
        this.listings = listings;
        this.pages = pages;
        this.siteInfo = siteInfo;
    }

    public void show(Context ctx) {
        Topic t = topics.bySlug(ctx.pathParam("slug")).orElseThrow(HttpProblem::notFound);
        String description = t.description().isBlank()
                ? "News, analysis and comment on " + t.name() + " from " + siteInfo.site().name() + "." : t.description();
        listings.show(ctx, new ListingPages.Spec(new ArticleQueries.Filter.WithTopic(t.id()), t.url(), "Topic", t.name(),
                t.description(), "", description, true, List.of("topic-" + t.slug())));
    }

    public void index(Context ctx) {
        Site site = siteInfo.site();
        List<IndexView.Entry> entries = topics.inUse(1000, 0).stream()
                .sorted((a, b) -> a.name().compareToIgnoreCase(b.name()))
                .map(t -> new IndexView.Entry(t.name(), t.url(), "")).toList();
        Meta meta = Meta.of("Topics | " + site.name(), "Every topic " + site.name() + " covers.", site.absolute("/topics/"));
        pages.html(ctx, "shared/index.jte", new IndexView(site, meta, "Topics", "", entries), CachePolicy.PUBLIC_PAGE, List.of("topics"));
    }
}
