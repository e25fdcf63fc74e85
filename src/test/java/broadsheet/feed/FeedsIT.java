package broadsheet.feed;

import static broadsheet.testing.Fixtures.story;
import static broadsheet.testing.TestApp.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.content.AccessLevel;
import broadsheet.testing.Fixtures;
import broadsheet.testing.Html;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The RSS and Atom feeds over HTTP: the elements RSS 2.0 and RFC 4287 require, what each feed holds, the paywall,
 * the limit of {@value FeedPages#SIZE} articles, conditional GETs, and the pages' {@code <link rel="alternate">}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestDatabase.PerClass.class)
class FeedsIT {
    static final String RSS = "";
    static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    static final List<String> FEEDS = List.of("/", "/politics/", "/business/", "/topics/ports/", "/authors/ann-writer/");

    @RegisterExtension
    static final TestApp app = new TestApp();

    @BeforeAll
    void storeStories() {
        app.fixtures().many(55, "world-news", NOW.minusSeconds(7200));
        app.fixtures().store(NOW,
                story("Port fees rise").section("business").topics("Ports").bylines("Ann Writer")
                        .picture(Fixtures.picture("Cranes at dusk", 640, 360, Color.BLUE, Color.WHITE))
                        .body("Free body of the port story with [a link](/business/).").published(NOW.minusSeconds(60)).build(),
                story("Premium scoop").section("politics").topics("Ports").bylines("Ann Writer").access(AccessLevel.PREMIUM)
                        .body("Secret premium paragraph.\n\nMore secrets.").published(NOW.minusSeconds(120)).build(),
                story("Members briefing").section("politics").topics("Budget").access(AccessLevel.REGISTERED)
                        .body("Registered readers' paragraph.").published(NOW.minusSeconds(180)).build());
    }

    @Test
    void theSiteRssFeedHasWhatRss2Requires() {
        HttpResponse<String> response = app.get("/rss.xml");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/rss+xml; charset=utf-8");
        assertThat(response.headers().firstValue("Cache-Control")).isPresent();

        Document rss = xml(response);
        Element root = rss.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("rss");
        assertThat(root.getAttribute("version")).isEqualTo("2.0");
        Element channel = child(root, RSS, "channel");
        assertThat(text(channel, "title")).isEqualTo("The Broadsheet");
        assertThat(text(channel, "link")).isEqualTo(TestApp.BASE_URL + "/");
        assertThat(text(channel, "description")).isNotBlank();
        assertThat(text(channel, "language")).isEqualTo("en-gb");
        assertThat(text(channel, "lastBuildDate")).isEqualTo("Sun, 07 Dec 2025 14:59:00 GMT");
        Element self = child(channel, ATOM_NS, "link");
        assertThat(self.getAttribute("rel")).isEqualTo("self");
        assertThat(self.getAttribute("href")).isEqualTo(TestApp.BASE_URL + "/rss.xml");

        List<Element> items = children(channel, RSS, "item");
        assertThat(items).isNotEmpty();
        for (Element item : items) {
            assertThat(text(item, "title")).isNotBlank();
            assertThat(text(item, "link")).startsWith(TestApp.BASE_URL + "/");
            assertThat(child(item, RSS, "guid").getAttribute("isPermaLink")).isEqualTo("false");
            assertThat(text(item, "guid")).matches("tag:news\\.example\\.test,\\d{4}-\\d\\d-\\d\\d:article:\\d+");
            assertThat(text(item, "pubDate")).matches("[A-Z][a-z]{2}, \\d\\d [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d:\\d\\d GMT");
            assertThat(text(item, "description")).startsWith("A standfirst for ");
        }
        Element first = items.get(0);
        assertThat(text(first, "title")).isEqualTo("Port fees rise");
        assertThat(texts(first, RSS, "category")).containsExactly("Business", "Ports");
        assertThat(texts(first, FeedWriter.DC, "creator")).containsExactly("Ann Writer");
        assertThat(text(first, FeedWriter.CONTENT, "encoded")).contains("Free body of the port story")
                .contains("href=\"" + TestApp.BASE_URL + "/business/\"");
        assertLeadPicture(child(first, FeedWriter.MEDIA, "content"));
        assertThat(children(items.get(1), FeedWriter.MEDIA, "content")).isEmpty();
    }

    /** Media RSS's lead picture: the widest JPEG, absolute, with its size, alt text and credit. */
    private static void assertLeadPicture(Element media) {
        assertThat(media.getAttribute("url")).startsWith(TestApp.BASE_URL + "/media/");
        assertThat(media.getAttribute("medium")).isEqualTo("image");
        assertThat(media.getAttribute("type")).isEqualTo("image/jpeg");
        assertThat(Integer.parseInt(media.getAttribute("width"))).isBetween(1, 640);
        assertThat(Integer.parseInt(media.getAttribute("height"))).isBetween(1, 360);
        assertThat(text(media, FeedWriter.MEDIA, "description")).isEqualTo("Alt: Cranes at dusk");
        assertThat(text(media, FeedWriter.MEDIA, "credit")).isEqualTo("Test Photographer/Agency");
    }

    @Test
    void theSiteAtomFeedHasWhatRfc4287Requires() {
        HttpResponse<String> response = app.get("/atom.xml");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/atom+xml; charset=utf-8");

        Element feed = xml(response).getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM_NS);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(text(feed, ATOM_NS, "id")).isEqualTo(TestApp.BASE_URL + "/");
        assertThat(text(feed, ATOM_NS, "title")).isEqualTo("The Broadsheet");
        assertThat(text(feed, ATOM_NS, "updated")).isEqualTo("2025-12-07T14:59:00Z");
        assertThat(children(feed, ATOM_NS, "link")).extracting(l -> l.getAttribute("rel") + " " + l.getAttribute("href"))
                .containsExactly("self " + TestApp.BASE_URL + "/atom.xml", "alternate " + TestApp.BASE_URL + "/");
        assertThat(text(child(feed, ATOM_NS, "author"), ATOM_NS, "name")).isEqualTo("The Broadsheet");
        List<Element> entries = children(feed, ATOM_NS, "entry");
        assertThat(entries).hasSize(FeedPages.SIZE);
        for (Element entry : entries) {
            assertThat(text(entry, ATOM_NS, "id")).startsWith("tag:news.example.test,");
            assertThat(text(entry, ATOM_NS, "title")).isNotBlank();
            assertThat(text(entry, ATOM_NS, "updated")).endsWith("Z");
            assertThat(text(entry, ATOM_NS, "published")).endsWith("Z");
            assertThat(child(entry, ATOM_NS, "link").getAttribute("href")).startsWith(TestApp.BASE_URL + "/");
            assertThat(child(entry, ATOM_NS, "summary").getAttribute("type")).isEqualTo("text");
            assertThat(child(entry, ATOM_NS, "content").getAttribute("type")).isEqualTo("html");
        }
        Element first = entries.get(0);
        assertThat(text(child(first, ATOM_NS, "author"), ATOM_NS, "uri")).isEqualTo(TestApp.BASE_URL + "/authors/ann-writer/");
        assertThat(children(first, ATOM_NS, "category")).extracting(c -> c.getAttribute("term")).containsExactly("business", "ports");
        assertLeadPicture(child(first, FeedWriter.MEDIA, "content"));
    }

    @Test
    void aPaywalledArticlesBodyIsInNoFeedButItsStandfirstIs() {
        for (String path : FEEDS) {
            for (String kind : List.of("rss.xml", "atom.xml")) {
                String body = app.get(path + kind).body();
                assertThat(body).as(path + kind).doesNotContain("Secret premium").doesNotContain("More secrets")
                        .doesNotContain("Registered readers");
                if (!path.equals("/business/")) assertThat(body).as(path + kind).contains("A standfirst for Premium scoop");
            }
        }
    }

    @Test
    void aFeedHoldsTheLatestFiftyArticlesNewestFirst() {
        List<Element> items = children(child(xml(app.get("/rss.xml")).getDocumentElement(), RSS, "channel"), RSS, "item");

        assertThat(items).hasSize(50);
        assertThat(items.subList(0, 4)).extracting(i -> text(i, "title"))
                .containsExactly("Port fees rise", "Premium scoop", "Members briefing", "Story number 1");
        assertThat(text(items.get(49), "title")).isEqualTo("Story number 47");
    }

    @Test
    void sectionTopicAndAuthorFeedsHoldOnlyTheirArticles() {
        assertThat(titles("/politics/rss.xml")).containsExactly("Premium scoop", "Members briefing");
        assertThat(titles("/business/atom.xml")).containsExactly("Port fees rise");
        assertThat(titles("/topics/ports/rss.xml")).containsExactly("Port fees rise", "Premium scoop");
        assertThat(titles("/authors/ann-writer/atom.xml")).containsExactly("Port fees rise", "Premium scoop");
        assertThat(text(child(xml(app.get("/topics/ports/rss.xml")).getDocumentElement(), RSS, "channel"), "title"))
                .isEqualTo("The Broadsheet: Ports");
    }

    @Test
    void unknownSectionsTopicsAndAuthorsHaveNoFeed() {
        for (String path : List.of("/no-such-section/rss.xml", "/no-such-section/atom.xml", "/topics/no-such/rss.xml",
                "/topics/no-such/atom.xml", "/authors/nobody/rss.xml", "/authors/nobody/atom.xml")) {
            assertThat(app.get(path).statusCode()).as(path).isEqualTo(404);
        }
    }

    @Test
    void aReaderWhoHasTheFeedGetsA304() {
        HttpResponse<String> first = app.get("/politics/rss.xml");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(lastModified).isEqualTo("Sun, 7 Dec 2025 14:58:00 GMT");

        assertThat(app.get("/politics/rss.xml", "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(app.get("/politics/rss.xml", "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
        assertThat(app.get("/politics/rss.xml", "If-Modified-Since", "Sun, 7 Dec 2025 14:57:59 GMT").statusCode()).isEqualTo(200);
        assertThat(app.get("/politics/rss.xml", "If-Modified-Since", "not a date").statusCode()).isEqualTo(200);
        assertThat(app.get("/politics/rss.xml", "If-None-Match", "\"other\"", "If-Modified-Since", lastModified).statusCode())
                .isEqualTo(200);
        HttpResponse<String> head = app.request("HEAD", "/politics/atom.xml");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void pagesOfferTheirFeedsInTheirHeads() {
        for (String path : FEEDS) {
            var page = Html.parse(app.get(path));
            assertThat(page.select("link[rel=alternate][type=application/rss+xml]").attr("href")).as(path).isEqualTo(path + "rss.xml");
            assertThat(page.select("link[rel=alternate][type=application/atom+xml]").attr("href")).as(path).isEqualTo(path + "atom.xml");
        }
        assertThat(Html.parse(app.get("/topics/ports/")).select("link[rel=alternate]").attr("title")).isEqualTo("The Broadsheet: Ports (RSS)");
    }

    @Test
    void charactersXmlForbidsNeverReachAFeed() {
        assertThat(FeedWriter.clean("a\u0001b\u0000c\uFFFEd\tе\uD800")).isEqualTo("abcd\tе");
    }

    private List<String> titles(String path) {
        Document d = xml(app.get(path));
        List<String> out = new ArrayList<>();
        NodeList rssTitles = d.getElementsByTagNameNS(RSS, "item");
        for (int i = 0; i < rssTitles.getLength(); i++) out.add(text((Element) rssTitles.item(i), "title"));
        NodeList entries = d.getElementsByTagNameNS(ATOM_NS, "entry");
        for (int i = 0; i < entries.getLength(); i++) out.add(text((Element) entries.item(i), ATOM_NS, "title"));
        return out;
    }

    /** The answer parsed as namespaced XML: it fails on anything not well-formed. */
    static Document xml(HttpResponse<String> response) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        }
    }

    static List<Element> children(Element parent, String ns, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName().equals(name)
                    && (ns.isEmpty() ? e.getNamespaceURI() == null : ns.equals(e.getNamespaceURI()))) out.add(e);
        }
        return out;
    }

    static Element child(Element parent, String ns, String name) {
        List<Element> found = children(parent, ns, name);
        assertThat(found).as("<" + name + "> in <" + parent.getLocalName() + ">").isNotEmpty();
        return found.get(0);
    }

    static String text(Element parent, String name) {
        return text(parent, RSS, name);
    }

    static String text(Element parent, String ns, String name) {
        return child(parent, ns, name).getTextContent();
    }

    static List<String> texts(Element parent, String ns, String name) {
        return children(parent, ns, name).stream().map(Node::getTextContent).toList();
    }
}
