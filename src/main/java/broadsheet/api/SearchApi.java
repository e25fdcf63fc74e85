package broadsheet.api;

import broadsheet.search.Search;
import broadsheet.search.SearchForm;
import broadsheet.search.SearchQuery;
import broadsheet.search.SearchResults;
import broadsheet.shared.Json;
import broadsheet.subscription.Paywall;
import broadsheet.web.CachePolicy;
import broadsheet.web.HttpProblem;
import broadsheet.web.Pages;
import broadsheet.web.Site;
import broadsheet.web.SiteInfo;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/search}: published articles matching words, with the search page's filters, order and pages
 * ({@link SearchForm}), {@value SearchQuery#PAGE_SIZE} to a page. The API is public and cached, so snippets are
 * what a visitor who is not signed in may see: free articles whole, the others' opening as the {@link Paywall} cuts it.
 */
public final class SearchApi {
    private final Search search;
    private final SearchForm form;
    private final Paywall paywall;
    private final SiteInfo siteInfo;

    public SearchApi(Search search, SearchForm form, Paywall paywall, SiteInfo siteInfo) {
        this.search = search;
        this.form = form;
        this.paywall = paywall;
        this.siteInfo = siteInfo;
    }

    public void search(Context ctx) {
        Site site = siteInfo.site();
        SearchForm.Asked asked = form.read(ctx, site.sections(), true);
        if (asked.nothing()) throw HttpProblem.badRequest("Give q, the words to search for, or a filter (section, topic, author, from, to).");
        SearchQuery q = asked.query();
        SearchResults r = search.search(q, Search.Reading.freeOnly(paywall.previewParagraphs()));
        ApiJson json = new ApiJson(site);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", r.hits().stream().map(json::hit).toList());
        body.put("total", r.total());
        body.put("totalIsLowerBound", r.more());
        body.put("page", q.page());
        body.put("pageSize", SearchQuery.PAGE_SIZE);
        body.put("malformed", r.malformed());
        if (!r.didYouMean().isEmpty()) body.put("didYouMean", r.didYouMean());
        body.put("relatedTopics", r.topics().stream().map(t -> Map.of("slug", t.slug(), "name", t.name(),
                "url", site.absolute("/topics/" + t.slug() + "/"))).toList());
        if (q.page() > 1) body.put("previous", site.absolute(address(q, q.page() - 1)));
        if (r.hasNext()) body.put("next", site.absolute(address(q, q.page() + 1)));
        // as the search page: briefly public, and never kept in the page cache, which the index may lag behind
        ctx.header("Access-Control-Allow-Origin", "*");
        Pages.sendUncached(ctx, Json.bytes(body), "application/json", CachePolicy.PUBLIC_SEARCH, List.of("search"));
    }

    /** The API's address for this search at another page. */
    static String address(SearchQuery q, int page) {
        Map<String, String> p = SearchForm.parameters(q);
        p.put("page", page > 1 ? String.valueOf(page) : "");
        return SearchForm.address("/api/v1/search", p);
    }
}
