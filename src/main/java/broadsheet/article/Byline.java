package broadsheet.article;

/** One name in an article's byline, linking to the contributor's page. */
public record Byline(String name, String slug, boolean desk, String jobTitle) {
    /**
     * The most names one article may carry, in the editor, the Admin API and an import alike: more than any
     * real story has, and few enough that no request can fill the list of writers with names.
     */
    public static final int MAX_PER_ARTICLE = 10;

    public String url() {
        return "/authors/" + slug + "/";
    }
}
