package broadsheet.importing;

/**
 * A picture as it arrives from an import file or the demo generator, before it is in the media library.
 *
 * @param origin  where it came from, for messages (a file path)
 * @param bytes   the encoded picture (JPEG, PNG, GIF or WebP)
 * @param caption what the picture shows, may be empty
 * @param credit  who took it or owns it, may be empty
 * @param alt     text for readers who cannot see it, may be empty
 * @param line    the line of the article file that names the picture, for messages (0 when there is none)
 * @param key     the front matter key that names it ({@code image}), or null for a picture in the body
 */
public record ImageSource(String origin, byte[] bytes, String caption, String credit, String alt, int line, String key) {
    public ImageSource {
        caption = caption == null ? "" : caption.strip();
        credit = credit == null ? "" : credit.strip();
        alt = alt == null ? "" : alt.strip();
    }

    /** A picture that no file line names (the demo's). */
    public ImageSource(String origin, byte[] bytes, String caption, String credit, String alt) {
        this(origin, bytes, caption, credit, alt, 0, null);
    }
}
