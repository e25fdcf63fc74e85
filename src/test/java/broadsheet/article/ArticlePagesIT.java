package broadsheet.article;

import static broadsheet.testing.Fixtures.REFERENCE_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import broadsheet.testing.Html;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The reference article over HTTP: every element of the reference page in PRODUCT.md, where a reader and a
 * machine expect it. The article is imported once; the tests only read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestDatabase.PerClass.class)
class ArticlePagesIT {
    private static final String HEADLINE = "Castellan: Northmere’s new harbour strategy ‘consistent’ with our own vision";
    private static final String STANDFIRST = "Revised plan, unveiled on Friday, takes a gentler line on shipping tolls and "
            + "invites the neighbouring republic to share the costs of dredging";
    private static final String CANONICAL = TestApp.BASE_URL + REFERENCE_PATH;

    @RegisterExtension
    static final TestApp app = new TestApp();

    private Document page;

    @BeforeAll
    void importTheReferenceArticle() {
        app.fixtures().reference(TestApp.NOW);
        var response = app.get(REFERENCE_PATH);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        page = Html.parse(response);
    }

    @Test
    void hasOneH1HoldingTheHeadlineWithItsTypographicQuotes() {
        assertThat(page.select("h1")).hasSize(1);
        assertThat(page.selectFirst("h1").text()).isEqualTo(HEADLINE);
        assertThat(page.title()).isEqualTo(HEADLINE + " | The Broadsheet");
    }

    @Test
    void opensWithTheSectionKickerAndTheStandfirst() {
        Element kicker = page.selectFirst("article .kicker a");
        assertThat(kicker.text()).isEqualTo("World news");
        assertThat(kicker.attr("href")).isEqualTo("/world-news/");
        assertThat(page.selectFirst("article .standfirst").text()).isEqualTo(STANDFIRST);
    }

    @Test
    void bylineLinksToTheDeskPage() {
        assertThat(page.select(".byline a")).extracting(Element::text, e -> e.attr("href"))
                .containsExactly(tuple("Our Foreign Staff", "/authors/our-foreign-staff/"));
    }

    @Test
    void datelineShowsTheUpdateInLondonTime() {
        Element time = page.selectFirst(".dateline time");
        assertThat(time.outerHtml())
                .isEqualTo("<time datetime=\"2025-12-07T12:35:00Z\">Updated 7 December 2025 12:35pm GMT</time>");
        assertThat(page.selectFirst(".published-note").text()).isEqualTo("First published 7 December 2025 9:00am GMT");
    }

    @Test
    void theCardAndTheDatelineWriteTheDayAlike() {
        Element card = Html.parse(app.get("/world-news/")).selectFirst(".card time");

        assertThat(card.text()).isEqualTo("7 December 2025");
        assertThat(page.selectFirst(".dateline time").text()).startsWith("Updated " + card.text() + " ");
    }

    @Test
    void topicsAreLinksInTheirOrder() {
        assertThat(page.select("nav.topics a")).extracting(Element::text, e -> e.attr("href")).containsExactly(
                tuple("Northmere harbour dispute", "/topics/northmere-harbour-dispute/"),
                tuple("Premier Aldo Castellan", "/topics/premier-aldo-castellan/"),
                tuple("Northmere", "/topics/northmere/"),
                tuple("Estrany", "/topics/estrany/"));
    }

    @Test
    void leadPictureIsAFigureWithRenditionsCaptionCreditAndAltText() {
        Element figure = page.selectFirst("article > figure.lead-picture");
        Element img = figure.selectFirst("img");

        assertThat(widths(img.attr("srcset"))).hasSizeGreaterThanOrEqualTo(3).isSorted()
                .as("a width for a phone 412 px wide at 1.75 device pixels (721)").contains(800);
        assertThat(widths(figure.selectFirst("source[type=image/webp]:not([media])").attr("srcset"))).contains(800);
        assertThat(img.attr("src")).startsWith("/media/images/");
        assertThat(img.attr("alt")).isEqualTo("Two men in dark coats shake hands on a windy quayside in front of container cranes");
        assertThat(img.attr("width")).isEqualTo("1600");
        assertThat(img.attr("height")).isEqualTo("900");
        assertThat(figure.select("source[type=image/webp]:not([media])")).hasSize(1);
        Element phones = figure.selectFirst("source[type=image/webp][media]");
        assertThat(phones).as("the phone WebP comes first, so that phones take it").isEqualTo(figure.selectFirst("source"));
        assertThat(phones.attr("media")).isEqualTo("(max-width: 39.99em) and (min-resolution: 1.5dppx)");
        assertThat(phones.attr("srcset")).contains("-800-dense.webp 800w");
        assertThat(widths(phones.attr("srcset"))).isSorted().contains(720, 800);
        assertThat(phones.attr("srcset")).as("a thumbnail on a phone can take the ordinary 360 px WebP, not the 480 px dense one")
                .startsWith(figure.selectFirst("source[type=image/webp]:not([media])").attr("srcset").split(", ")[0] + ", ")
                .contains("-360.webp 360w");
        Element caption = figure.selectFirst("figcaption");
        assertThat(caption.ownText()).isEqualTo("Premier Aldo Castellan (right) has often spoken warmly of his northern counterpart");
        assertThat(caption.select("span.credit")).extracting(Element::text).containsExactly("Mara Lind/Harbour Photo Service");
    }

    @Test
    void bodyHasSubheadsQuotesAListAndAnInlinePicture() {
        Element body = page.selectFirst(".article-body");

        assertThat(body.select("p").first().text()).startsWith("The government of Estrany said on Sunday");
        assertThat(body.select("h2")).extracting(Element::text).containsExactly("A softer tone on tolls", "What happens next");
        assertThat(body.select("h1, script, style")).isEmpty();
        Element quote = body.selectFirst("figure.quote");
        assertThat(quote.selectFirst("blockquote").text())
                .isEqualTo("We cannot dredge our half of the strait and pretend the other half does not exist.");
        assertThat(quote.selectFirst("figcaption").text()).isEqualTo("— Tomas Brandt, Northmere’s harbour minister");
        assertThat(body.select("aside.pull-quote blockquote").text()).isEqualTo("A shared channel is cheaper to keep open than two rival ones");
        assertThat(body.select("ul > li")).hasSize(3).first().extracting(Element::text)
                .isEqualTo("an independent survey of the channel every two years;");
        Element inline = body.selectFirst("figure.picture");
        assertThat(inline.selectFirst("img").attr("alt")).isEqualTo("Container cranes over the east quay at dusk");
        assertThat(widths(inline.selectFirst("img").attr("srcset"))).hasSizeGreaterThanOrEqualTo(3);
        assertThat(inline.selectFirst("figcaption").ownText()).isEqualTo("The east quay, where most of the strait’s container traffic is handled");
        assertThat(inline.select("figcaption .credit").text()).isEqualTo("Mara Lind/Harbour Photo Service");
    }

    @Test
    void jsonLdDescribesTheNewsArticleAndItsBreadcrumbs() {
        List<JsonNode> scripts = Html.jsonLd(page);
        assertThat(scripts).hasSize(1);
        JsonNode article = Html.graphNode(scripts.get(0), "NewsArticle");

        assertThat(scripts.get(0).path("@context").asText()).isEqualTo("https://schema.org");
        assertThat(article.path("headline").asText()).isEqualTo(HEADLINE);
        assertThat(article.path("description").asText()).isEqualTo(STANDFIRST);
        assertThat(article.path("url").asText()).isEqualTo(CANONICAL);
        assertThat(article.path("image").path("url").asText()).startsWith(TestApp.BASE_URL + "/media/images/").endsWith(".jpg");
        assertThat(article.path("image").path("width").asInt()).isEqualTo(1600);
        assertThat(article.path("datePublished").asText()).isEqualTo("2025-12-07T09:00:00Z");
        assertThat(article.path("dateModified").asText()).isEqualTo("2025-12-07T12:35:00Z");
        JsonNode author = article.path("author").get(0);
        assertThat(article.path("author")).hasSize(1);
        assertThat(author.path("@type").asText()).isEqualTo("Organization");
        assertThat(author.path("name").asText()).isEqualTo("Our Foreign Staff");
        assertThat(author.path("url").asText()).isEqualTo(TestApp.BASE_URL + "/authors/our-foreign-staff/");
        assertThat(article.path("publisher").path("name").asText()).isEqualTo("The Broadsheet");
        assertThat(article.path("publisher").path("url").asText()).isEqualTo(TestApp.BASE_URL + "/");
        assertThat(article.path("isAccessibleForFree").asBoolean()).isTrue();
        assertThat(article.has("hasPart")).isFalse();

        JsonNode crumbs = Html.graphNode(scripts.get(0), "BreadcrumbList").path("itemListElement");
        assertThat(crumbs).hasSize(3);
        assertThat(crumbs.get(0).path("item").asText()).isEqualTo(TestApp.BASE_URL + "/");
        assertThat(crumbs.get(1).path("name").asText()).isEqualTo("World news");
        assertThat(crumbs.get(1).path("item").asText()).isEqualTo(TestApp.BASE_URL + "/world-news/");
        assertThat(crumbs.get(2).path("item").asText()).isEqualTo(CANONICAL);
        assertThat(crumbs.get(2).path("position").asInt()).isEqualTo(3);
    }

    @Test
    void headCarriesCanonicalLinkOpenGraphTwitterCardAndDescription() {
        assertThat(page.select("link[rel=canonical]")).extracting(e -> e.attr("href")).containsExactly(CANONICAL);
        assertThat(Html.meta(page, "description")).isEqualTo(STANDFIRST);
        assertThat(Html.meta(page, "og:type")).isEqualTo("article");
        assertThat(Html.meta(page, "og:title")).isEqualTo(HEADLINE + " | The Broadsheet");
        assertThat(Html.meta(page, "og:url")).isEqualTo(CANONICAL);
        assertThat(Html.meta(page, "og:image")).startsWith(TestApp.BASE_URL + "/media/images/");
        assertThat(Html.meta(page, "og:image:alt")).startsWith("Two men in dark coats");
        assertThat(Html.meta(page, "twitter:card")).isEqualTo("summary_large_image");
        assertThat(Html.meta(page, "twitter:image")).isEqualTo(Html.meta(page, "og:image"));
    }

    @Test
    void theImagesNamedInTheHeadAreServed() {
        String ogImage = Html.meta(page, "og:image").substring(TestApp.BASE_URL.length());
        var response = app.getBytes(ogImage);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("image/jpeg");
    }

    @Test
    void nothingOnThePageLoadsFromAnotherServer() {
        assertThat(page.select("img, script[src], link[rel=stylesheet], link[rel=icon], source"))
                .allSatisfy(e -> assertThat(e.attr("src") + e.attr("href") + e.attr("srcset")).doesNotContain("//"));
        // no script file at all: the one small script (the "Copy link" button at the article's end) is in the page,
        // and the content security policy allows that text, by its hash, and no other inline script
        assertThat(page.select("script[src]")).isEmpty();
        assertThat(page.select("script:not([type=application/ld+json])")).hasSize(1);
        String script = page.selectFirst("script:not([type=application/ld+json])").data();
        String hash = "'sha256-" + java.util.Base64.getEncoder().encodeToString(sha256(script)) + "'";
        assertThat(app.get(REFERENCE_PATH).headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self' " + hash + ";").doesNotContain("unsafe-inline");
        assertThat(page.select("img")).allSatisfy(img -> assertThat(img.hasAttr("alt")).isTrue());
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The widths of a srcset, in order: "a.jpg 320w, b.jpg 640w" gives [320, 640]. */
    private static List<Integer> widths(String srcset) {
        return Arrays.stream(srcset.split(",\\s*"))
                .map(c -> c.substring(c.lastIndexOf(' ') + 1))
                .map(w -> Integer.parseInt(w.substring(0, w.length() - 1)))
                .toList();
    }
}
