package broadsheet.search;

import broadsheet.subscription.Paywall;
import broadsheet.web.CachePolicy;
import broadsheet.web.Meta;
import broadsheet.web.Pages;
import broadsheet.web.ReaderAccess;
import broadsheet.web.SignedInReader;
import broadsheet.web.Site;
import broadsheet.web.SiteInfo;
import broadsheet.web.Template;
import gg.jte.generated.precompiled.search.JtesearchGenerated;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The search page at {@code /search}: the form, and the results of what was asked, with snippets from the text the
 * {@link Paywall} lets this reader see (a subscriber's from the whole of a premium article, anyone else's from its
 * opening; the meter opens none). The bare page ({@code /search}, the form alone) is a page like any other; every
 * address with a query is {@code noindex}, and robots.txt keeps crawlers off them ({@code Disallow: /search?}).
 *
 * <p>Caching: a visitor's page is the same for every visitor (the meter plays no part), so it is public, but only for
 * {@link CachePolicy#PUBLIC_SEARCH a minute} and never kept in the server's page cache, which the database's changes
 * empty while the index may still be a moment behind them. A signed-in reader's page is theirs alone (private).
 */
public final class SearchPages {
    private static final Template<SearchView> PAGE = JtesearchGenerated::render;
    private final Search search;
    private final SearchForm form;
    private final Paywall paywall;
    private final Pages pages;
    private final SiteInfo siteInfo;
    private final Clock clock;

    public SearchPages(Search search, SearchForm form, Paywall paywall, Pages pages, SiteInfo siteInfo, Clock clock) {
        this.search = search;
        this.form = form;
        this.paywall = paywall;
        this.pages = pages;
        this.siteInfo = siteInfo;
        this.clock = clock;
    }

    public void show(Context ctx) {
        Site site = siteInfo.site();
        SearchForm.Asked asked = form.read(ctx, site.sections(), false);
        SearchResults results = asked.nothing() ? null : search.search(asked.query(), reading(ctx));
        var view = new SearchView(site, null, asked, results);
        String words = asked.query().text();
        String title = (words.isEmpty() ? "Search" : "Search: " + words)
                + (asked.query().page() > 1 ? " (page " + asked.query().page() + ")" : "") + " | " + site.name();
        Meta meta = Meta.of(title, "Search the stories of " + site.name() + ".", site.absolute(view.page(asked.query().page())));
        // the search page itself may be found by search engines; its results (any address with a query) are kept out
        if (!asked.nothing() || ctx.queryString() != null) meta = meta.asNoindex();
        if (results != null) {
            int page = asked.query().page();
            meta = meta.withPages(page > 1 ? site.absolute(view.page(page - 1)) : null, results.hasNext() ? site.absolute(view.page(page + 1)) : null);
        }
        view = new SearchView(site, meta, asked, results);
        if (ReaderAccess.current(ctx).isPresent()) {
            pages.html(ctx, PAGE, view, CachePolicy.PRIVATE, List.of("search"));
        } else {
            Pages.sendUncached(ctx, Pages.render(PAGE, view).getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8",
                    CachePolicy.PUBLIC_SEARCH, List.of("search"));
        }
    }

    /** What the paywall lets this request's reader see of each article found; no meter and no gift link opens a snippet. */
    private Search.Reading reading(Context ctx) {
        Optional<Long> reader = ReaderAccess.current(ctx).map(SignedInReader::id);
        return new Search.Reading(paywall.readsWhole(reader, clock.instant()), paywall.previewParagraphs());
    }
}
