package broadsheet.content;

/** A part of the paper (World news, Politics, Sport...), with its own page at {@code /{slug}/}. */
public record Section(long id, String slug, String name, String description, int position) {
    public String url() {
        return "/" + slug + "/";
    }
}
