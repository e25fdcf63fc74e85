package broadsheet.article;

/** One name in an article's byline, linking to the contributor's page. */
public record Byline(String name, String slug, boolean desk, String jobTitle) {
    public String url() {
        return "/authors/" + slug + "/";
    }
}
