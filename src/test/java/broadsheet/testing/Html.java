package broadsheet.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Reading what the server sent: HTML with jsoup (links resolved against the public base URL), JSON with Jackson. */
public final class Html {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Html() {}

    public static Document parse(HttpResponse<String> response) {
        return Jsoup.parse(response.body(), TestApp.BASE_URL + response.uri().getRawPath());
    }

    /** Parses JSON text; a test fails with the text when it is not JSON. */
    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    /** Every {@code <script type="application/ld+json">} of the page, parsed. */
    public static List<JsonNode> jsonLd(Document doc) {
        List<JsonNode> out = new ArrayList<>();
        for (Element script : doc.select("script[type=application/ld+json]")) out.add(json(script.data()));
        return out;
    }

    /** The one node of {@code @graph} with this {@code @type}. */
    public static JsonNode graphNode(JsonNode ld, String type) {
        JsonNode found = null;
        for (JsonNode n : ld.path("@graph")) {
            if (type.equals(n.path("@type").asText())) {
                if (found != null) throw new AssertionError("two " + type + " nodes in " + ld);
                found = n;
            }
        }
        if (found == null) throw new AssertionError("no " + type + " in " + ld);
        return found;
    }

    /** The {@code content} of {@code <meta name=...>} or {@code <meta property=...>}, or null. */
    public static String meta(Document doc, String nameOrProperty) {
        for (Element e : doc.select("meta[content]")) {
            if (nameOrProperty.equals(e.attr("name")) || nameOrProperty.equals(e.attr("property"))) return e.attr("content");
        }
        return null;
    }
}
