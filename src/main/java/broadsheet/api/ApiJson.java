package broadsheet.api;

import broadsheet.content.AccessLevel;
import broadsheet.article.Article;
import broadsheet.article.ArticleCard;
import broadsheet.article.ArticleDetail;
import broadsheet.article.Byline;
import broadsheet.contributor.Contributor;
import broadsheet.media.Picture;
import broadsheet.content.Section;
import broadsheet.search.SearchHit;
import broadsheet.subscription.Paywall;
import broadsheet.content.Topic;
import broadsheet.web.Site;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the Content API. Addresses are absolute; times are UTC ISO-8601. */
final class ApiJson {
    private final Site site;

    ApiJson(Site site) {
        this.site = site;
    }

    Map<String, Object> summary(ArticleCard c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("url", site.absolute(c.url()));
        m.put("headline", c.headline());
        m.put("standfirst", c.standfirst());
        m.put("section", section(c.section()));
        m.put("bylines", c.bylines().stream().map(this::byline).toList());
        m.put("published", c.published());
        m.put("updated", c.updated());
        m.put("access", c.access().word());
        m.put("leadImage", picture(c.picture()));
        return m;
    }

    Map<String, Object> full(ArticleDetail d, Paywall paywall) {
        Article a = d.article();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("url", site.absolute(a.path()));
        m.put("headline", a.headline());
        m.put("standfirst", a.standfirst());
        m.put("section", section(d.section()));
        m.put("bylines", d.bylines().stream().map(this::byline).toList());
        m.put("topics", d.topics().stream().map(this::topic).toList());
        m.put("published", a.firstPublishedAt());
        m.put("updated", a.updatedAt());
        m.put("access", a.access().word());
        m.put("comments", a.commentPolicy().word());
        m.put("leadImage", picture(d.leadPicture()));
        Paywall.Verdict verdict = Paywall.decide(a.id(), a.access(), Paywall.Viewer.ANONYMOUS);
        m.put(verdict.full() ? "bodyHtml" : "previewHtml", paywall.body(verdict, a.bodyHtml()));
        return m;
    }

    /**
     * An article found by search: as in a list of articles, with the snippet as runs of plain text, each marked when
     * it is one of the words searched for (not escaped: a client shows it as it likes).
     */
    Map<String, Object> hit(SearchHit h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", h.articleId());
        m.put("url", site.absolute(h.path()));
        m.put("headline", h.headline());
        m.put("standfirst", h.standfirst());
        m.put("section", Map.of("slug", h.sectionSlug(), "name", h.sectionName(), "url", site.absolute("/" + h.sectionSlug() + "/")));
        m.put("bylines", h.bylines().stream().map(name -> Map.of("name", name)).toList());
        m.put("published", h.published());
        m.put("access", h.access().word());
        m.put("snippet", h.snippet().stream().map(r -> Map.of("text", r.text(), "match", r.match())).toList());
        return m;
    }

    Map<String, Object> section(Section s) {
        return Map.of("slug", s.slug(), "name", s.name(), "url", site.absolute(s.url()));
    }

    Map<String, Object> topic(Topic t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("slug", t.slug());
        m.put("name", t.name());
        m.put("description", t.description());
        m.put("url", site.absolute(t.url()));
        return m;
    }

    /** A contributor; {@code picture} is theirs, or null. */
    Map<String, Object> contributor(Contributor c, Picture picture) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("slug", c.slug());
        m.put("name", c.name());
        m.put("kind", c.desk() ? "desk" : "person");
        m.put("jobTitle", c.jobTitle());
        m.put("bio", c.bio());
        m.put("url", site.absolute(c.url()));
        m.put("picture", picture(picture));
        return m;
    }

    private Map<String, Object> byline(Byline b) {
        return Map.of("name", b.name(), "slug", b.slug(), "kind", b.desk() ? "desk" : "person", "url", site.absolute(b.url()));
    }

    private Map<String, Object> picture(Picture p) {
        if (p == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", site.absolute(p.largest()));
        m.put("width", p.width());
        m.put("height", p.height());
        m.put("alt", p.alt());
        m.put("caption", p.caption());
        m.put("credit", p.credit());
        List<Map<String, Object>> renditions = p.renditions().stream().map(s -> Map.<String, Object>of(
                "url", site.absolute(s.url()), "width", s.width(), "height", s.height(), "format", s.format())).toList();
        m.put("renditions", renditions);
        return m;
    }

    static boolean isFree(AccessLevel a) {
        return a == AccessLevel.FREE;
    }
}
