package broadsheet.media;

import java.util.Objects;

/**
 * One size of a picture made for the reader's screen, listed in an {@code <img srcset>} or a
 * {@code <picture>} source. The byte array is shared, not copied: whoever receives it must not change it.
 *
 * @param width  in pixels
 * @param height in pixels, keeping the original's aspect ratio
 * @param format {@code "jpeg"}, {@code "webp"} or {@code "webp-dense"} (WebP for high-density phone screens, see
 *               {@link PictureProcessor#DENSE_WIDTHS})
 * @param bytes  the encoded file
 */
public record Rendition(int width, int height, String format, byte[] bytes) {

    public static final String JPEG = "jpeg";
    public static final String WEBP = "webp";
    /** WebP compressed harder, for phones whose pixels are too small to show the difference. */
    public static final String DENSE_WEBP = "webp-dense";

    public Rendition {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(bytes, "bytes");
    }

    /** The media type to serve it with. */
    public String mediaType() {
        return JPEG.equals(format) ? "image/jpeg" : "image/webp";
    }

    @Override
    public String toString() {
        return "Rendition[" + width + "x" + height + " " + format + ", " + bytes.length + " bytes]";
    }
}
