package broadsheet.feed;

import broadsheet.article.ArticleCard;
import broadsheet.article.Byline;
import broadsheet.content.Topic;
import broadsheet.media.Picture;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The feeds as {@link FeedWriter} wrote them with the JDK's {@link XMLStreamWriter} until it learnt to write them
 * straight into one buffer: kept as the reference {@link FeedWriterTest} compares the faster writer with.
 */
final class StaxFeedWriter {
    private static final String ATOM = FeedWriter.ATOM;
    private static final String CONTENT = FeedWriter.CONTENT;
    private static final String DC = FeedWriter.DC;
    private static final String MEDIA = FeedWriter.MEDIA;
    private static final DateTimeFormatter RFC_822 = FeedWriter.RFC_822;
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private StaxFeedWriter() {}

    static byte[] rss(FeedWriter.Channel channel, List<FeedWriter.Entry> entries) {
        return write(w -> {
            w.writeStartElement("rss");
            w.writeAttribute("version", "2.0");
            w.writeNamespace("atom", ATOM);
            w.writeNamespace("content", CONTENT);
            w.writeNamespace("dc", DC);
            w.writeNamespace("media", MEDIA);
            w.writeStartElement("channel");
            text(w, "title", channel.title());
            text(w, "link", channel.page());
            text(w, "description", channel.description());
            text(w, "language", "en-gb");
            if (!entries.isEmpty()) text(w, "lastBuildDate", RFC_822.format(channel.updated()));
            w.writeEmptyElement("atom", "link", ATOM);
            w.writeAttribute("href", channel.page() + "rss.xml");
            w.writeAttribute("rel", "self");
            w.writeAttribute("type", "application/rss+xml");
            for (FeedWriter.Entry e : entries) {
                ArticleCard c = e.card();
                w.writeStartElement("item");
                text(w, "title", c.headline());
                text(w, "link", channel.baseUrl() + c.url());
                w.writeStartElement("guid");
                w.writeAttribute("isPermaLink", "false");
                w.writeCharacters(FeedWriter.tag(channel.baseUrl(), c));
                w.writeEndElement();
                text(w, "pubDate", RFC_822.format(c.published()));
                for (Byline b : c.bylines()) {
                    w.writeStartElement("dc", "creator", DC);
                    w.writeCharacters(FeedWriter.clean(b.name()));
                    w.writeEndElement();
                }
                text(w, "category", c.section().name());
                for (Topic t : e.topics()) text(w, "category", t.name());
                text(w, "description", c.standfirst());
                leadPicture(w, c, channel.baseUrl());
                w.writeStartElement("content", "encoded", CONTENT);
                w.writeCData(cdata(absolute(e.content(), channel.baseUrl())));
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    static byte[] atom(FeedWriter.Channel channel, List<FeedWriter.Entry> entries) {
        return write(w -> {
            w.setDefaultNamespace(ATOM);
            w.writeStartElement(ATOM, "feed");
            w.writeDefaultNamespace(ATOM);
            w.writeNamespace("media", MEDIA);
            w.writeAttribute("xml:lang", "en-GB");
            text(w, "id", channel.page());
            text(w, "title", channel.title());
            if (!channel.description().isEmpty()) text(w, "subtitle", channel.description());
            text(w, "updated", channel.updated().toString());
            link(w, "self", channel.page() + "atom.xml", "application/atom+xml");
            link(w, "alternate", channel.page(), "text/html");
            // the paper is the author of an entry without a byline (RFC 4287 wants one for every entry)
            w.writeStartElement("author");
            text(w, "name", channel.title().contains(": ") ? channel.title().substring(0, channel.title().indexOf(": ")) : channel.title());
            text(w, "uri", channel.baseUrl() + "/");
            w.writeEndElement();
            for (FeedWriter.Entry e : entries) {
                ArticleCard c = e.card();
                w.writeStartElement("entry");
                text(w, "id", FeedWriter.tag(channel.baseUrl(), c));
                text(w, "title", c.headline());
                link(w, "alternate", channel.baseUrl() + c.url(), "text/html");
                text(w, "published", c.published().toString());
                text(w, "updated", e.updated().toString());
                for (Byline b : c.bylines()) {
                    w.writeStartElement("author");
                    text(w, "name", b.name());
                    text(w, "uri", channel.baseUrl() + b.url());
                    w.writeEndElement();
                }
                category(w, c.section().slug(), c.section().name());
                for (Topic t : e.topics()) category(w, t.slug(), t.name());
                w.writeStartElement("summary");
                w.writeAttribute("type", "text");
                w.writeCharacters(FeedWriter.clean(c.standfirst()));
                w.writeEndElement();
                leadPicture(w, c, channel.baseUrl());
                w.writeStartElement("content");
                w.writeAttribute("type", "html");
                w.writeCharacters(FeedWriter.clean(absolute(e.content(), channel.baseUrl())));
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    /**
     * The lead picture as Media RSS's {@code <media:content>} (the widest JPEG, its size, alt text and credit), which
     * feed readers and aggregators show beside the headline. RSS's own {@code <enclosure>} needs the file's length in
     * bytes and is meant for podcasts; Media RSS is what readers look for, in RSS and Atom alike.
     */
    private static void leadPicture(XMLStreamWriter w, ArticleCard c, String baseUrl) throws XMLStreamException {
        Picture p = c.picture();
        if (p == null || p.jpeg().isEmpty()) return;
        Picture.Size size = p.largestSize();
        w.writeStartElement("media", "content", MEDIA);
        w.writeAttribute("url", baseUrl + size.url());
        w.writeAttribute("medium", "image");
        w.writeAttribute("type", "image/jpeg");
        w.writeAttribute("width", Integer.toString(size.width()));
        w.writeAttribute("height", Integer.toString(size.height()));
        if (p.alt() != null && !p.alt().isBlank()) media(w, "description", p.alt());
        if (p.credit() != null && !p.credit().isBlank()) media(w, "credit", p.credit());
        w.writeEndElement();
    }

    /** Cleaned text for a CDATA section, with any {@code ]]>} split across two sections. */
    private static String cdata(String html) {
        return FeedWriter.clean(html).replace("]]>", "]]]]><![CDATA[>");
    }

    /** Links and pictures of the body made absolute: a feed reader has no page address to resolve them against. */
    private static String absolute(String html, String baseUrl) {
        return html.replace("href=\"/", "href=\"" + baseUrl + "/").replace("src=\"/", "src=\"" + baseUrl + "/")
                .replace("srcset=\"/", "srcset=\"" + baseUrl + "/").replace(", /media/", ", " + baseUrl + "/media/");
    }

    private static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(FeedWriter.clean(value));
        w.writeEndElement();
    }

    private static void media(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement("media", name, MEDIA);
        w.writeCharacters(FeedWriter.clean(value));
        w.writeEndElement();
    }

    private static void link(XMLStreamWriter w, String rel, String href, String type) throws XMLStreamException {
        w.writeEmptyElement("link");
        w.writeAttribute("rel", rel);
        w.writeAttribute("type", type);
        w.writeAttribute("href", FeedWriter.clean(href));
    }

    private static void category(XMLStreamWriter w, String term, String label) throws XMLStreamException {
        w.writeEmptyElement("category");
        w.writeAttribute("term", FeedWriter.clean(term));
        w.writeAttribute("label", FeedWriter.clean(label));
    }

    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static byte[] write(Body body) {
        // written as text and encoded once (the writer's own UTF-8 stream encodes a character at a time)
        var out = new StringWriter(64 * 1024);
        try {
            XMLStreamWriter w = FACTORY.createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            body.write(w);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing a feed failed", e);
        }
        // a final newline, as a text file has
        return out.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }
}
