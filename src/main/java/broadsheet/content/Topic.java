package broadsheet.content;

/** A subject that runs across sections ("Interest rates"), with its own page at {@code /topics/{slug}/}. */
public record Topic(long id, String slug, String name, String description) {
    public String url() {
        return "/topics/" + slug + "/";
    }
}
