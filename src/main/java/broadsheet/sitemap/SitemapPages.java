package broadsheet.sitemap;

import broadsheet.content.Section;
import broadsheet.content.Topic;
import broadsheet.contributor.Contributor;
import broadsheet.contributor.ContributorStore;
import broadsheet.media.ImageStore;
import broadsheet.media.Picture;
import broadsheet.section.SectionStore;
import broadsheet.topic.TopicStore;
import broadsheet.web.CachePolicy;
import broadsheet.web.HttpProblem;
import broadsheet.web.Pages;
import broadsheet.web.Site;
import broadsheet.web.SiteInfo;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sitemaps and {@code /robots.txt}: {@code /sitemap.xml} (the sitemap index), {@code /sitemaps/articles-YYYY-MM.xml}
 * (a month's articles; {@code -N} parts beyond {@link #DEFAULT_URLS_PER_SITEMAP} addresses), {@code /sitemaps/sections.xml},
 * {@code /sitemaps/topics.xml}, {@code /sitemaps/authors.xml}, and {@code /sitemap-news.xml} (Google News: the last
 * 48 hours; an index of {@code /sitemap-news-N.xml} beyond {@link #DEFAULT_URLS_PER_NEWS_SITEMAP}). All are public
 * pages with ETags; addresses are absolute, on the configured base address.
 */
public final class SitemapPages {
    /** The sitemap protocol's limit of addresses in one file. */
    public static final int DEFAULT_URLS_PER_SITEMAP = 50_000;
    /** Google News's limit of addresses in one news sitemap. */
    public static final int DEFAULT_URLS_PER_NEWS_SITEMAP = 1_000;
    /** The language of the paper's articles, as the pages' {@code lang="en-GB"} says it, in ISO 639 for Google News. */
    public static final String DEFAULT_LANGUAGE = "en";
    /** How long an article stays in the news sitemap, as Google News asks. */
    static final Duration NEWS_WINDOW = Duration.ofHours(48);
    private static final String XML = "application/xml; charset=utf-8";
    private static final Pattern MONTH = Pattern.compile("articles-([0-9]{4})-([0-9]{2})(?:-([1-9][0-9]{0,5}))?\\.xml");
    private static final Pattern NEWS_PART = Pattern.compile("([1-9][0-9]{0,5})\\.xml");
    /** Paths no crawler should follow: private pages, forms, and pages that only repeat the articles. */
    static final List<String> DISALLOWED = List.of("/newsroom/", "/account/", "/gift/",
            // search results (any address with a query); the bare search page may be crawled
            "/search?", "/comments/",
            // the Content and Admin APIs answer programs, not search engines
            "/api/");

    private final SitemapStore store;
    private final SectionStore sections;
    private final TopicStore topics;
    private final ContributorStore contributors;
    private final ImageStore images;
    private final SiteInfo siteInfo;
    private final Clock clock;
    private final int urlsPerSitemap;
    private final int urlsPerNews;
    private final String language;

    public SitemapPages(SitemapStore store, SectionStore sections, TopicStore topics, ContributorStore contributors,
                        ImageStore images, SiteInfo siteInfo, Clock clock, int urlsPerSitemap, int urlsPerNews, String language) {
        if (urlsPerSitemap < 1 || urlsPerNews < 1) throw new IllegalArgumentException("a sitemap holds at least one address");
        this.store = store;
        this.sections = sections;
        this.topics = topics;
        this.contributors = contributors;
        this.images = images;
        this.siteInfo = siteInfo;
        this.clock = clock;
        this.urlsPerSitemap = urlsPerSitemap;
        this.urlsPerNews = urlsPerNews;
        this.language = language;
    }

    /** With the protocols' limits and the default language. */
    public SitemapPages(SitemapStore store, SectionStore sections, TopicStore topics, ContributorStore contributors,
                        ImageStore images, SiteInfo siteInfo, Clock clock) {
        this(store, sections, topics, contributors, images, siteInfo, clock, DEFAULT_URLS_PER_SITEMAP,
                DEFAULT_URLS_PER_NEWS_SITEMAP, DEFAULT_LANGUAGE);
    }

    /** {@code /sitemap.xml}: every other sitemap, article months newest first. */
    public void index(Context ctx) {
        Site site = siteInfo.site();
        SitemapXml xml = SitemapXml.index();
        for (SitemapStore.Month m : store.months()) {
            long parts = parts(m.articles(), urlsPerSitemap);
            for (long part = 1; part <= parts; part++) {
                xml.sitemap(site.absolute("/sitemaps/" + monthFile(m.month(), part, parts)), m.lastChange());
            }
        }
        for (String name : List.of("sections", "topics", "authors")) xml.sitemap(site.absolute("/sitemaps/" + name + ".xml"), null);
        xml.sitemap(site.absolute("/sitemap-news.xml"), null);
        send(ctx, xml.bytes(), "sitemaps");
    }

    /** {@code /sitemaps/{file}}: a month's articles (or a part of them), or the sections, topics or authors. */
    public void file(Context ctx) {
        String file = ctx.pathParam("file");
        Site site = siteInfo.site();
        SitemapXml xml = SitemapXml.urlset();
        switch (file) {
            case "sections.xml" -> {
                Map<Long, Instant> latest = store.latest().sections();
                for (Section s : sections.all()) xml.url(site.absolute(s.url()), latest.get(s.id())).end();
            }
            case "topics.xml" -> {
                Map<Long, Instant> latest = store.latest().topics();
                for (Topic t : topics.published()) xml.url(site.absolute(t.url()), latest.get(t.id())).end();
            }
            case "authors.xml" -> {
                Map<Long, Instant> latest = store.latest().writers();
                ContributorStore.Position after = null;
                List<Contributor> batch;
                do {
                    batch = contributors.publicAfter(after, 500);
                    for (Contributor c : batch) xml.url(site.absolute(c.url()), latest.get(c.id())).end();
                    if (!batch.isEmpty()) after = ContributorStore.Position.of(batch.getLast());
                } while (batch.size() == 500);
            }
            default -> month(file, site, xml);
        }
        send(ctx, xml.bytes(), "sitemaps");
    }

    private void month(String file, Site site, SitemapXml xml) {
        Matcher m = MONTH.matcher(file);
        if (!m.matches()) throw HttpProblem.notFound();
        int monthNumber = Integer.parseInt(m.group(2));
        if (monthNumber < 1 || monthNumber > 12) throw HttpProblem.notFound();
        YearMonth month = YearMonth.of(Integer.parseInt(m.group(1)), monthNumber);
        SitemapStore.Month found = store.month(month).orElseThrow(HttpProblem::notFound);
        long parts = parts(found.articles(), urlsPerSitemap);
        long part = m.group(3) == null ? 1 : Long.parseLong(m.group(3));
        // one address for each file: "-1" only when the month is cut into parts, never for a single file
        if ((parts == 1) != (m.group(3) == null) || part > parts) throw HttpProblem.notFound();
        List<SitemapStore.Entry> entries = store.inMonth(month, (part - 1) * urlsPerSitemap, urlsPerSitemap);
        Map<Long, Picture> pictures = images.pictures(entries.stream().map(SitemapStore.Entry::leadImageId).filter(Objects::nonNull).toList());
        for (SitemapStore.Entry e : entries) {
            xml.url(site.absolute(e.path()), e.lastChange());
            Picture p = e.leadImageId() == null ? null : pictures.get(e.leadImageId());
            String image = p == null ? null : largest(p);
            if (image != null) xml.image(site.absolute(image));
            xml.end();
        }
    }

    /** {@code /sitemap-news.xml}: the last 48 hours' articles, or, beyond one file's limit, an index of the parts. */
    public void news(Context ctx) {
        Site site = siteInfo.site();
        List<SitemapStore.Entry> recent = recent();
        if (recent.size() <= urlsPerNews) {
            send(ctx, newsFile(site, recent), "sitemaps news");
            return;
        }
        SitemapXml xml = SitemapXml.index();
        long parts = parts(recent.size(), urlsPerNews);
        for (int part = 1; part <= parts; part++) {
            List<SitemapStore.Entry> slice = slice(recent, part);
            xml.sitemap(site.absolute("/sitemap-news-" + part + ".xml"),
                    slice.stream().map(SitemapStore.Entry::lastChange).max(Comparator.naturalOrder()).orElse(null));
        }
        send(ctx, xml.bytes(), "sitemaps news");
    }

    /** {@code /sitemap-news-N.xml}: one part of the news sitemap, when it has parts. */
    public void newsPart(Context ctx) {
        Matcher m = NEWS_PART.matcher(ctx.pathParam("part"));
        if (!m.matches()) throw HttpProblem.notFound();
        List<SitemapStore.Entry> recent = recent();
        int part = Integer.parseInt(m.group(1));
        if (recent.size() <= urlsPerNews || part > parts(recent.size(), urlsPerNews)) throw HttpProblem.notFound();
        send(ctx, newsFile(siteInfo.site(), slice(recent, part)), "sitemaps news");
    }

    /** {@code /robots.txt}: where the sitemaps are, and what crawlers leave alone. */
    public void robots(Context ctx) {
        Site site = siteInfo.site();
        StringBuilder text = new StringBuilder("User-agent: *\n");
        for (String path : DISALLOWED) text.append("Disallow: ").append(path).append('\n');
        text.append('\n').append("Sitemap: ").append(site.absolute("/sitemap.xml")).append('\n')
                .append("Sitemap: ").append(site.absolute("/sitemap-news.xml")).append('\n');
        Pages.sendUncached(ctx, text.toString().getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8",
                CachePolicy.PUBLIC_PAGE, List.of("robots"));
    }

    /** The news sitemap's articles, newest first: never more than the parts it may have could hold. */
    private List<SitemapStore.Entry> recent() {
        Instant now = clock.instant();
        return store.since(now.minus(NEWS_WINDOW), urlsPerNews * 50);
    }

    private List<SitemapStore.Entry> slice(List<SitemapStore.Entry> all, int part) {
        return all.subList((part - 1) * urlsPerNews, Math.min(all.size(), part * urlsPerNews));
    }

    private byte[] newsFile(Site site, List<SitemapStore.Entry> entries) {
        SitemapXml xml = SitemapXml.urlset();
        for (SitemapStore.Entry e : entries) {
            xml.url(site.absolute(e.path()), e.lastChange()).news(site.name(), language, e.firstPublished(), e.headline()).end();
        }
        return xml.bytes();
    }

    private static String monthFile(YearMonth month, long part, long parts) {
        return "articles-" + month + (parts > 1 ? "-" + part : "") + ".xml";
    }

    private static long parts(long urls, int perFile) {
        return Math.max(1, (urls + perFile - 1) / perFile);
    }

    /** The picture's widest rendition, the one a search engine should index. */
    private static String largest(Picture p) {
        return p.renditions().stream().max(Comparator.comparingInt(Picture.Size::width)).map(Picture.Size::url).orElse(null);
    }

    private static void send(Context ctx, byte[] body, String keys) {
        Pages.sendUncached(ctx, body, XML, CachePolicy.PUBLIC_PAGE, List.of(keys.split(" ")));
    }
}
