package broadsheet.article;

import broadsheet.media.Picture;
import broadsheet.web.CachePolicy;
import broadsheet.web.HttpProblem;
import broadsheet.web.Meta;
import broadsheet.web.Pages;
import broadsheet.web.Pagination;
import broadsheet.web.Site;
import broadsheet.web.SiteInfo;
import broadsheet.web.Template;
import gg.jte.generated.precompiled.article.JtelistingGenerated;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;

/**
 * Renders a paginated list of articles (a section, topic or contributor page, or the latest news), a page at a
 * time from a place in the list ({@code ?before=} or {@code ?after=} a position the previous page wrote), never
 * counting the archive or skipping through it, and writes the canonical, previous (newer) and next (older) links.
 * A section's first page is laid out as the section's front from the same stories ({@link ListingView#sectionFront()}).
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
     * What one listing is about: its articles, its address without a place in it, its heading, its description for
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

        /**
         * Whether the first page is laid out as a section front (a lead, secondary stories, rows of headlines): on a
         * section's own listing only. A topic's or a writer's page stays a list, newest first, with no lead picked.
         */
        public boolean sectionFront() {
            return !current.isEmpty();
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
        Place place = place(ctx, spec.basePath());
        if (place == null) return;
        ArticleQueries.Window window = queries.list(spec.filter(), place.from(), place.direction(), PAGE_SIZE);
        if (place.direction() == ArticleQueries.Direction.NEWER && !window.more()) {
            // nothing newer beyond this page: the newer stories are the listing's first page, at its own address
            ctx.header("Cache-Control", CachePolicy.PUBLIC_PAGE.header());
            ctx.header("Surrogate-Key", String.join(" ", spec.surrogateKeys()));
            ctx.redirect(spec.basePath(), HttpStatus.FOUND);
            return;
        }
        if (place.from() != null && window.items().isEmpty()) {
            throw new HttpProblem(404, "Page not found", "There are no older stories in this list.");
        }
        List<ArticleCard> items = window.items();
        boolean first = place.from() == null;
        boolean older = place.direction() == ArticleQueries.Direction.NEWER || window.more();
        String newerUrl = first ? null : spec.basePath() + "?after=" + ArticleQueries.Position.of(items.getFirst()).text();
        String olderUrl = older && !items.isEmpty() ? olderUrl(spec.basePath(), ArticleQueries.Position.of(items.getLast())) : null;
        Site site = siteInfo.site();
        Heading heading = spec.heading();
        String title = heading.title() + (first ? "" : " (older stories)") + " | " + site.name();
        String here = first ? spec.basePath()
                : spec.basePath() + (place.direction() == ArticleQueries.Direction.OLDER ? "?before=" : "?after=") + place.from().text();
        Meta meta = Meta.of(title, spec.description(), site.absolute(here))
                .withPages(newerUrl == null ? null : site.absolute(newerUrl), olderUrl == null ? null : site.absolute(olderUrl));
        meta = meta.withFeeds(spec.basePath(), spec.basePath().equals("/") ? site.name() : site.name() + ": " + heading.title());
        if (heading.picture() != null) meta = meta.withImage(ArticlePages.shared(heading.picture()));
        var view = new ListingView(site, meta, heading.kicker(), heading.title(), heading.about(), spec.current(), items,
                first, newerUrl, olderUrl, spec.showSection(), heading.picture(), first && spec.sectionFront());
        pages.html(ctx, LISTING, view, CachePolicy.PUBLIC_PAGE, spec.surrogateKeys());
    }

    /** The address of the stories older than {@code last} in the listing at {@code basePath}. */
    public static String olderUrl(String basePath, ArticleQueries.Position last) {
        return basePath + "?before=" + last.text();
    }

    /** Where in a listing a request starts: the newest page, or before or after a position. */
    private record Place(ArticleQueries.Position from, ArticleQueries.Direction direction) {}

    /**
     * Reads {@code ?before=} or {@code ?after=} (one of them, once, as a page of the listing wrote it; anything else is
     * a 400). An address of the numbered pages the listings had before ({@code ?page=N}) answers 301 with the listing's
     * first page, from which the older pages are one link away each: finding the Nth page would mean counting past
     * every article before it. Returns null when the answer is that redirect.
     */
    private static Place place(Context ctx, String basePath) {
        var params = ctx.queryParamMap();
        if (params.containsKey("page")) {
            Pagination.checkWellFormed(ctx); // a page number that is not one is still a 400
            ctx.header("Cache-Control", CachePolicy.PUBLIC_PAGE.header());
            ctx.redirect(basePath, HttpStatus.MOVED_PERMANENTLY);
            return null;
        }
        List<String> before = params.getOrDefault("before", List.of());
        List<String> after = params.getOrDefault("after", List.of());
        if (before.isEmpty() && after.isEmpty()) return new Place(null, ArticleQueries.Direction.OLDER);
        if (before.size() + after.size() > 1) {
            throw HttpProblem.badRequest("A page of this list is asked for with one \"before\" or one \"after\", not more.");
        }
        String text = before.isEmpty() ? after.getFirst() : before.getFirst();
        ArticleQueries.Position position = ArticleQueries.Position.parse(text).orElseThrow(() -> HttpProblem.badRequest(
                "This address's place in the list is not one the site gave out; start again from the first page."));
        return new Place(position, before.isEmpty() ? ArticleQueries.Direction.NEWER : ArticleQueries.Direction.OLDER);
    }
}
