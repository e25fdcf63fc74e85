package broadsheet.media;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.List;

/**
 * Pixel work between decoding and encoding: bringing any decoded picture to plain 8-bit RGB(A),
 * flattening transparency on white, and shrinking with good quality. Shrinking halves the picture
 * with bilinear filtering as often as it stays at least as wide as the target, then takes one last
 * bilinear step of less than half; each step then averages every source pixel, so fine detail
 * neither shimmers (aliasing) nor blurs as a single large step or repeated small ones would.
 * The halvings are made once and shared by all widths. Immutable once built, so several threads may
 * scale from one instance.
 */
final class PictureScaler {

    private final List<BufferedImage> halvings;

    /** Prepares to scale {@code rgb} (TYPE_INT_RGB) down to any width from its own to {@code narrowest}. */
    PictureScaler(BufferedImage rgb, int narrowest) {
        List<BufferedImage> levels = new ArrayList<>();
        levels.add(rgb);
        BufferedImage level = rgb;
        while (level.getWidth() / 2 >= narrowest && level.getHeight() / 2 >= 1) {
            level = draw(level, level.getWidth() / 2, level.getHeight() / 2, BufferedImage.TYPE_INT_RGB);
            levels.add(level);
        }
        this.halvings = List.copyOf(levels);
    }

    /** The picture at exactly {@code width} x {@code height}, as TYPE_3BYTE_BGR (what the encoders take fastest). */
    BufferedImage scaleTo(int width, int height) {
        BufferedImage from = halvings.getFirst();
        for (BufferedImage level : halvings) {
            if (level.getWidth() >= width && level.getHeight() >= height) {
                from = level;
            }
        }
        return draw(from, width, height, BufferedImage.TYPE_3BYTE_BGR);
    }

    /** {@code decoded} copied into a fresh TYPE_INT_ARGB (if its colour model has alpha) or TYPE_INT_RGB image. */
    static BufferedImage toIntPixels(BufferedImage decoded) {
        int type = decoded.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        BufferedImage copy = new BufferedImage(decoded.getWidth(), decoded.getHeight(), type);
        Graphics2D g = copy.createGraphics();
        try {
            g.setComposite(AlphaComposite.Src);
            g.drawImage(decoded, 0, 0, null);
        } finally {
            g.dispose();
        }
        return copy;
    }

    /** Whether any pixel of a TYPE_INT_ARGB image is less than fully opaque. */
    static boolean hasTransparency(BufferedImage argb) {
        if (argb.getType() != BufferedImage.TYPE_INT_ARGB) {
            return false;
        }
        for (int pixel : ((DataBufferInt) argb.getRaster().getDataBuffer()).getData()) {
            if (pixel >>> 24 != 0xFF) {
                return true;
            }
        }
        return false;
    }

    /** A TYPE_INT_RGB image: {@code image} as it looks on a white page. */
    static BufferedImage onWhite(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage flat = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = flat.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, flat.getWidth(), flat.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return flat;
    }

    /** {@code image} as TYPE_3BYTE_BGR, the layout the JPEG encoder reads without converting each line. */
    static BufferedImage toBgrBytes(BufferedImage image) {
        return draw(image, image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
    }

    private static BufferedImage draw(BufferedImage from, int width, int height, int type) {
        BufferedImage to = new BufferedImage(width, height, type);
        Graphics2D g = to.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(from, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return to;
    }
}
