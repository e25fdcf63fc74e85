package broadsheet.feed;

import broadsheet.article.ArticleQueries;
import broadsheet.content.Section;
import broadsheet.content.Topic;
import broadsheet.contributor.Contributor;
import broadsheet.contributor.ContributorStore;
import broadsheet.section.SectionStore;
import broadsheet.topic.TopicStore;
import broadsheet.web.CachePolicy;
import broadsheet.web.HttpProblem;
import broadsheet.web.Pages;
import broadsheet.web.ReaderAccess;
import broadsheet.web.Site;
import broadsheet.web.SiteInfo;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Jdbi;

/**
 * The feeds: {@code /rss.xml} and {@code /atom.xml} for the site, and the same two under each section
 * ({@code /world/rss.xml}), topic ({@code /topics/{slug}/rss.xml}) and contributor ({@code /authors/{slug}/rss.xml}).
 * Each holds the latest {@value #SIZE} published articles, newest first, read in one statement ({@link FeedQueries}). An unknown
 * (or still private) section, topic or contributor answers 404 as its page does. Answers are public and cached like
 * pages, with an {@code ETag} and a {@code Last-Modified} (the newest change in the feed), and 304 when the reader has them.
 * Every request reads which articles its feed lists afresh; each article's entry is written and compressed once per
 * version of the article ({@link FeedEntries}), and forgotten when anything else it shows changes ({@link #changed}).
 */
public final class FeedPages {
    public static final int SIZE = 50;
    /** Below this a feed is sent as it is, as {@link Pages} sends small bodies. */
    private static final int GZIP_MIN_BYTES = 1024;
    /** How much of the feeds' heads and tails is kept compressed, in characters: a few hundred feeds' worth. */
    private static final long HEADS_KEPT_CHARS = 512L * 1024;
    /** How many bytes of written entries are kept: some 16 MB, a few thousand articles' entries with their bodies. */
    private static final long ENTRIES_KEPT_BYTES = 16L * 1024 * 1024;
    private static final String RSS_TYPE = "application/rss+xml; charset=utf-8";
    private static final String ATOM_TYPE = "application/atom+xml; charset=utf-8";
    private final FeedQueries queries;
    private final SectionStore sections;
    private final TopicStore topics;
    private final ContributorStore contributors;
    private final BooleanSupplier fullText;
    private final Pages pages;
    private final SiteInfo siteInfo;
    private final boolean pageCache;
    private final FeedGzip gzip = new FeedGzip(HEADS_KEPT_CHARS);
    private final FeedEntries entries = new FeedEntries(ENTRIES_KEPT_BYTES);

    /**
     * {@code fullText}: whether free articles' bodies go into the feeds (the newsroom's setting); {@code pageCache}: whether
     * the page cache keeps answers (then feeds are sent through {@link Pages#send}, which offers them to it).
     */
    public FeedPages(Jdbi jdbi, SectionStore sections, TopicStore topics, ContributorStore contributors,
                     BooleanSupplier fullText, Pages pages, SiteInfo siteInfo, boolean pageCache) {
        this.queries = new FeedQueries(jdbi);
        this.sections = sections;
        this.topics = topics;
        this.contributors = contributors;
        this.fullText = fullText;
        this.pages = pages;
        this.siteInfo = siteInfo;
        this.pageCache = pageCache;
    }

    /** What a feed lists and where its page is. */
    private record Subject(ArticleQueries.Filter filter, String path, String name, String surrogateKey) {}

    public void siteRss(Context ctx) {
        send(ctx, site(), false);
    }

    public void siteAtom(Context ctx) {
        send(ctx, site(), true);
    }

    public void sectionRss(Context ctx) {
        send(ctx, section(ctx), false);
    }

    public void sectionAtom(Context ctx) {
        send(ctx, section(ctx), true);
    }

    public void topicRss(Context ctx) {
        send(ctx, topic(ctx), false);
    }

    public void topicAtom(Context ctx) {
        send(ctx, topic(ctx), true);
    }

    public void authorRss(Context ctx) {
        send(ctx, author(ctx), false);
    }

    public void authorAtom(Context ctx) {
        send(ctx, author(ctx), true);
    }

    /**
     * Something a feed entry may show besides the article's own row has changed (a section's, contributor's or topic's
     * name, a picture's words, the settings): entries are written again from the database as feeds are asked for.
     */
    public void changed() {
        entries.clear();
    }

    private static Subject site() {
        return new Subject(new ArticleQueries.Filter.All(), "/", "", "home");
    }

    private Subject section(Context ctx) {
        Section s = sections.bySlug(ctx.pathParam("section")).orElseThrow(HttpProblem::notFound);
        return new Subject(new ArticleQueries.Filter.InSection(s.id()), s.url(), s.name(), "section-" + s.slug());
    }

    private Subject topic(Context ctx) {
        // a topic or byline only drafts have is private, as on its page
        Topic t = topics.bySlug(ctx.pathParam("slug")).filter(x -> topics.isPublic(x.id())).orElseThrow(HttpProblem::notFound);
        return new Subject(new ArticleQueries.Filter.WithTopic(t.id()), t.url(), t.name(), "topic-" + t.slug());
    }

    private Subject author(Context ctx) {
        Contributor c = contributors.bySlug(ctx.pathParam("slug")).filter(x -> contributors.isPublic(x.id()))
                .orElseThrow(HttpProblem::notFound);
        return new Subject(new ArticleQueries.Filter.ByContributor(c.id()), c.url(), c.name(), "contributor-" + c.slug());
    }

    private void send(Context ctx, Subject subject, boolean atom) {
        Site site = siteInfo.site();
        boolean full = fullText.getAsBoolean();
        List<FeedQueries.Listed> listed = queries.listed(subject.filter(), SIZE);
        List<FeedEntries.Kept> items = entries.entries(listed, atom, full, site.baseUrl(), ids -> queries.items(ids, full));
        Instant updated = Instant.EPOCH;
        for (FeedEntries.Kept x : items) {
            if (x.updated().isAfter(updated)) updated = x.updated();
        }
        String title = subject.name().isEmpty() ? site.name() : site.name() + ": " + subject.name();
        String description = !site.tagline().isEmpty() ? site.tagline()
                : subject.name().isEmpty() ? "The latest stories from " + site.name() + "."
                : "The latest on " + subject.name() + " from " + site.name() + ".";
        var channel = new FeedWriter.Channel(title, description, site.baseUrl(), subject.path(), updated);
        String lastModified = Pages.httpDate(updated);
        String head = atom ? FeedWriter.atomHead(channel) : FeedWriter.rssHead(channel, !items.isEmpty());
        String tail = atom ? FeedWriter.ATOM_TAIL : FeedWriter.RSS_TAIL;
        String type = atom ? ATOM_TYPE : RSS_TYPE;
        List<String> keys = List.of("feeds", subject.surrogateKey());
        if (pageCache || ReaderAccess.current(ctx).isPresent()) {
            // compressed once for many requests by the page cache, or private to a signed-in reader: as pages are sent
            pages.send(ctx, bytes(head, items, tail), type, CachePolicy.PUBLIC_PAGE, keys, Map.of("Last-Modified", lastModified));
            return;
        }
        List<FeedGzip.Piece> pieces = new ArrayList<>(items.size() + 2);
        pieces.add(gzip.piece(head));
        for (FeedEntries.Kept x : items) pieces.add(x.piece());
        pieces.add(gzip.piece(tail));
        FeedGzip.Compressed compressed = FeedGzip.compress(pieces);
        boolean gzipped = compressed.length() >= GZIP_MIN_BYTES && Pages.acceptsGzip(ctx.header("Accept-Encoding"));
        ctx.header("Cache-Control", CachePolicy.PUBLIC_PAGE.header());
        ctx.header("Vary", "Accept-Encoding");
        ctx.header("ETag", "\"" + compressed.version() + (gzipped ? "-gz" : "") + "\"");
        ctx.header("Surrogate-Key", String.join(" ", keys));
        ctx.header("Last-Modified", lastModified);
        if (Pages.notModified(ctx.header("If-None-Match"), ctx.header("If-Modified-Since"), compressed.version(), Pages.httpDate(updated))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(type);
        if (gzipped) {
            ctx.header("Content-Encoding", "gzip");
            ctx.result(compressed.gzip());
        } else {
            ctx.result(bytes(head, items, tail));
        }
    }

    /** The feed as it is sent uncompressed: its head, its entries and its tail, as UTF-8. */
    private static byte[] bytes(String head, List<FeedEntries.Kept> items, String tail) {
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] t = tail.getBytes(StandardCharsets.UTF_8);
        int size = h.length + t.length;
        for (FeedEntries.Kept x : items) size += x.utf8().length;
        var out = new ByteArrayOutputStream(size);
        out.writeBytes(h);
        for (FeedEntries.Kept x : items) out.writeBytes(x.utf8());
        out.writeBytes(t);
        return out.toByteArray();
    }
}
