package broadsheet.article;

import broadsheet.media.Picture;
import broadsheet.content.AccessLevel;
import broadsheet.shared.Json;
import broadsheet.web.Site;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schema.org description of an article page for search engines and news aggregators: a
 * {@code NewsArticle} (with paywalled-content markup when the body is not free) and a {@code BreadcrumbList}.
 */
public final class ArticleJsonLd {
    /** The page element that holds what a reader without access cannot see. */
    public static final String PAYWALL_SELECTOR = ".paywalled";

    private ArticleJsonLd() {}

    public static String of(Site site, ArticleDetail d, String description) {
        Article a = d.article();
        String url = site.absolute(a.path());
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("@type", "NewsArticle");
        article.put("@id", url + "#article");
        article.put("mainEntityOfPage", url);
        article.put("url", url);
        article.put("headline", a.headline());
        article.put("description", description);
        Picture p = d.leadPicture();
        if (p != null) {
            article.put("image", Map.of("@type", "ImageObject", "url", site.absolute(p.largest()),
                    "width", p.largestWidth(), "height", p.largestHeight(), "caption", p.caption()));
        }
        article.put("datePublished", Dateline.iso(a.firstPublishedAt(), site.zone()));
        article.put("dateModified", Dateline.iso(a.lastSignificantChange(), site.zone()));
        List<Map<String, Object>> authors = new ArrayList<>();
        for (Byline b : d.bylines()) {
            authors.add(Map.of("@type", b.desk() ? "Organization" : "Person", "name", b.name(), "url", site.absolute(b.url())));
        }
        if (!authors.isEmpty()) article.put("author", authors);
        article.put("publisher", publisher(site));
        article.put("articleSection", d.section().name());
        if (!d.topics().isEmpty()) article.put("keywords", d.topics().stream().map(t -> t.name()).toList());
        article.put("inLanguage", "en-GB");
        List<Map<String, Object>> corrections = d.changes().stream().filter(ArticleChange::isCorrection)
                .map(c -> Map.<String, Object>of("@type", "CorrectionComment", "text", c.note(),
                        "datePublished", Dateline.iso(c.at(), site.zone())))
                .toList();
        if (!corrections.isEmpty()) article.put("correction", corrections);
        boolean free = a.access() == AccessLevel.FREE;
        article.put("isAccessibleForFree", free);
        if (!free) {
            article.put("hasPart", Map.of("@type", "WebPageElement", "isAccessibleForFree", false,
                    "cssSelector", PAYWALL_SELECTOR));
        }
        Map<String, Object> crumbs = Map.of("@type", "BreadcrumbList", "itemListElement", List.of(
                crumb(1, site.name(), site.absolute("/")),
                crumb(2, d.section().name(), site.absolute(d.section().url())),
                crumb(3, a.headline(), url)));
        return Json.forHtml(Map.of("@context", "https://schema.org", "@graph", List.of(article, crumbs)));
    }

    public static Map<String, Object> publisher(Site site) {
        return Map.of("@type", "NewsMediaOrganization", "name", site.name(), "url", site.absolute("/"));
    }

    private static Map<String, Object> crumb(int position, String name, String url) {
        return Map.of("@type", "ListItem", "position", position, "name", name, "item", url);
    }
}
