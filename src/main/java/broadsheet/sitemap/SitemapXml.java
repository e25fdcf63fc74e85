package broadsheet.sitemap;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes one sitemap document with {@link XMLStreamWriter}, which escapes every text and attribute: a {@code urlset}
 * or a {@code sitemapindex} of the sitemaps.org 0.9 protocol, with Google's image and news namespaces declared on a
 * urlset. Dates are W3C datetimes in UTC, to the second.
 */
final class SitemapXml {
    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String IMAGE_NS = "http://www.google.com/schemas/sitemap-image/1.1";
    static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newInstance();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    private final XMLStreamWriter xml;

    private SitemapXml(String root, boolean extensions) {
        try {
            xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(SITEMAP_NS);
            xml.writeStartElement(SITEMAP_NS, root);
            xml.writeDefaultNamespace(SITEMAP_NS);
            if (extensions) {
                xml.setPrefix("image", IMAGE_NS);
                xml.setPrefix("news", NEWS_NS);
                xml.writeNamespace("image", IMAGE_NS);
                xml.writeNamespace("news", NEWS_NS);
            }
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A {@code <urlset>}. */
    static SitemapXml urlset() {
        return new SitemapXml("urlset", true);
    }

    /** A {@code <sitemapindex>}. */
    static SitemapXml index() {
        return new SitemapXml("sitemapindex", false);
    }

    static String w3c(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    /** An index's {@code <sitemap>}: its address and, when known, its last change. */
    SitemapXml sitemap(String loc, Instant lastmod) {
        return run(() -> {
            xml.writeStartElement(SITEMAP_NS, "sitemap");
            text(SITEMAP_NS, "loc", loc);
            if (lastmod != null) text(SITEMAP_NS, "lastmod", w3c(lastmod));
            xml.writeEndElement();
        });
    }

    /** Opens a {@code <url>} with its address and, when known, its last change; {@link #end()} closes it. */
    SitemapXml url(String loc, Instant lastmod) {
        return run(() -> {
            xml.writeStartElement(SITEMAP_NS, "url");
            text(SITEMAP_NS, "loc", loc);
            if (lastmod != null) text(SITEMAP_NS, "lastmod", w3c(lastmod));
        });
    }

    /** An {@code <image:image>} inside the open url. */
    SitemapXml image(String loc) {
        return run(() -> {
            xml.writeStartElement(IMAGE_NS, "image");
            text(IMAGE_NS, "loc", loc);
            xml.writeEndElement();
        });
    }

    /** A {@code <news:news>} inside the open url. */
    SitemapXml news(String publication, String language, Instant published, String title) {
        return run(() -> {
            xml.writeStartElement(NEWS_NS, "news");
            xml.writeStartElement(NEWS_NS, "publication");
            text(NEWS_NS, "name", publication);
            text(NEWS_NS, "language", language);
            xml.writeEndElement();
            text(NEWS_NS, "publication_date", w3c(published));
            text(NEWS_NS, "title", title);
            xml.writeEndElement();
        });
    }

    /** Closes the open url. */
    SitemapXml end() {
        return run(xml::writeEndElement);
    }

    /** The finished document. */
    byte[] bytes() {
        run(() -> {
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        });
        return out.toByteArray();
    }

    private void text(String ns, String name, String value) throws XMLStreamException {
        xml.writeStartElement(ns, name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private interface Step {
        void run() throws XMLStreamException;
    }

    private SitemapXml run(Step step) {
        try {
            step.run();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }
}
