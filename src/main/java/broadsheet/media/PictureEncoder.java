package broadsheet.media;

import com.luciad.imageio.webp.CompressionType;
import com.luciad.imageio.webp.WebPWriteParam;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes pixels as JPEG, PNG or WebP files. Nothing but the pixels is written: no metadata object is
 * passed to a writer, so a file gets only the format's bare header (JFIF for JPEG) and no EXIF, XMP,
 * ICC or text chunks. WebP comes from libwebp through the webp-imageio library; where its native code
 * does not load (a platform it has no build for) WebP is reported unavailable and callers skip it.
 */
final class PictureEncoder {

    private static final Logger LOG = LoggerFactory.getLogger(PictureEncoder.class);

    /** libwebp's speed/size trade-off, 0 to 6. Method 1 encodes about three times faster than the
     *  default 4 at a few percent more bytes, which keeps a picture's processing inside its budget. */
    static final int WEBP_METHOD = 1;

    /** The method for the sizes phones get ({@link #TIGHT_WEBP_WIDTH} pixels wide or less): the lead picture on
     *  a phone is the page's Largest Contentful Paint, so its bytes decide how soon the page looks ready, and these
     *  small sizes are cheap to encode slowly (method 4 makes a 720 px file about a tenth smaller than method 1). */
    static final int TIGHT_WEBP_METHOD = 4;

    static final int TIGHT_WEBP_WIDTH = 960;

    private PictureEncoder() {
    }

    static byte[] jpeg(BufferedImage rgb, float quality, boolean progressive) {
        ImageWriter writer = writer("image/jpeg", "");
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        param.setProgressiveMode(progressive ? ImageWriteParam.MODE_DEFAULT : ImageWriteParam.MODE_DISABLED);
        return write(writer, param, rgb);
    }

    static byte[] png(BufferedImage image) {
        ImageWriter writer = writer("image/png", "");
        ImageWriteParam param = writer.getDefaultWriteParam();
        // Quality 0.5 is deflate level 4: nearly the size of level 9 in a fraction of the time.
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.5f);
        return write(writer, param, image);
    }

    /** Lossy WebP, with the tighter method for phone-sized pictures (see {@link #TIGHT_WEBP_METHOD}). */
    static byte[] webp(BufferedImage rgb, float quality) {
        return webp(rgb, quality, rgb.getWidth() <= TIGHT_WEBP_WIDTH ? TIGHT_WEBP_METHOD : WEBP_METHOD);
    }

    static byte[] webp(BufferedImage rgb, float quality, int method) {
        ImageWriter writer = writer("image/webp", "com.luciad.");
        var param = (WebPWriteParam) writer.getDefaultWriteParam();
        param.setCompressionType(CompressionType.Lossy);
        param.setCompressionQuality(quality);
        param.setMethod(method);
        return write(writer, param, rgb);
    }

    static boolean webpAvailable() {
        return WebpProbe.AVAILABLE;
    }

    private static byte[] write(ImageWriter writer, ImageWriteParam param, BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(image.getWidth() * image.getHeight() / 4 + 1024);
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** A fresh writer for {@code mediaType}, the first whose class name starts with {@code vendorPrefix}. */
    private static ImageWriter writer(String mediaType, String vendorPrefix) {
        for (Iterator<ImageWriter> it = ImageIO.getImageWritersByMIMEType(mediaType); it.hasNext(); ) {
            ImageWriter writer = it.next();
            if (writer.getClass().getName().startsWith(vendorPrefix)) {
                return writer;
            }
            writer.dispose();
        }
        throw new IllegalStateException("no ImageIO writer for " + mediaType + " on the class path");
    }

    /** Tries libwebp once, on first use, with a one-pixel picture. */
    private static final class WebpProbe {
        static final boolean AVAILABLE = probe();

        private static boolean probe() {
            try {
                webp(new BufferedImage(1, 1, BufferedImage.TYPE_3BYTE_BGR), 0.8f);
                return true;
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("WebP renditions are off: libwebp does not load on this platform ({})", e.toString());
                return false;
            }
        }
    }
}
