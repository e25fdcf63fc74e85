package broadsheet.api.admin;

import broadsheet.article.Article;
import broadsheet.article.ArticleContent;
import broadsheet.article.LeadPicture;
import broadsheet.article.Status;
import broadsheet.media.Picture;
import broadsheet.editing.Revisions;
import broadsheet.web.Site;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON shapes of the Admin API. An article is answered in the shape it is sent in (so a client can
 * change what it fetched and send it back), with its id, version, status, public address and times added.
 * Times are UTC ISO-8601; addresses are absolute; members without a value are left out.
 */
final class AdminJson {
    private final Site site;

    AdminJson(Site site) {
        this.site = site;
    }

    /** A stored article with its content as the editor sees it. */
    Map<String, Object> article(Article a, ArticleContent content) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("version", a.version());
        m.put("status", a.status().word());
        m.putAll(content(content));
        m.put("url", a.status() == Status.PUBLISHED && a.path() != null ? site.absolute(a.path()) : null);
        m.put("firstPublished", a.firstPublishedAt());
        m.put("updated", a.updatedAt());
        m.put("scheduledAt", a.scheduledAt());
        m.put("created", a.createdAt());
        m.put("modified", a.modifiedAt());
        return m;
    }

    /** A draft just created, from its first revision. */
    Map<String, Object> created(long id, Revisions.Full first) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("version", first.entry().version());
        m.put("status", Status.DRAFT.word());
        m.putAll(content(first.snapshot().content()));
        m.put("created", first.entry().at());
        m.put("modified", first.entry().at());
        return m;
    }

    /** The members a client sends ({@link ArticleInput} reads them back). */
    static Map<String, Object> content(ArticleContent c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("headline", c.headline());
        m.put("standfirst", c.standfirst());
        m.put("slug", c.slug());
        m.put("section", c.sectionSlug());
        m.put("bylines", c.bylines());
        m.put("topics", c.topics());
        LeadPicture lead = c.lead();
        if (lead.imageId() != null) {
            Map<String, Object> image = new LinkedHashMap<>();
            image.put("id", lead.imageId());
            image.put("caption", lead.caption());
            image.put("credit", lead.credit());
            image.put("alt", lead.alt());
            m.put("leadImage", image);
        }
        m.put("body", c.body());
        m.put("access", c.access().word());
        m.put("comments", c.comments().word());
        m.put("seoTitle", c.search().title());
        m.put("seoDescription", c.search().description());
        return m;
    }

    /** One line of the article list. */
    Map<String, Object> summary(AdminArticleList.Row r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("version", r.version());
        m.put("status", r.status().word());
        m.put("headline", r.headline());
        m.put("section", r.section());
        m.put("url", r.status() == Status.PUBLISHED && r.path() != null ? site.absolute(r.path()) : null);
        m.put("firstPublished", r.firstPublishedAt());
        m.put("scheduledAt", r.scheduledAt());
        m.put("modified", r.modifiedAt());
        return m;
    }

    static Map<String, Object> revision(Revisions.Entry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", e.number());
        m.put("version", e.version());
        m.put("actor", e.actor());
        m.put("at", e.at());
        m.put("kind", e.kind());
        return m;
    }

    static Map<String, Object> revision(Revisions.Full f) {
        Map<String, Object> m = revision(f.entry());
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("status", f.snapshot().status());
        article.putAll(content(f.snapshot().content()));
        m.put("article", article);
        return m;
    }

    Map<String, Object> picture(Picture p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("width", p.width());
        m.put("height", p.height());
        m.put("caption", p.caption());
        m.put("credit", p.credit());
        m.put("alt", p.alt());
        m.put("renditions", p.renditions().stream().map(r -> Map.<String, Object>of(
                "url", site.absolute(r.url()), "width", r.width(), "height", r.height(), "format", r.format())).toList());
        return m;
    }
}
