package broadsheet.editing;

import broadsheet.newsroom.Frame;
import broadsheet.newsroom.Frames;
import broadsheet.shared.Page;
import broadsheet.article.ArticleOwner;
import broadsheet.article.Status;
import broadsheet.contributor.Contributor;
import broadsheet.contributor.ContributorStore;
import broadsheet.content.Section;
import broadsheet.section.SectionStore;
import broadsheet.content.Topic;
import broadsheet.topic.TopicStore;
import broadsheet.web.CachePolicy;
import broadsheet.web.HttpProblem;
import broadsheet.web.Pages;
import broadsheet.web.Pagination;
import broadsheet.web.Template;
import gg.jte.generated.precompiled.editing.JtearticlesGenerated;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The newsroom's front page: the article list with its filters. Someone who sees only their own articles
 * (a contributor) is offered only the bylines and topics that are public or on their own articles.
 */
public final class ArticleListPage {
    private static final Template<View> PAGE = JtearticlesGenerated::render;
    public static final int PAGE_SIZE = 30;
    private final NewsroomQueries queries;
    private final SectionStore sections;
    private final TopicStore topics;
    private final ContributorStore contributors;
    private final Frames frames;
    private final Pages pages;
    private final ZoneId zone;

    public ArticleListPage(NewsroomQueries queries, SectionStore sections, TopicStore topics, ContributorStore contributors,
                           Frames frames, Pages pages, ZoneId zone) {
        this.queries = queries;
        this.sections = sections;
        this.topics = topics;
        this.contributors = contributors;
        this.frames = frames;
        this.pages = pages;
        this.zone = zone;
    }

    /** What the list template needs. */
    public record View(Frame frame, Page<NewsroomQueries.Row> page, Map<Status, Long> counts, String status, String section,
                       String author, String topic, String q, List<Section> sections, List<Contributor> authors,
                       List<Topic> topics, String baseQuery, ZoneId zone, boolean ownOnly) {}

    public void show(Context ctx) {
        ArticleOwner own = EditorPages.editor(ctx).onlyOwn();
        boolean ownOnly = own != null;
        String statusWord = blankToNull(ctx.queryParam("status"));
        Status status = null;
        if (statusWord != null) {
            try {
                status = Status.fromWord(statusWord);
            } catch (IllegalArgumentException e) {
                throw HttpProblem.badRequest("There is no status \"" + statusWord + "\".");
            }
        }
        String q = blankToNull(ctx.queryParam("q"));
        if (q != null && q.length() > 200) throw HttpProblem.badRequest("Search for at most 200 characters.");
        var filter = new NewsroomQueries.Filter(status, blankToNull(ctx.queryParam("section")), blankToNull(ctx.queryParam("author")),
                blankToNull(ctx.queryParam("topic")), q, own);
        int number = Pagination.page(ctx);
        Page<NewsroomQueries.Row> page = queries.list(filter, number, PAGE_SIZE);
        Pagination.checkExists(number, page.lastPage());
        Map<String, String> params = new LinkedHashMap<>();
        params.put("status", statusWord);
        params.put("section", filter.section());
        params.put("author", filter.author());
        params.put("topic", filter.topic());
        params.put("q", q);
        StringBuilder base = new StringBuilder();
        params.forEach((k, v) -> {
            if (v != null) base.append(base.isEmpty() ? "" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        var view = new View(frames.of(ctx, "articles"), page, queries.counts(own),
                nz(statusWord), nz(filter.section()), nz(filter.author()), nz(filter.topic()), nz(q), sections.all(),
                ownOnly ? contributors.seenByOwner(own) : contributors.all(),
                ownOnly ? topics.seenByOwner(own) : topics.all(), base.toString(), zone, ownOnly);
        pages.html(ctx, PAGE, view, CachePolicy.NO_STORE, List.of());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
