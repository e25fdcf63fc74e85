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

    /**
     * What one listing is about: its articles, its address without {@code ?page}, its heading, its description for
     * search engines, the section it belongs to (marked in the navigation; empty for none) and the surrogate keys
     * that purge it. Made by {@link #of}, and {@link #inSection} for a section's own listing.
     */
    public record Spec(ArticleQueries.Filter filter, String basePath, Heading heading, String description, String current,
                       List<String> surrogateKeys) {
        /** A listing of {@code filter} at {@code basePath}, purged by {@code surrogateKey}, belonging to no one section. */
        public static Spec of(ArticleQueries.Filter filter, String basePath, Heading heading, String description, String surrogateKey) {
            return new Spec(filter, basePath, heading, description, "", List.of(surrogateKey));
        }

        /** The same listing as the section's own page: the section is marked in the navigation and left off the cards. */
        public Spec inSection(String sectionSlug) {
            return new Spec(filter, basePath, heading, description, sectionSlug, surrogateKeys);
        }

        /** Whether the cards name their section: on every listing but a section's own. */
        public boolean showSection() {
            return current.isEmpty();
        }
    }

    /**
     * A listing's heading: a small line above it ("Topic", a job title; empty for none), its title, text under it
     * (a description or a bio; empty for none), and a picture beside it (a writer's portrait; null for none).
     */
    public record Heading(String kicker, String title, String about, Picture picture) {
        public static Heading of(String title) {
            return new Heading("", title, "", null);
        }

        public Heading withKicker(String line) {
            return new Heading(line, title, about, picture);
        }

        public Heading withAbout(String text) {
            return new Heading(kicker, title, text, picture);
        }

        public Heading withPicture(Picture beside) {
            return new Heading(kicker, title, about, beside);
        }
    }

    public void show(Context ctx, Spec spec) {
        int number = Pagination.page(ctx);
        Page<ArticleCard> page = queries.list(spec.filter(), number, PAGE_SIZE);
        Pagination.checkNotEmpty(number, page.items().isEmpty());
        Site site = siteInfo.site();
        Heading heading = spec.heading();
        String title = heading.title() + (number > 1 ? " (page " + number + ")" : "") + " | " + site.name();
        Meta meta = Meta.of(title, spec.description(), site.absolute(pageUrl(spec.basePath(), number)))
                .withPages(page.hasPrevious() ? site.absolute(pageUrl(spec.basePath(), number - 1)) : null,
                        page.hasNext() ? site.absolute(pageUrl(spec.basePath(), number + 1)) : null);
        meta = meta.withFeeds(spec.basePath(), spec.basePath().equals("/") ? site.name() : site.name() + ": " + heading.title());
        if (heading.picture() != null) meta = meta.withImage(ArticlePages.shared(heading.picture()));
        var view = new ListingView(site, meta, heading.kicker(), heading.title(), heading.about(), spec.current(), page,
                spec.basePath(), spec.showSection(), heading.picture());
        pages.html(ctx, LISTING, view, CachePolicy.PUBLIC_PAGE, spec.surrogateKeys());
    }

    public static String pageUrl(String basePath, int number) {
        return number <= 1 ? basePath : basePath + "?page=" + number;
    }
}
