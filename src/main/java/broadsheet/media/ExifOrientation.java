package broadsheet.media;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import javax.imageio.stream.ImageInputStream;

/**
 * The EXIF orientation tag of a JPEG (how the camera was held), and turning the pixels so the picture
 * stands the right way up once the metadata is gone. A missing or unreadable tag means "as stored":
 * orientation is a courtesy, never a reason to refuse a picture.
 */
final class ExifOrientation {

    static final int AS_STORED = 1;

    private ExifOrientation() {
    }

    /** The orientation, 1 to 8 as EXIF numbers them, of a JPEG; 1 for anything else. */
    static int read(byte[] bytes, PictureType type) {
        if (type != PictureType.JPEG) {
            return AS_STORED;
        }
        try (ImageInputStream in = new ByteArrayImageInputStream(bytes)) {
            List<JPEGSegment> exif = JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif");
            if (exif.isEmpty()) {
                return AS_STORED;
            }
            try (InputStream data = exif.get(0).data()) {
                data.skip(1); // the pad byte that follows "Exif\0"
                Directory tiff = new TIFFReader().read(new ByteArrayImageInputStream(data.readAllBytes()));
                Entry entry = tiff.getEntryById(TIFF.TAG_ORIENTATION);
                int value = entry != null && entry.getValue() instanceof Number n ? n.intValue() : AS_STORED;
                return value >= 1 && value <= 8 ? value : AS_STORED;
            }
        } catch (IOException | RuntimeException e) {
            return AS_STORED;
        }
    }

    /**
     * The picture turned upright. {@code image} must be a whole TYPE_INT_RGB or TYPE_INT_ARGB image (not a
     * sub-image); the result has the same type. Orientations 5 to 8 swap width and height.
     */
    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation <= AS_STORED || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swaps = orientation >= 5;
        int uprightWidth = swaps ? h : w;
        BufferedImage upright = new BufferedImage(uprightWidth, swaps ? w : h, image.getType());
        int[] from = pixels(image);
        int[] to = pixels(upright);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int dx = switch (orientation) {
                    case 2, 3 -> w - 1 - x;
                    case 4 -> x;
                    case 5, 8 -> y;
                    default -> h - 1 - y; // 6, 7
                };
                int dy = switch (orientation) {
                    case 2 -> y;
                    case 3, 4 -> h - 1 - y;
                    case 5, 6 -> x;
                    default -> w - 1 - x; // 7, 8
                };
                to[dy * uprightWidth + dx] = from[y * w + x];
            }
        }
        return upright;
    }

    private static int[] pixels(BufferedImage image) {
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }
}
