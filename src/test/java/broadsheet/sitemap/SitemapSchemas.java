package broadsheet.sitemap;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Checks sitemaps against the schemas in {@code src/test/resources/sitemap/}, written from the sitemaps.org 0.9
 * protocol and Google's image and news extensions (no network), and reads them as DOM documents.
 */
final class SitemapSchemas {
    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String IMAGE_NS = "http://www.google.com/schemas/sitemap-image/1.1";
    static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
    private static final Schema URLSET = schema("sitemap.xsd", "image.xsd", "news.xsd");
    private static final Schema INDEX = schema("siteindex.xsd");

    private SitemapSchemas() {}

    private static Schema schema(String... files) {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            StreamSource[] sources = new StreamSource[files.length];
            for (int i = 0; i < files.length; i++) {
                sources[i] = new StreamSource(SitemapSchemas.class.getResource("/sitemap/" + files[i]).toExternalForm());
            }
            return factory.newSchema(sources);
        } catch (SAXException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Throws unless the document is a valid urlset (with valid image and news entries). */
    static Document validUrlset(String xml) throws Exception {
        URLSET.newValidator().validate(new StreamSource(new StringReader(xml)));
        return parse(xml);
    }

    /** Throws unless the document is a valid sitemap index. */
    static Document validIndex(String xml) throws Exception {
        INDEX.newValidator().validate(new StreamSource(new StringReader(xml)));
        return parse(xml);
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** The text of every element of this name and namespace, in document order. */
    static List<String> texts(Document doc, String ns, String name) {
        NodeList nodes = doc.getElementsByTagNameNS(ns, name);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) out.add(nodes.item(i).getTextContent());
        return out;
    }

    /** The {@code <loc>}s of a urlset's urls or an index's sitemaps (not the images'). */
    static List<String> locs(Document doc) {
        NodeList nodes = doc.getElementsByTagNameNS(SITEMAP_NS, "loc");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) out.add(nodes.item(i).getTextContent());
        return out;
    }

    /** The first child element of this name under the url whose loc is given. */
    static String inUrl(Document doc, String loc, String ns, String name) {
        NodeList urls = doc.getElementsByTagNameNS(SITEMAP_NS, "url");
        for (int i = 0; i < urls.getLength(); i++) {
            Element url = (Element) urls.item(i);
            if (!url.getElementsByTagNameNS(SITEMAP_NS, "loc").item(0).getTextContent().equals(loc)) continue;
            NodeList found = url.getElementsByTagNameNS(ns, name);
            return found.getLength() == 0 ? null : found.item(0).getTextContent();
        }
        throw new AssertionError("no url " + loc);
    }
}
