package broadsheet.api;

import broadsheet.article.ArticleQueries.Filter;
import broadsheet.contributor.ContributorStore;
import broadsheet.section.SectionStore;
import broadsheet.topic.TopicStore;
import broadsheet.web.HttpProblem;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;

/**
 * The parameters of {@code GET /api/v1/articles}, checked: at most one of {@code section}, {@code topic}
 * and {@code author} (each a slug that exists), {@code limit} from 1 to 100, and a {@code cursor} from an
 * earlier answer. Anything else is a 400 problem naming the parameter.
 */
record ApiQuery(Filter filter, String filterName, String filterValue, int limit, Instant afterTime, Long afterId) {
    private static final Set<String> KNOWN = Set.of("section", "topic", "author", "limit", "cursor");

    static ApiQuery parse(Context ctx, SectionStore sections, TopicStore topics, ContributorStore contributors) {
        for (String name : ctx.queryParamMap().keySet()) {
            if (!KNOWN.contains(name)) throw HttpProblem.badRequest("Unknown parameter \"" + name + "\"; use section, topic, author, limit or cursor.");
        }
        Filter filter = new Filter.All();
        String filterName = null;
        String filterValue = null;
        int given = 0;
        for (String name : new String[] {"section", "topic", "author"}) {
            String v = ctx.queryParam(name);
            if (v == null) continue;
            given++;
            filterName = name;
            filterValue = v;
            filter = switch (name) {
                case "section" -> new Filter.InSection(sections.bySlug(v).orElseThrow(() -> unknown(name, v)).id());
                // an earlier address of a topic (renamed, or merged into another) means the topic it leads to;
                // a topic only drafts have is as unknown as one that does not exist
                case "topic" -> new Filter.WithTopic(topics.bySlugOrEarlier(v).filter(t -> topics.isPublic(t.id()))
                        .orElseThrow(() -> unknown(name, v)).id());
                // as is an author only unpublished articles name
                default -> new Filter.ByContributor(contributors.bySlug(v).filter(c -> contributors.isPublic(c.id()))
                        .orElseThrow(() -> unknown(name, v)).id());
            };
        }
        if (given > 1) throw HttpProblem.badRequest("Filter by one of section, topic or author at a time.");
        int limit = limit(ctx);
        Instant afterTime = null;
        Long afterId = null;
        String rawCursor = ctx.queryParam("cursor");
        if (rawCursor != null) {
            Cursor c = Cursor.decode(rawCursor);
            if (c == null) throw HttpProblem.badRequest("cursor is not one this API gave out; start again without it.");
            afterTime = c.time();
            afterId = c.id();
        }
        return new ApiQuery(filter, filterName, filterValue, limit, afterTime, afterId);
    }

    /** {@code ?limit=}: a whole number from 1 to {@value ContentApi#MAX_LIMIT}, {@value ContentApi#DEFAULT_LIMIT} when left out. */
    static int limit(Context ctx) {
        String raw = ctx.queryParam("limit");
        if (raw == null) return ContentApi.DEFAULT_LIMIT;
        if (!raw.matches("[0-9]{1,3}") || Integer.parseInt(raw) < 1 || Integer.parseInt(raw) > ContentApi.MAX_LIMIT) {
            throw HttpProblem.badRequest("limit must be a whole number from 1 to " + ContentApi.MAX_LIMIT + ".");
        }
        return Integer.parseInt(raw);
    }

    /** The address of the next page. */
    String nextPath(String cursor) {
        StringBuilder sb = new StringBuilder("/api/v1/articles?");
        if (filterName != null) sb.append(filterName).append('=').append(URLEncoder.encode(filterValue, StandardCharsets.UTF_8)).append('&');
        if (limit != ContentApi.DEFAULT_LIMIT) sb.append("limit=").append(limit).append('&');
        return sb.append("cursor=").append(cursor).toString();
    }

    private static HttpProblem unknown(String name, String value) {
        return HttpProblem.badRequest("No " + name + " has the slug \"" + value + "\".");
    }
}
