package broadsheet.webhook;

import broadsheet.article.ArticleDetail;
import broadsheet.article.ArticleQueries;
import broadsheet.article.Byline;
import broadsheet.content.Topic;
import broadsheet.shared.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The JSON body of an event: {@code id}, {@code type}, {@code occurredAt} and, for article events, the article as the
 * Content API lists it (id, headline, standfirst, url, section, bylines, topics, published and updated times, access
 * level). Never the body: a premium article's text is for subscribers, and a receiver is not one.
 */
public final class Payloads {
    private final ArticleQueries articles;
    private final String baseUrl;

    public Payloads(ArticleQueries articles, String baseUrl) {
        this.articles = articles;
        this.baseUrl = baseUrl;
    }

    public String of(UUID eventId, String type, Instant occurredAt, Long articleId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", eventId.toString());
        m.put("type", type);
        m.put("occurredAt", occurredAt);
        if (articleId != null) articles.anyById(articleId).ifPresent(d -> m.put("article", article(d)));
        return new String(Json.bytes(m), StandardCharsets.UTF_8);
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
