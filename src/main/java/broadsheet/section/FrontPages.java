package broadsheet.section;

import broadsheet.article.ArticleCard;
import broadsheet.article.ArticleJsonLd;
import broadsheet.article.ArticlePages;
import broadsheet.article.ArticleQueries;
import broadsheet.article.ListingPages;
import broadsheet.content.Section;
import broadsheet.web.CachePolicy;
import broadsheet.web.HttpProblem;
import broadsheet.shared.Json;
import broadsheet.shared.UntilChanged;
import broadsheet.web.Meta;
import broadsheet.web.Pages;
import broadsheet.web.Site;
import broadsheet.web.SiteInfo;
import broadsheet.web.Template;
import gg.jte.generated.precompiled.section.JtefrontGenerated;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The home page (the top stories: the editors' picks in their order, then the newest; then the latest of each section,
 * in rows of varied shapes; {@code ?before=} a position lists all the latest stories, from the 21st on) and the section
 * pages at {@code /{section}/}.
 */
public final class FrontPages {
    private static final Template<FrontView> FRONT = JtefrontGenerated::render;
    /** The top stories: the lead, {@link #BESIDE} beside it, and a row of four more. */
    public static final int TOP_STORIES = 8;
    private static final int BESIDE = 3;
    private static final int PER_SECTION = 4;
    private final ArticleQueries queries;
    private final SectionStore sections;
    private final SectionMenu menu;
    private final ListingPages listings;
    private final Pages pages;
    private final SiteInfo siteInfo;
    private final Clock clock;
    /**
     * The home page's stories, the same for every reader: with the page cache on, read once per content change
     * ({@link #changed}), so a signed-in reader's home page, which is private, does not read them again.
     */
    private final UntilChanged<Boolean, Stories> stories;

    /** What the home page reads from the database: its stories, and the address of the latest stories' next page. */
    private record Stories(ArticleQueries.Front front, String older) {}

    /** {@code keepStories}: whether the home page's stories are kept until the next change (the page cache is on). */
    public FrontPages(ArticleQueries queries, SectionStore sections, SectionMenu menu, ListingPages listings, Pages pages, SiteInfo siteInfo,
                      Clock clock, boolean keepStories) {
        this.stories = new UntilChanged<>(keepStories ? 1 : 0);
        this.clock = clock;
        this.queries = queries;
        this.sections = sections;
        this.menu = menu;
        this.listings = listings;
        this.pages = pages;
        this.siteInfo = siteInfo;
    }

    public void home(Context ctx) {
        Site site = siteInfo.site();
        var params = ctx.queryParamMap();
        if (params.containsKey("page") || params.containsKey("before") || params.containsKey("after")) {
            listings.show(ctx, ListingPages.Spec.of(new ArticleQueries.Filter.All(), "/", ListingPages.Heading.of("Latest stories"),
                    "The latest stories from " + site.name() + ".", "home"));
            return;
        }
        Stories read = stories.get(Boolean.TRUE, k -> new Stories(queries.front(TOP_STORIES, PER_SECTION),
                // "More stories" goes on from the latest listing's first page, as the home page's second page always has
                queries.positionAfter(ListingPages.PAGE_SIZE).map(p -> ListingPages.olderUrl("/", p)).orElse(null)));
        ArticleQueries.Front front = read.front();
        String older = read.older();
        List<ArticleCard> top = front.top();
        ArticleCard lead = top.isEmpty() ? null : top.get(0);
        List<ArticleCard> beside = top.subList(Math.min(1, top.size()), Math.min(1 + BESIDE, top.size()));
        List<ArticleCard> more = top.subList(Math.min(1 + BESIDE, top.size()), top.size());
        List<FrontView.Block> blocks = new ArrayList<>();
        for (Section s : menu.all()) {
            List<ArticleCard> cards = front.bySection().getOrDefault(s.id(), List.of());
            if (!cards.isEmpty()) blocks.add(new FrontView.Block(s, cards.get(0), cards.subList(1, cards.size())));
        }
        // the paper's tagline from the newsroom's settings, or a plain line while it has none
        String description = site.tagline().isEmpty() ? site.name() + ": news, analysis and opinion." : site.tagline();
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "WebSite");
        ld.put("name", site.name());
        if (!site.tagline().isEmpty()) ld.put("description", site.tagline());
        ld.put("url", site.absolute("/"));
        ld.put("publisher", ArticleJsonLd.publisher(site));
        // search engines may offer a search box that lands on the paper's own search page
        ld.put("potentialAction", Map.of("@type", "SearchAction",
                "target", Map.of("@type", "EntryPoint", "urlTemplate", site.absolute("/search?q={search_term_string}")),
                "query-input", "required name=search_term_string"));
        Meta meta = Meta.of(site.name(), description, site.absolute("/"))
                .withJsonLd(Json.forHtml(ld))
                .withPages(null, older == null ? null : site.absolute(older))
                .withFeeds("/", site.name());
        if (lead != null) meta = meta.withImage(ArticlePages.shared(lead.picture()));
        LocalDate today = LocalDate.ofInstant(clock.instant(), site.zone());
        // the masthead's date changes at midnight: a policy that lets no cache show yesterday's for more than a minute or two
        pages.html(ctx, FRONT, new FrontView(site, meta, today, lead, beside, more, FrontView.rows(blocks), older),
                CachePolicy.PUBLIC_DATED, List.of("home"));
    }

    /** Something the home page may show has changed (announced on the change feed): its stories are read again. */
    public void changed() {
        stories.clear();
    }

    public void section(Context ctx) {
        String slug = ctx.pathParam("section");
        Section s = menu.all().stream().filter(x -> x.slug().equals(slug)).findFirst()
                .or(() -> sections.bySlug(slug))
                .orElseThrow(HttpProblem::notFound);
        String description = s.description().isBlank() ? "The latest " + s.name() + " from " + siteInfo.site().name() + "." : s.description();
        var heading = ListingPages.Heading.of(s.name()).withAbout(s.description());
        listings.show(ctx, ListingPages.Spec.of(new ArticleQueries.Filter.InSection(s.id()), s.url(), heading, description,
                "section-" + s.slug()).inSection(s.slug()));
    }
}
