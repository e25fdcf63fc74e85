package broadsheet.webhook;

import broadsheet.article.ArticleDetail;
import broadsheet.article.ArticleQueries;
import broadsheet.article.Byline;
import broadsheet.comment.Comment;
import broadsheet.comment.CommentStore;
import broadsheet.content.Topic;
import broadsheet.shared.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON body of an event: {@code id}, {@code type}, {@code occurredAt} and, for article events, the article as the
 * Content API lists it (id, headline, standfirst, url, section, bylines, topics, published and updated times, access
 * level), for a comment the comment (as its thread shows it) and its article. Never an article's text: a premium
 * article's is for subscribers, and a receiver is not one.
 */
public final class Payloads {
    private final ArticleQueries articles;
    private final CommentStore comments;
    private final String baseUrl;

    public Payloads(ArticleQueries articles, CommentStore comments, String baseUrl) {
        this.articles = articles;
        this.comments = comments;
        this.baseUrl = baseUrl;
    }

    public String of(Deliveries.Waiting event) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", event.uuid().toString());
        m.put("type", event.type());
        m.put("occurredAt", event.occurredAt());
        if (event.articleId() != null) articles.anyById(event.articleId()).ifPresent(d -> m.put("article", article(d)));
        if (event.commentId() != null) comments.find(event.commentId()).ifPresent(c -> m.put("comment", comment(c)));
        return new String(Json.bytes(m), StandardCharsets.UTF_8);
    }

    /** A comment that still shows, with its words; one taken down since (rejected, deleted) by its id alone. */
    private Map<String, Object> comment(Comment c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        if (!c.approved()) return m;
        m.put("author", c.authorName());
        m.put("byStaff", c.byStaff());
        m.put("body", c.body());
        m.put("parentId", c.parentId());
        m.put("createdAt", c.createdAt());
        articles.anyById(c.articleId()).ifPresent(d -> m.put("article", Map.of("id", d.article().id(), "headline", d.article().headline(),
                "url", d.article().path() == null ? "" : baseUrl + d.article().path())));
        return m;
    }

    private Map<String, Object> article(ArticleDetail d) {
        var a = d.article();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("headline", a.headline());
        m.put("standfirst", a.standfirst());
        m.put("url", a.path() == null ? null : baseUrl + a.path());
        m.put("section", Map.of("slug", d.section().slug(), "name", d.section().name(), "url", baseUrl + d.section().url()));
        m.put("bylines", d.bylines().stream().map(this::byline).toList());
        m.put("topics", d.topics().stream().map(this::topic).toList());
        m.put("published", a.firstPublishedAt());
        m.put("updated", a.updatedAt());
        m.put("access", a.access().word());
        return m;
    }

    private Map<String, Object> byline(Byline b) {
        return Map.of("name", b.name(), "slug", b.slug(), "url", baseUrl + b.url());
    }

    private Map<String, Object> topic(Topic t) {
        return Map.of("slug", t.slug(), "name", t.name(), "url", baseUrl + t.url());
    }
}
