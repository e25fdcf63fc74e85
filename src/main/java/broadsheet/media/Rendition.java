package broadsheet.media;

import java.util.Objects;

/**
 * One size of a picture made for the reader's screen, listed in an {@code <img srcset>} or a
 * {@code <picture>} source. The byte array is shared, not copied: whoever receives it must not change it.
 *
 * @param width  in pixels
 * @param height in pixels, keeping the original's aspect ratio
 * @param format {@code "jpeg"} or {@code "webp"}
 * @param bytes  the encoded file
 */
public record Rendition(int width, int height, String format, byte[] bytes) {

    public static final String JPEG = "jpeg";
    public static final String WEBP = "webp";

    public Rendition {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(bytes, "bytes");
    }

    /** The media type to serve it with. */
    public String mediaType() {
        return "image/" + format;
    }

    @Override
    public String toString() {
        return "Rendition[" + width + "x" + height + " " + format + ", " + bytes.length + " bytes]";
    }
}
