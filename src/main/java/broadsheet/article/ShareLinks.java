package broadsheet.article;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The "Share" links at an article's end: e-mail and the usual networks' own share addresses, opened as ordinary links,
 * so the page loads nothing from them and tells them nothing until a reader chooses one.
 */
public final class ShareLinks {
    /** One place to share to: its name as the link reads, and the address with the article's filled in. */
    public record Link(String name, String url, String kind) {}

    private ShareLinks() {}

    /** The links for the article at {@code url} (absolute) with this headline, in the paper called {@code paper}. */
    public static List<Link> of(String url, String headline, String paper) {
        String u = encode(url);
        String words = encode(headline + " " + url);
        return List.of(
                new Link("Email", "mailto:?subject=" + encode(headline + " | " + paper) + "&body=" + words, "email"),
                new Link("Bluesky", "https://bsky.app/intent/compose?text=" + words, "bluesky"),
                new Link("LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?url=" + u, "linkedin"),
                new Link("Facebook", "https://www.facebook.com/sharer/sharer.php?u=" + u, "facebook"),
                new Link("X", "https://x.com/intent/post?text=" + encode(headline) + "&url=" + u, "x"),
                new Link("WhatsApp", "https://wa.me/?text=" + words, "whatsapp"));
    }

    /** Percent-encoding for a query value, spaces as {@code %20} (a mail program shows a {@code +} as it is). */
    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
