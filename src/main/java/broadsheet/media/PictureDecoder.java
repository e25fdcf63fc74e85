package broadsheet.media;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Turns the bytes of a sniffed picture into pixels, refusing what is hostile or broken before it costs
 * memory: the size in the header is checked before a single pixel is decoded. Only the first frame of
 * an animated GIF or WebP is read. Orientation is left to {@link ExifOrientation}.
 */
final class PictureDecoder {

    /** Larger than any camera a newsroom uses (a 50-megapixel frame), small enough to decode in memory. */
    static final long MAX_PIXELS = 60_000_000L;

    private PictureDecoder() {
    }

    static BufferedImage decode(byte[] bytes, PictureType type) {
        ImageReader reader = readerFor(type);
        List<String> warnings = new ArrayList<>();
        try (ImageInputStream in = new ByteArrayImageInputStream(bytes)) {
            reader.setInput(in, true, true);
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            checkSize(reader.getWidth(0), reader.getHeight(0));
            BufferedImage image = reader.read(0, reader.getDefaultReadParam());
            if (image == null || warnings.stream().anyMatch(PictureDecoder::meansCutShort)) {
                throw damaged(type, null);
            }
            checkSize(image.getWidth(), image.getHeight());
            return image;
        } catch (PictureException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Decoders answer hostile input with whatever they trip over (IndexOutOfBounds, NegativeArraySize,
            // IllegalArgument...); to the person who sent the file all of them mean the same thing.
            throw damaged(type, e);
        } finally {
            reader.dispose();
        }
    }

    private static void checkSize(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new PictureException("the picture has no pixels (" + width + " x " + height + ")");
        }
        if ((long) width * height > MAX_PIXELS) {
            throw new PictureException("the picture is too large: " + width + " x " + height
                    + " pixels, at most " + MAX_PIXELS / 1_000_000 + " megapixels are accepted");
        }
    }

    /**
     * The JPEG decoder fills the missing part of a cut-short file with grey and only warns; a picture
     * published with a grey band is worse than a refusal. Other warnings (stray bytes between
     * segments, common in camera files) are harmless and let through.
     */
    private static boolean meansCutShort(String warning) {
        String text = warning == null ? "" : warning.toLowerCase(Locale.ROOT);
        return text.contains("premature end") || text.contains("truncated");
    }

    private static PictureException damaged(PictureType type, Exception cause) {
        return new PictureException("the " + type.displayName() + " picture is damaged or cut short", cause);
    }

    /**
     * TwelveMonkeys' readers come first where present: its JPEG reader handles CMYK and odd colour
     * profiles, and its WebP reader is pure Java, so a malicious WebP cannot crash the process in native
     * code (the native libwebp on the class path is used for encoding only).
     */
    private static ImageReader readerFor(PictureType type) {
        ImageReader chosen = null;
        for (Iterator<ImageReader> it = ImageIO.getImageReadersByMIMEType(type.mediaType()); it.hasNext(); ) {
            ImageReader candidate = it.next();
            if (chosen == null || isTwelveMonkeys(candidate) && !isTwelveMonkeys(chosen)) {
                if (chosen != null) {
                    chosen.dispose();
                }
                chosen = candidate;
            } else {
                candidate.dispose();
            }
        }
        if (chosen == null) {
            throw new IllegalStateException("no ImageIO reader for " + type.mediaType() + " on the class path");
        }
        return chosen;
    }

    private static boolean isTwelveMonkeys(ImageReader reader) {
        return reader.getClass().getName().startsWith("com.twelvemonkeys.");
    }
}
