package broadsheet.web;

/**
 * A page's head: title, description, canonical address, Open Graph type and picture, JSON-LD, and the
 * previous and next pages of a listing. Built by each page's handler; the layout template writes it out.
 *
 * @param jsonLd JSON made by {@link Json#forHtml}, or empty
 */
public record Meta(String title, String description, String canonical, String ogType, Image image,
                   String jsonLd, String prev, String next, boolean noindex) {

    /** The picture shared with the page (Open Graph, Twitter cards): its largest rendition, its size and alt text. */
    public record Image(String url, int width, int height, String alt) {}

    public static Meta of(String title, String description, String canonical) {
        return new Meta(title, description, canonical, "website", null, "", null, null, false);
    }

    public Meta withJsonLd(String json) {
        return new Meta(title, description, canonical, ogType, image, json, prev, next, noindex);
    }

    public Meta withImage(Image picture) {
        return new Meta(title, description, canonical, ogType, picture, jsonLd, prev, next, noindex);
    }

    public Meta withType(String type) {
        return new Meta(title, description, canonical, type, image, jsonLd, prev, next, noindex);
    }

    public Meta withPages(String prevUrl, String nextUrl) {
        return new Meta(title, description, canonical, ogType, image, jsonLd, prevUrl, nextUrl, noindex);
    }

    public Meta asNoindex() {
        return new Meta(title, description, canonical, ogType, image, jsonLd, prev, next, true);
    }
}
