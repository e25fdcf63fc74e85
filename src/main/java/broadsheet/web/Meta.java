package broadsheet.web;

/**
 * A page's head: what the page is (title, description, canonical address), how it is shared, where it stands
 * in a listing, and whether search engines may index it. Built by each page's handler from {@link #of} and the
 * withers; the layout template writes it out.
 */
public record Meta(String title, String description, String canonical, Sharing sharing, Neighbours neighbours, boolean noindex,
                   Feeds feeds) {

    /**
     * The RSS and Atom feeds of what the page lists, offered in its head as {@code <link rel="alternate">}: the path
     * they sit under ({@code /}, {@code /world/}) and the feeds' title.
     */
    public record Feeds(String path, String title) {
        public String rss() {
            return path + "rss.xml";
        }

        public String atom() {
            return path + "atom.xml";
        }
    }

    /** The picture shared with the page (Open Graph, Twitter cards): its largest rendition, its size and alt text. */
    public record Image(String url, int width, int height, String alt) {}

    /**
     * How the page is shared and described to machines.
     *
     * @param ogType its Open Graph type ({@code website}, {@code article})
     * @param image  its picture, or null
     * @param jsonLd JSON made by {@link broadsheet.shared.Json#forHtml}, or empty
     * @param dated  the date a printed copy shows at its foot beside the address ("Updated 7 December 2025 12:35pm GMT"), or null
     */
    public record Sharing(String ogType, Image image, String jsonLd, String dated) {
        static final Sharing WEBSITE = new Sharing("website", null, "", null);

        Sharing withType(String type) {
            return new Sharing(type, image, jsonLd, dated);
        }

        Sharing withImage(Image picture) {
            return new Sharing(ogType, picture, jsonLd, dated);
        }

        Sharing withJsonLd(String json) {
            return new Sharing(ogType, image, json, dated);
        }

        Sharing withDated(String label) {
            return new Sharing(ogType, image, jsonLd, label);
        }
    }

    /** The addresses of the previous and next pages of a listing, each null when there is none. */
    public record Neighbours(String prev, String next) {
        static final Neighbours NONE = new Neighbours(null, null);
    }

    public static Meta of(String title, String description, String canonical) {
        return new Meta(title, description, canonical, Sharing.WEBSITE, Neighbours.NONE, false, null);
    }

    public Meta withJsonLd(String json) {
        return with(sharing.withJsonLd(json));
    }

    public Meta withImage(Image picture) {
        return with(sharing.withImage(picture));
    }

    /** The date a printed copy shows at its foot, with the page's address. */
    public Meta withDated(String label) {
        return with(sharing.withDated(label));
    }

    public Meta withType(String type) {
        return with(sharing.withType(type));
    }

    public Meta withPages(String prevUrl, String nextUrl) {
        return new Meta(title, description, canonical, sharing, new Neighbours(prevUrl, nextUrl), noindex, feeds);
    }

    /** Offers the feeds under {@code path} (absolute or from the site's root) in the head, titled {@code feedTitle}. */
    public Meta withFeeds(String path, String feedTitle) {
        return new Meta(title, description, canonical, sharing, neighbours, noindex, new Feeds(path, feedTitle));
    }

    public Meta asNoindex() {
        return new Meta(title, description, canonical, sharing, neighbours, true, feeds);
    }

    private Meta with(Sharing s) {
        return new Meta(title, description, canonical, s, neighbours, noindex, feeds);
    }

    // what the layout template reads

    public String ogType() {
        return sharing.ogType();
    }

    public Image image() {
        return sharing.image();
    }

    public String jsonLd() {
        return sharing.jsonLd();
    }

    public String dated() {
        return sharing.dated();
    }

    public String prev() {
        return neighbours.prev();
    }

    public String next() {
        return neighbours.next();
    }
}
