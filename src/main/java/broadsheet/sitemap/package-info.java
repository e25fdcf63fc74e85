/**
 * Sitemaps and robots.txt: what search engines are told to crawl, and what to leave alone.
 *
 * <p>Words used here: the <em>sitemap index</em> ({@code /sitemap.xml}) lists the other sitemaps; an <em>article
 * sitemap</em> holds the published articles of one calendar month (UTC), cut into numbered <em>parts</em> when the month
 * has more than the sitemap protocol's 50,000 addresses; the <em>news sitemap</em> ({@code /sitemap-news.xml}) follows
 * Google News and holds only articles first published in the last 48 hours, itself an index of numbered parts beyond
 * 1,000; an entry's <em>lastmod</em> is the article's last editorial change (its update time, else its first publication).
 */
package broadsheet.sitemap;
