package broadsheet.api;

import broadsheet.article.ArticleCard;
import broadsheet.article.ArticleDetail;
import broadsheet.article.ArticleQueries;
import broadsheet.contributor.Contributor;
import broadsheet.contributor.ContributorStore;
import broadsheet.section.SectionStore;
import broadsheet.subscription.Paywall;
import broadsheet.topic.TopicStore;
import broadsheet.web.CachePolicy;
import broadsheet.web.HttpProblem;
import broadsheet.shared.Json;
import broadsheet.web.Pages;
import broadsheet.web.SiteInfo;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public, read-only Content API under {@code /api/v1}: published articles (newest first, filtered by
 * section, topic or author, with cursor pagination), one article, the sections and topics, and the authors
 * (with cursor pagination). Topics and authors are those a published article names; the others stay private.
 * Bodies of registered and subscriber articles are cut to the opening the {@link Paywall} gives a visitor who is
 * not signed in, with no meter and no gift: the API is public and cached, so it answers as for anyone. Errors are
 * problem JSON, written by the error pages.
 */
public final class ContentApi {
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    private final ArticleQueries articles;
    private final SectionStore sections;
    private final TopicStore topics;
    private final ContributorStore contributors;
    private final SiteInfo siteInfo;
    private final Pages pages;
    private final Paywall paywall;

    public ContentApi(ArticleQueries articles, SectionStore sections, TopicStore topics, ContributorStore contributors,
                      SiteInfo siteInfo, Pages pages, Paywall paywall) {
        this.paywall = paywall;
        this.pages = pages;
        this.articles = articles;
        this.sections = sections;
        this.topics = topics;
        this.contributors = contributors;
        this.siteInfo = siteInfo;
    }

    public void articles(Context ctx) {
        ApiQuery q = ApiQuery.parse(ctx, sections, topics, contributors);
        List<ArticleCard> cards = articles.listAfter(q.filter(), q.afterTime(), q.afterId(), q.limit() + 1);
        boolean more = cards.size() > q.limit();
        if (more) cards = cards.subList(0, q.limit());
        ApiJson json = new ApiJson(siteInfo.site());
        List<Map<String, Object>> items = new ArrayList<>();
        for (ArticleCard c : cards) items.add(json.summary(c));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        if (more) {
            String cursor = Cursor.encode(cards.get(cards.size() - 1));
            body.put("nextCursor", cursor);
            body.put("next", siteInfo.site().absolute(q.nextPath(cursor)));
        }
        send(ctx, body, List.of("articles"));
    }

    public void article(Context ctx) {
        String raw = ctx.pathParam("id");
        if (!raw.matches("[0-9]{1,18}")) throw HttpProblem.badRequest("The article id must be a positive whole number.");
        ArticleDetail d = articles.byId(Long.parseLong(raw))
                .orElseThrow(() -> new HttpProblem(404, "Not found", "No published article has the id " + raw + "."));
        send(ctx, new ApiJson(siteInfo.site()).full(d, paywall), List.of("article-" + d.article().id()));
    }

    public void sections(Context ctx) {
        ApiJson json = new ApiJson(siteInfo.site());
        send(ctx, Map.of("items", sections.all().stream().map(json::section).toList()), List.of("sections"));
    }

    public void topics(Context ctx) {
        ApiJson json = new ApiJson(siteInfo.site());
        send(ctx, Map.of("items", topics.published().stream().map(json::topic).toList()), List.of("topics"));
    }

    /**
     * The authors readers may see (a published article names them), people then desks, by name; {@code limit}
     * 1-100 (20) a page, and {@code next} for the following page, as for articles.
     */
    public void authors(Context ctx) {
        for (String name : ctx.queryParamMap().keySet()) {
            if (!name.equals("limit") && !name.equals("cursor")) {
                throw HttpProblem.badRequest("Unknown parameter \"" + name + "\"; use limit or cursor.");
            }
        }
        int limit = ApiQuery.limit(ctx);
        ContributorStore.Position after = null;
        String rawCursor = ctx.queryParam("cursor");
        if (rawCursor != null) {
            after = AuthorCursor.decode(rawCursor);
            if (after == null) throw HttpProblem.badRequest("cursor is not one this API gave out; start again without it.");
        }
        List<Contributor> page = contributors.publicAfter(after, limit + 1);
        boolean more = page.size() > limit;
        if (more) page = page.subList(0, limit);
        ApiJson json = new ApiJson(siteInfo.site());
        var pictures = contributors.pictures(page);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.stream().map(c -> json.contributor(c, c.pictureId() == null ? null : pictures.get(c.pictureId()))).toList());
        if (more) {
            String cursor = AuthorCursor.encode(ContributorStore.Position.of(page.get(page.size() - 1)));
            body.put("nextCursor", cursor);
            body.put("next", siteInfo.site().absolute("/api/v1/authors?" + (limit == DEFAULT_LIMIT ? "" : "limit=" + limit + "&") + "cursor=" + cursor));
        }
        send(ctx, body, List.of("contributors"));
    }

    private void send(Context ctx, Object body, List<String> keys) {
        pages.send(ctx, Json.bytes(body), "application/json", CachePolicy.PUBLIC_API, keys,
                Map.of("Access-Control-Allow-Origin", "*"));
    }
}
