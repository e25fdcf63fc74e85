package broadsheet.article;

import broadsheet.web.Meta;
import broadsheet.web.Site;

/**
 * What the article page template needs.
 *
 * @param bodyHtml the sanitised body, or its opening when {@code preview} is true
 * @param preview  whether the reader gets only the opening (registered and subscriber articles)
 */
public record ArticleView(Site site, Meta meta, ArticleDetail detail, Dateline dateline, String bodyHtml, boolean preview) {}
