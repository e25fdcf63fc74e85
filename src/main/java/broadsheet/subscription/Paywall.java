package broadsheet.subscription;

import broadsheet.content.AccessLevel;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The one decision of who may read an article's body, used by the article page, the API and (later)
 * feeds and gift links. Today every reader of the public site is anonymous, so registered and
 * subscriber articles show their opening only. Minting gift links and managing subscriptions are not
 * decided here.
 */
public final class Paywall {
    /** How many blocks of the body a reader without access sees. */
    public static final int PREVIEW_BLOCKS = 3;

    /** Who is reading. */
    public enum Viewer { ANONYMOUS, REGISTERED, SUBSCRIBER }

    /** What the reader gets. */
    public enum Decision { FULL, PREVIEW }

    private Paywall() {}

    public static Decision decide(AccessLevel access, Viewer viewer) {
        return switch (access) {
            case FREE -> Decision.FULL;
            case REGISTERED -> viewer == Viewer.ANONYMOUS ? Decision.PREVIEW : Decision.FULL;
            case PREMIUM -> viewer == Viewer.SUBSCRIBER ? Decision.FULL : Decision.PREVIEW;
        };
    }

    /** The opening of a body: its first few top-level blocks, skipping pull quotes and never ending on a subhead. */
    public static String preview(String bodyHtml) {
        Document doc = Jsoup.parseBodyFragment(bodyHtml);
        doc.outputSettings().prettyPrint(false);
        int kept = 0;
        for (Element e : doc.body().children()) {
            if (kept >= PREVIEW_BLOCKS || e.hasClass("pull-quote")) {
                e.remove();
            } else {
                kept++;
            }
        }
        // an opening that ends on a subhead would promise a section it does not show
        Element last = doc.body().children().last();
        while (last != null && last.tagName().matches("h[2-6]")) {
            last.remove();
            last = doc.body().children().last();
        }
        return doc.body().html();
    }
}
