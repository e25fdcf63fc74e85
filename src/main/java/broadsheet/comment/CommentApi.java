package broadsheet.comment;

import broadsheet.settings.CommentSettings;
import broadsheet.shared.Json;
import broadsheet.web.CachePolicy;
import broadsheet.web.HttpProblem;
import broadsheet.web.Pages;
import broadsheet.web.SiteInfo;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The threads in the public Content API: {@code GET /api/v1/articles/{id}/comments?sort=&cursor=} (a page of an
 * article's thread as anyone sees it, read on with {@code cursor}) and {@code GET /api/v1/comment-counts?articles=1,2,3}
 * (the counts of up to {@link #MOST_COUNTS} articles in one read). Public and cached like the rest of the API; bad
 * input is a 400 problem.
 */
public final class CommentApi {
    public static final int MOST_COUNTS = 100;
    private final CommentStore store;
    private final Supplier<CommentSettings> rules;
    private final Pages pages;
    private final SiteInfo siteInfo;
    private final Clock clock;

    public CommentApi(CommentStore store, Supplier<CommentSettings> rules, Pages pages, SiteInfo siteInfo, Clock clock) {
        this.store = store;
        this.rules = rules;
        this.pages = pages;
        this.siteInfo = siteInfo;
        this.clock = clock;
    }

    public void thread(Context ctx) {
        for (String name : ctx.queryParamMap().keySet()) {
            if (!name.equals("sort") && !name.equals("cursor")) throw HttpProblem.badRequest("Unknown parameter \"" + name + "\"; use sort or cursor.");
        }
        String raw = ctx.pathParam("id");
        if (!raw.matches("[1-9][0-9]{0,17}")) throw HttpProblem.badRequest("The article id must be a positive whole number.");
        String sortWord = ctx.queryParam("sort");
        ThreadSort sort = sortWord == null || sortWord.isEmpty() ? ThreadSort.NEWEST : ThreadSort.fromWord(sortWord)
                .orElseThrow(() -> HttpProblem.badRequest("sort must be newest, oldest, recommended or picks."));
        String rawCursor = ctx.queryParam("cursor");
        ThreadSort.Cursor after = rawCursor == null ? null : ThreadSort.Cursor.decode(sort, rawCursor)
                .orElseThrow(() -> HttpProblem.badRequest("cursor is not one this API gave out for this sort; start again without it."));
        CommentStore.Subject subject = store.subject(Long.parseLong(raw))
                .orElseThrow(() -> new HttpProblem(404, "Not found", "No published article has the id " + raw + "."));
        CommentState state = subject.state(rules.get().closeDays(), clock.instant());
        if (!state.shows()) throw new HttpProblem(404, "Not found", "Comments are off for the article " + raw + ".");
        CommentStore.Page page = store.page(subject.id(), sort, after, 0);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("article", subject.id());
        body.put("count", subject.count());
        body.put("state", state.name().toLowerCase(Locale.ROOT));
        body.put("sort", sort.word());
        List<Map<String, Object>> items = new ArrayList<>();
        for (var e : page.entries()) items.add(entry(e));
        body.put("items", items);
        if (page.next() != null) {
            String cursor = page.next().encode();
            body.put("nextCursor", cursor);
            body.put("next", siteInfo.site().absolute("/api/v1/articles/" + subject.id() + "/comments?"
                    + (sort == ThreadSort.NEWEST ? "" : "sort=" + sort.word() + "&") + "cursor=" + cursor));
        }
        send(ctx, body, List.of("article-" + subject.id()));
    }

    private Map<String, Object> entry(CommentThreads.Entry e) {
        Comment c = e.comment();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        if (c.deleted()) {
            m.put("deleted", true);
        } else {
            m.put("author", c.shownName());
            m.put("staff", c.byStaff());
            m.put("pick", c.pick());
            if (c.replyingTo() != null) m.put("replyingTo", c.replyingTo());
            m.put("createdAt", c.createdAt().toString());
            if (c.editedAt() != null) m.put("editedAt", c.editedAt().toString());
            m.put("recommendations", c.recommendations());
            m.put("body", c.body());
            m.put("bodyHtml", c.html());
        }
        m.put("url", siteInfo.site().absolute("/comments/" + c.articleId() + "#comment-" + c.id()));
        if (c.top()) {
            List<Map<String, Object>> replies = new ArrayList<>();
            for (var r : e.replies()) {
                replies.add(entry(r));
                for (var rr : r.replies()) replies.add(entry(rr));
            }
            m.put("replies", replies);
            m.put("moreReplies", e.moreReplies());
        } else {
            m.put("parent", c.parentId());
            m.put("depth", c.depth());
        }
        return m;
    }

    public void counts(Context ctx) {
        String raw = ctx.queryParam("articles");
        if (raw == null || raw.isBlank()) throw HttpProblem.badRequest("Name the articles: ?articles=1,2,3 (at most " + MOST_COUNTS + ").");
        Set<Long> ids = new LinkedHashSet<>();
        for (String part : raw.split(",", -1)) {
            String p = part.strip();
            if (!p.matches("[1-9][0-9]{0,17}")) throw HttpProblem.badRequest("\"" + p + "\" is not an article id: give positive whole numbers, separated by commas.");
            ids.add(Long.parseLong(p));
            if (ids.size() > MOST_COUNTS) throw HttpProblem.badRequest("At most " + MOST_COUNTS + " articles in one request.");
        }
        Instant now = clock.instant();
        int closeDays = rules.get().closeDays();
        List<Map<String, Object>> items = new ArrayList<>();
        store.subjects(ids).values().forEach(s -> {
            CommentState state = s.state(closeDays, now);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("article", s.id());
            m.put("count", state.shows() ? s.count() : 0);
            m.put("state", state.name().toLowerCase(Locale.ROOT));
            items.add(m);
        });
        // not kept in this instance's page cache: its key is any list of articles, which no thread's change could find
        Pages.sendUncached(ctx, Json.bytes(Map.of("items", items)), "application/json", CachePolicy.PUBLIC_API, List.of("comment-counts"));
        ctx.header("Access-Control-Allow-Origin", "*");
    }

    private void send(Context ctx, Object body, List<String> keys) {
        pages.send(ctx, Json.bytes(body), "application/json", CachePolicy.PUBLIC_API, keys, Map.of("Access-Control-Allow-Origin", "*"));
    }
}
