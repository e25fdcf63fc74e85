package broadsheet.article;

import broadsheet.web.Meta;
import broadsheet.web.Site;

/**
 * A paginated list of articles under a heading: a section, a topic, a contributor or the latest news.
 *
 * @param kicker    a small line above the heading ("Topic", a job title), or empty
 * @param about     text under the heading (a description or a bio), or empty
 * @param current   the section slug to mark in the navigation, or empty
 * @param basePath  the listing's address without {@code ?page}
 */
public record ListingView(Site site, Meta meta, String kicker, String heading, String about, String current,
                          Page<ArticleCard> page, String basePath, boolean showSection) {}
