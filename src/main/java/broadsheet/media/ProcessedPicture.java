package broadsheet.media;

import java.util.List;
import java.util.Objects;

/**
 * What {@link PictureProcessor} makes of one uploaded or imported picture: a cleaned master and the
 * renditions for readers. Captions, credits and alt text are not here; the media library keeps them
 * beside the files.
 *
 * @param originalType the format the picture arrived in
 * @param width        the master's width in pixels, after EXIF orientation was applied
 * @param height       the master's height in pixels, after EXIF orientation was applied
 * @param master       the full-size picture re-encoded from its pixels, with no metadata left
 * @param renditions   the smaller sizes, narrowest first, JPEG before WebP at each width
 */
public record ProcessedPicture(PictureType originalType, int width, int height, Encoded master,
                               List<Rendition> renditions) {

    public ProcessedPicture {
        Objects.requireNonNull(originalType, "originalType");
        Objects.requireNonNull(master, "master");
        renditions = List.copyOf(renditions);
    }
}
