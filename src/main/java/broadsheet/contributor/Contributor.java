package broadsheet.contributor;

/**
 * Someone who writes for the paper: a person, or a desk such as "Our Foreign Staff" (an organisation in
 * JSON-LD). Each has a page at {@code /authors/{slug}/}.
 */
public record Contributor(long id, String slug, String name, boolean desk, String jobTitle, String bio, Long pictureId) {
    public String url() {
        return "/authors/" + slug + "/";
    }
}
