package broadsheet.feed;

import broadsheet.article.ArticleCard;
import broadsheet.article.Byline;
import broadsheet.content.AccessLevel;
import broadsheet.content.Topic;
import broadsheet.media.Picture;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a feed as RSS 2.0 or Atom (RFC 4287) straight into one buffer, every text and attribute escaped as XML wants
 * and with the characters XML 1.0 forbids taken out first. Knows nothing of HTTP: {@link FeedPages} serves what it writes.
 */
final class FeedWriter {
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String MEDIA = "http://search.yahoo.com/mrss/";
    static final DateTimeFormatter RFC_822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    /**
     * What one feed is about.
     *
     * @param title       the paper's name, with the section's, topic's or contributor's
     * @param description the paper's tagline (or a plain line)
     * @param baseUrl     the site's public address, without a trailing slash
     * @param pagePath    the page the feed follows ({@code /}, {@code /world/})
     * @param updated     when the newest change in it was made (the epoch for an empty feed)
     */
    record Channel(String title, String description, String baseUrl, String pagePath, Instant updated) {
        String page() {
            return baseUrl + pagePath;
        }
    }

    /** One article of a feed: its card, its body as HTML and topics, and whether its body may be carried. */
    record Entry(ArticleCard card, String bodyHtml, List<Topic> topics, boolean fullText) {
        /** The body for a free article when full text is on; otherwise the standfirst as a paragraph. */
        String content() {
            return fullText && card.access() == AccessLevel.FREE ? bodyHtml : "<p>" + escape(card.standfirst()) + "</p>";
        }

        Instant updated() {
            return card.lastSignificantChange();
        }
    }

    private FeedWriter() {}

    /**
     * A written feed in pieces: the head (the XML declaration and the channel), one piece per entry, and the tail
     * (with the final newline a text file has). Joined, they are the feed; apart, each can be compressed on its own.
     */
    record Written(List<String> parts) {
        byte[] bytes() {
            return String.join("", parts).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The RSS feed whole: its head, an item per entry and its tail. */
    static Written rss(Channel channel, List<Entry> entries) {
        var parts = new ArrayList<String>(entries.size() + 2);
        parts.add(rssHead(channel, !entries.isEmpty()));
        for (Entry e : entries) parts.add(rssItem(channel.baseUrl(), e));
        parts.add(RSS_TAIL);
        return new Written(parts);
    }

    /** The end of an RSS feed, with the final newline a text file has. */
    static final String RSS_TAIL = "</channel></rss>\n";

    /** The XML declaration and the RSS channel up to its first item ({@code lastBuildDate} only when it has items). */
    static String rssHead(Channel channel, boolean hasItems) {
        var b = new StringBuilder(1024).append(DECLARATION);
        b.append("<rss version=\"2.0\" xmlns:atom=\"").append(ATOM).append("\" xmlns:content=\"").append(CONTENT)
                .append("\" xmlns:dc=\"").append(DC).append("\" xmlns:media=\"").append(MEDIA).append("\"><channel>");
        text(b, "title", channel.title());
        text(b, "link", channel.page());
        text(b, "description", channel.description());
        text(b, "language", "en-gb");
        if (hasItems) text(b, "lastBuildDate", RFC_822.format(channel.updated()));
        b.append("<atom:link href=\"");
        attribute(b, channel.page() + "rss.xml");
        b.append("\" rel=\"self\" type=\"application/rss+xml\"/>");
        return b.toString();
    }

    /**
     * One article as an RSS item. It depends on the article and the site's address alone, never on the feed it is in,
     * so the same text serves every feed that lists the article.
     */
    static String rssItem(String baseUrl, Entry e) {
        ArticleCard c = e.card();
        var b = entryBuffer(e);
        b.append("<item>");
        text(b, "title", c.headline());
        text(b, "link", baseUrl + c.url());
        b.append("<guid isPermaLink=\"false\">");
        escape(b, tag(baseUrl, c));
        b.append("</guid>");
        text(b, "pubDate", RFC_822.format(c.published()));
        for (Byline by : c.bylines()) text(b, "dc:creator", by.name());
        text(b, "category", c.section().name());
        for (Topic t : e.topics()) text(b, "category", t.name());
        text(b, "description", c.standfirst());
        leadPicture(b, c, baseUrl);
        b.append("<content:encoded><![CDATA[");
        body(b, e.content(), baseUrl, true);
        b.append("]]></content:encoded>");
        b.append("</item>");
        return b.toString();
    }

    /** The Atom feed whole: its head, an entry per article and its tail. */
    static Written atom(Channel channel, List<Entry> entries) {
        var parts = new ArrayList<String>(entries.size() + 2);
        parts.add(atomHead(channel));
        for (Entry e : entries) parts.add(atomEntry(channel.baseUrl(), e));
        parts.add(ATOM_TAIL);
        return new Written(parts);
    }

    /** The end of an Atom feed, with the final newline a text file has. */
    static final String ATOM_TAIL = "</feed>\n";

    /** The XML declaration and the Atom feed's own elements, up to its first entry. */
    static String atomHead(Channel channel) {
        var b = new StringBuilder(1024).append(DECLARATION);
        b.append("<feed xmlns=\"").append(ATOM).append("\" xmlns:media=\"").append(MEDIA).append("\" xml:lang=\"en-GB\">");
        text(b, "id", channel.page());
        text(b, "title", channel.title());
        if (!channel.description().isEmpty()) text(b, "subtitle", channel.description());
        text(b, "updated", channel.updated().toString());
        link(b, "self", channel.page() + "atom.xml", "application/atom+xml");
        link(b, "alternate", channel.page(), "text/html");
        // the paper is the author of an entry without a byline (RFC 4287 wants one for every entry)
        b.append("<author>");
        text(b, "name", channel.title().contains(": ") ? channel.title().substring(0, channel.title().indexOf(": ")) : channel.title());
        text(b, "uri", channel.baseUrl() + "/");
        b.append("</author>");
        return b.toString();
    }

    /** One article as an Atom entry; like {@link #rssItem}, the same in every feed that lists it. */
    static String atomEntry(String baseUrl, Entry e) {
        ArticleCard c = e.card();
        var b = entryBuffer(e);
        b.append("<entry>");
        text(b, "id", tag(baseUrl, c));
        text(b, "title", c.headline());
        link(b, "alternate", baseUrl + c.url(), "text/html");
        text(b, "published", c.published().toString());
        text(b, "updated", e.updated().toString());
        for (Byline by : c.bylines()) {
            b.append("<author>");
            text(b, "name", by.name());
            text(b, "uri", baseUrl + by.url());
            b.append("</author>");
        }
        category(b, c.section().slug(), c.section().name());
        for (Topic t : e.topics()) category(b, t.slug(), t.name());
        b.append("<summary type=\"text\">");
        escape(b, clean(c.standfirst()));
        b.append("</summary>");
        leadPicture(b, c, baseUrl);
        b.append("<content type=\"html\">");
        body(b, e.content(), baseUrl, false);
        b.append("</content></entry>");
        return b.toString();
    }

    /**
     * The lead picture as Media RSS's {@code <media:content>} (the widest JPEG, its size, alt text and credit), which
     * feed readers and aggregators show beside the headline. RSS's own {@code <enclosure>} needs the file's length in
     * bytes and is meant for podcasts; Media RSS is what readers look for, in RSS and Atom alike.
     */
    private static void leadPicture(StringBuilder b, ArticleCard c, String baseUrl) {
        Picture p = c.picture();
        if (p == null || p.jpeg().isEmpty()) return;
        Picture.Size size = p.largestSize();
        b.append("<media:content url=\"");
        attribute(b, baseUrl + size.url());
        b.append("\" medium=\"image\" type=\"image/jpeg\" width=\"").append(size.width()).append("\" height=\"").append(size.height())
                .append("\">");
        if (p.alt() != null && !p.alt().isBlank()) text(b, "media:description", p.alt());
        if (p.credit() != null && !p.credit().isBlank()) text(b, "media:credit", p.credit());
        b.append("</media:content>");
    }

    /**
     * An article's id in feeds: a tag URI (RFC 4151) of the site's host, the day it was first published and its id,
     * so it never changes when the article is retitled or moved.
     */
    static String tag(String baseUrl, ArticleCard c) {
        String host = URI.create(baseUrl).getHost();
        return "tag:" + (host == null ? "localhost" : host) + "," + DAY.format(c.published()) + ":article:" + c.id();
    }

    /** Text with the characters XML 1.0 forbids (most control characters, lone surrogates, U+FFFE/FFFF) left out. */
    static String clean(String text) {
        if (text == null) return "";
        if (plain(text)) return text;
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            boolean allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
            if (allowed) out.appendCodePoint(cp);
        }
        return out.toString();
    }

    /** Whether every character of the text is one XML allows outside the surrogate range (nearly every text: nothing to copy). */
    private static boolean plain(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (!((c >= 0x20 && c < 0xD800) || c == 0x9 || c == 0xA || c == 0xD || (c >= 0xE000 && c <= 0xFFFD))) return false;
        }
        return true;
    }

    /** Where a body's links and pictures point into the site, and what each becomes with the site's address before it. */
    private static final String[] SITE_PATHS = {"href=\"/", "src=\"/", "srcset=\"/", ", /media/"};
    private static final String[] SITE_PATH_HEADS = {"href=\"", "src=\"", "srcset=\"", ", "};

    /**
     * An entry's body in one pass over it: its links and pictures made absolute (a feed reader has no page address to
     * resolve them against), the characters XML forbids left out, and then either made safe for a CDATA section (any
     * {@code ]]>} split across two sections) or escaped as character data.
     */
    private static void body(StringBuilder b, String html, String baseUrl, boolean cdata) {
        char last = 0;
        char beforeLast = 0;
        for (int i = 0, n = html.length(); i < n; ) {
            char c = html.charAt(i);
            int site = c == 'h' || c == 's' || c == ',' ? sitePath(html, i) : -1;
            if (site >= 0) {
                String head = SITE_PATHS[site];
                b.append(SITE_PATH_HEADS[site]).append(baseUrl).append(head, SITE_PATH_HEADS[site].length(), head.length());
                i += head.length();
                beforeLast = head.charAt(head.length() - 2);
                last = head.charAt(head.length() - 1);
                continue;
            }
            int cp = html.codePointAt(i);
            i += Character.charCount(cp);
            boolean allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
            if (!allowed) continue;
            if (cdata) {
                if (cp == '>' && last == ']' && beforeLast == ']') b.append("]]><![CDATA[");
                b.appendCodePoint(cp);
            } else {
                switch (cp) {
                    case '<' -> b.append("&lt;");
                    case '>' -> b.append("&gt;");
                    case '&' -> b.append("&amp;");
                    default -> b.appendCodePoint(cp);
                }
            }
            beforeLast = last;
            last = cp < 0x10000 ? (char) cp : 0;
        }
    }

    /** Which of {@link #SITE_PATHS} starts at {@code i}, or -1. */
    private static int sitePath(String html, int i) {
        for (int k = 0; k < SITE_PATHS.length; k++) {
            if (html.startsWith(SITE_PATHS[k], i)) return k;
        }
        return -1;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** {@code <name>text</name>}, the text cleaned and escaped. */
    private static void text(StringBuilder b, String name, String value) {
        b.append('<').append(name).append('>');
        escape(b, clean(value));
        b.append("</").append(name).append('>');
    }

    private static void link(StringBuilder b, String rel, String href, String type) {
        b.append("<link rel=\"");
        attribute(b, rel);
        b.append("\" type=\"");
        attribute(b, type);
        b.append("\" href=\"");
        attribute(b, clean(href));
        b.append("\"/>");
    }

    private static void category(StringBuilder b, String term, String label) {
        b.append("<category term=\"");
        attribute(b, clean(term));
        b.append("\" label=\"");
        attribute(b, clean(label));
        b.append("\"/>");
    }

    /** Character data with {@code <}, {@code &} and {@code >} escaped. */
    static void escape(StringBuilder b, String text) {
        escape(b, text, false);
    }

    /** An attribute value (in double quotes) with {@code <}, {@code &}, {@code >} and {@code "} escaped. */
    static void attribute(StringBuilder b, String text) {
        escape(b, text, true);
    }

    private static void escape(StringBuilder b, String text, boolean quotes) {
        int from = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            String entity = switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> quotes ? "&quot;" : null;
                default -> null;
            };
            if (entity == null) continue;
            b.append(text, from, i).append(entity);
            from = i + 1;
        }
        b.append(text, from, text.length());
    }

    /** Ends the piece being written and starts the next, sized for this entry (or for the tail). */
    /** A buffer the size an entry's text is likely to need (its body, with room for what escaping adds). */
    private static StringBuilder entryBuffer(Entry e) {
        return new StringBuilder(1024 + (e.fullText() ? e.bodyHtml().length() + e.bodyHtml().length() / 8 : 0));
    }
}
