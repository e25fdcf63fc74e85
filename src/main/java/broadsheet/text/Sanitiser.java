package broadsheet.text;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * The one sanitiser for every piece of HTML that came from a person (article bodies now, comments and
 * bios later): a fixed list of elements and attributes, links limited to http, https, mailto and the
 * site's own relative addresses, and {@code rel="noopener noreferrer"} added to links that leave the site.
 * It does not decide how Markdown becomes HTML; the renderers do, then pass their output through here.
 */
public final class Sanitiser {
    private static final String BASE = "https://broadsheet.invalid";
    private static final Safelist ARTICLE = new Safelist()
            .addTags("p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "blockquote", "figure", "figcaption", "aside",
                    "ul", "ol", "li", "a", "em", "strong", "b", "i", "s", "code", "pre", "sub", "sup", "cite", "q",
                    "abbr", "small", "span", "img", "picture", "source", "table", "thead", "tbody", "tr", "th", "td")
            .addAttributes("a", "href", "title")
            .addAttributes("img", "src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding")
            .addAttributes("source", "type", "srcset", "sizes")
            .addAttributes("figure", "class")
            .addAttributes("aside", "class")
            .addAttributes("span", "class")
            .addAttributes("ol", "start")
            .addAttributes("abbr", "title")
            .addAttributes("th", "scope", "colspan", "rowspan")
            .addAttributes("td", "colspan", "rowspan")
            .addProtocols("a", "href", "http", "https", "mailto")
            .preserveRelativeLinks(true);

    private Sanitiser() {}

    /** Article body HTML, cleaned. */
    public static String article(String html) {
        Document dirty = Jsoup.parseBodyFragment(html, BASE);
        Document clean = new Cleaner(ARTICLE).clean(dirty);
        for (Element img : clean.select("img[src]")) {
            if (!isLocal(img.attr("src"))) img.remove();
        }
        for (Element source : clean.select("source[srcset]")) {
            if (!source.attr("srcset").startsWith("/")) source.remove();
        }
        for (Element a : clean.select("a[href]")) {
            String href = a.attr("href");
            if (href.startsWith(BASE)) {
                a.attr("href", href.substring(BASE.length()));
            } else if (!href.startsWith("/") && !href.startsWith("#") && !href.startsWith("mailto:")) {
                a.attr("rel", "noopener noreferrer");
            }
        }
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }

    /** Pictures come only from this site: nothing a reader's browser loads may leave the server. */
    private static boolean isLocal(String src) {
        return src.startsWith("/") && !src.startsWith("//");
    }
}
