package broadsheet.topic;

import broadsheet.article.ArticleQueries;
import broadsheet.article.ListingPages;
import broadsheet.content.Topic;
import broadsheet.shared.Page;
import broadsheet.web.CachePolicy;
import broadsheet.web.HttpProblem;
import broadsheet.web.IndexView;
import broadsheet.web.Pages;
import broadsheet.web.Pagination;
import broadsheet.web.Site;
import broadsheet.web.SiteInfo;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Topic pages at {@code /topics/{slug}/}, redirects from their earlier addresses, and the index of topics
 * at {@code /topics/}.
 */
public final class TopicPages {
    public static final int INDEX_PAGE_SIZE = 100;
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
        String slug = ctx.pathParam("slug");
        Optional<TopicStore.Shown> found = topics.bySlugShown(slug);
        if (found.isEmpty()) {
            Topic now = topics.movedFrom(slug).filter(t -> topics.isPublic(t.id())).orElseThrow(HttpProblem::notFound);
            redirect(ctx, slug, now);
            return;
        }
        Topic t = found.get().topic();
        // a topic only drafts have is private: its name could give away a story before it is published
        if (!found.get().isPublic()) throw HttpProblem.notFound();
        String description = t.description().isBlank()
                ? "News, analysis and comment on " + t.name() + " from " + siteInfo.site().name() + "." : t.description();
        var heading = ListingPages.Heading.of(t.name()).withKicker("Topic").withAbout(t.description());
        listings.show(ctx, ListingPages.Spec.of(new ArticleQueries.Filter.WithTopic(t.id()), t.url(), heading, description,
                "topic-" + t.slug()));
    }

    /**
     * An earlier address (the topic's slug was changed, or it was merged into this one) answers 301 with the
     * topic's page. Other parameters go along, a place in the listing too (it is a time and an article, which
     * means the same in the kept topic's list); a page number ({@code ?page=N}, the numbered pages listings had
     * before) does not: the answer is the first page.
     */
    private void redirect(Context ctx, String oldSlug, Topic t) {
        List<String> params = new ArrayList<>();
        String raw = ctx.queryString();
        if (raw != null && !raw.isEmpty()) {
            for (String param : raw.split("&")) {
                if (param.isEmpty() || param.equals("page") || param.startsWith("page=")) continue;
                params.add(param);
            }
        }
        ctx.header("Cache-Control", CachePolicy.PUBLIC_PAGE.header());
        ctx.header("Surrogate-Key", "topic-" + oldSlug + " topic-" + t.slug());
        ctx.redirect(t.url() + (params.isEmpty() ? "" : "?" + String.join("&", params)), HttpStatus.MOVED_PERMANENTLY);
    }

    /** {@code /topics/}: the topics a published article has, by name, {@value #INDEX_PAGE_SIZE} to a page. */
    public void index(Context ctx) {
        Site site = siteInfo.site();
        int number = Pagination.page(ctx);
        Page<Topic> page = topics.publicPage(number, INDEX_PAGE_SIZE);
        Pagination.checkNotEmpty(number, page.items().isEmpty());
        List<IndexView.Entry> entries = page.items().stream().map(t -> new IndexView.Entry(t.name(), t.url(), "")).toList();
        pages.html(ctx, IndexView.PAGE, IndexView.of(site, "Topics", "Every topic " + site.name() + " covers.", "/topics/",
                entries, number, page.hasNext()), CachePolicy.PUBLIC_PAGE, List.of("topics"));
    }
}
