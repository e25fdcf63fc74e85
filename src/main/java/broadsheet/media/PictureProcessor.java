package broadsheet.media;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Makes a picture fit to publish from the bytes someone supplied: checks it is a JPEG, PNG, GIF or
 * WebP by its content, decodes it with limits against hostile files, stands it upright by its EXIF
 * orientation, and re-encodes it from the pixels alone, so that no metadata (GPS position, camera
 * serial, editing history) survives into anything the site serves. Out come a master at full size
 * and renditions at the widths a page asks for. Pure functions on bytes: storing the files, naming
 * them ({@link ContentHash}) and captions, credits and alt text belong to the media library.
 * One call encodes its sizes side by side on the common fork-join pool; instances hold no state and
 * may be shared between threads.
 */
public final class PictureProcessor {

    /**
     * The widths readers' screens get, narrowest first; matched by the templates' {@code sizes}. 800 is there for
     * the common phone a full-width picture fills at 412 CSS pixels and 1.75 device pixels each (721 pixels, one more
     * than 720), and for 375 and 400 px screens at twice: without it those phones fetch the 960, a third more bytes.
     * A width added here reaches pictures stored before through {@link MediaLibrary#addMissingRenditions}.
     */
    public static final List<Integer> RENDITION_WIDTHS = List.of(360, 480, 720, 800, 960, 1280, 1600);

    /**
     * The widths of the {@link Rendition#DENSE_WEBP} files, listed for phone screens of 1.5 device pixels per CSS pixel
     * or more (a 360 to 430 px phone at 1.5 to 3): there each pixel is too small to show the marks of harder
     * compression, and the lead picture is the page's Largest Contentful Paint, so its bytes decide when the page looks
     * ready on a slow connection. A width added here reaches older pictures through
     * {@link MediaLibrary#addMissingRenditions}.
     */
    public static final List<Integer> DENSE_WIDTHS = List.of(480, 720, 800, 960, 1280);

    static final float MASTER_QUALITY = 0.85f;
    static final float RENDITION_QUALITY = 0.80f;
    /** libwebp's quality scale is not JPEG's: its default, 75, looks as good as JPEG at 80 in about a fifth
     *  fewer bytes than WebP at 80, and a reader on a phone waits for those bytes before the page looks ready. */
    static final float WEBP_QUALITY = 0.75f;
    /** The quality of the {@link Rendition#DENSE_WEBP} files: at 1.75 device pixels per CSS pixel and more, a phone
     *  shows them as {@link #WEBP_QUALITY} to the eye, in about half the bytes. */
    static final float DENSE_WEBP_QUALITY = 0.45f;

    static {
        // Decoding and encoding happen in memory; ImageIO's default temporary files would only add disk I/O.
        ImageIO.setUseCache(false);
    }

    /**
     * Processes one picture.
     *
     * @throws PictureException when it is not a JPEG, PNG, GIF or WebP picture, is damaged or cut short,
     *                          has no pixels, or is larger than 60 megapixels
     */
    public ProcessedPicture process(byte[] original) throws PictureException {
        PictureType type = PictureType.sniff(original)
                .orElseThrow(() -> new PictureException("not a JPEG, PNG, GIF or WebP picture"));
        try {
            return process(original, type);
        } catch (PictureException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PictureException("the " + type.displayName() + " picture could not be processed", e);
        }
    }

    private ProcessedPicture process(byte[] original, PictureType type) {
        BufferedImage pixels = upright(original, type);
        BufferedImage opaque = PictureScaler.onWhite(pixels);
        boolean transparent = PictureScaler.hasTransparency(pixels);
        Supplier<byte[]> masterEncoding = transparent
                ? () -> PictureEncoder.png(pixels)
                : () -> PictureEncoder.jpeg(PictureScaler.toBgrBytes(opaque), MASTER_QUALITY, false);
        List<byte[]> encoded = new ArrayList<>();
        List<Integer> widths = renditionWidths(opaque.getWidth());
        List<Rendition> renditions = sized(opaque, widths, denseWidths(opaque.getWidth()), masterEncoding, encoded, true);
        Encoded master = new Encoded(transparent ? PictureType.PNG : PictureType.JPEG, encoded.getFirst());
        return new ProcessedPicture(type, opaque.getWidth(), opaque.getHeight(), master, renditions);
    }

    /**
     * Renditions of a stored master, for a width added to {@link #RENDITION_WIDTHS} or {@link #DENSE_WIDTHS} after the
     * picture was stored: JPEG and WebP at {@code widths}, and {@link Rendition#DENSE_WEBP} at {@code denseWidths}
     * (where libwebp loads), each only when narrower than the picture. Made on the calling thread alone, as this is
     * background work that should leave the other cores to readers.
     *
     * @throws PictureException when the master is not a picture this class can read
     */
    public List<Rendition> renditionsOfMaster(byte[] master, List<Integer> widths, List<Integer> denseWidths)
            throws PictureException {
        PictureType type = PictureType.sniff(master).orElseThrow(() -> new PictureException("the master is not a picture"));
        try {
            BufferedImage opaque = PictureScaler.onWhite(upright(master, type));
            List<Integer> narrower = widths.stream().filter(w -> w < opaque.getWidth()).sorted().toList();
            List<Integer> dense = PictureEncoder.webpAvailable()
                    ? denseWidths.stream().filter(w -> w < opaque.getWidth()).sorted().toList() : List.of();
            return narrower.isEmpty() && dense.isEmpty() ? List.of()
                    : sized(opaque, narrower, dense, null, new ArrayList<>(), false);
        } catch (PictureException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PictureException("the master could not be processed", e);
        }
    }

    /**
     * Scales {@code opaque} to each width and encodes it as JPEG and, where libwebp loads, WebP, and at each of
     * {@code denseWidths} as {@link Rendition#DENSE_WEBP}, side by side on all cores when {@code parallel}; when
     * {@code first} is given its bytes are encoded alongside and left first in {@code encodedOut}.
     */
    private static List<Rendition> sized(BufferedImage opaque, List<Integer> widths, List<Integer> denseWidths,
                                         Supplier<byte[]> first, List<byte[]> encodedOut, boolean parallel) {
        boolean webp = PictureEncoder.webpAvailable();
        List<Integer> dense = webp ? denseWidths : List.of();
        List<Integer> all = Stream.concat(widths.stream(), dense.stream()).distinct().sorted().toList();
        PictureScaler scaler = new PictureScaler(opaque, all.getFirst());
        List<BufferedImage> sized = (parallel ? all.parallelStream() : all.stream())
                .map(width -> scaler.scaleTo(width, heightAt(width, opaque.getWidth(), opaque.getHeight())))
                .toList();

        record Made(BufferedImage image, String format) {}
        List<Made> made = new ArrayList<>();
        for (BufferedImage image : sized) {
            if (widths.contains(image.getWidth())) {
                made.add(new Made(image, Rendition.JPEG));
                if (webp) made.add(new Made(image, Rendition.WEBP));
            }
            if (dense.contains(image.getWidth())) made.add(new Made(image, Rendition.DENSE_WEBP));
        }
        List<Supplier<byte[]>> encodings = new ArrayList<>();
        if (first != null) encodings.add(first);
        for (Made m : made) {
            encodings.add(switch (m.format()) {
                case Rendition.JPEG -> () -> PictureEncoder.jpeg(m.image(), RENDITION_QUALITY, true);
                case Rendition.WEBP -> () -> PictureEncoder.webp(m.image(), WEBP_QUALITY);
                default -> () -> PictureEncoder.webp(m.image(), DENSE_WEBP_QUALITY);
            });
        }
        // The encoders are the bulk of the work and independent of each other: run them on all cores.
        List<byte[]> encoded = (parallel ? encodings.parallelStream() : encodings.stream()).map(Supplier::get).toList();
        encodedOut.addAll(encoded);

        List<Rendition> renditions = new ArrayList<>();
        int next = first != null ? 1 : 0;
        for (Made m : made) {
            renditions.add(new Rendition(m.image().getWidth(), m.image().getHeight(), m.format(), encoded.get(next++)));
        }
        return renditions;
    }

    /** Decoded into 8-bit RGB(A) and turned the right way up; the decoder's own image is dropped here. */
    private static BufferedImage upright(byte[] original, PictureType type) {
        BufferedImage decoded = PictureDecoder.decode(original, type);
        return ExifOrientation.apply(PictureScaler.toIntPixels(decoded), ExifOrientation.read(original, type));
    }

    /** The standard widths narrower than the picture, or the picture's own width when it is narrower than all. */
    static List<Integer> renditionWidths(int originalWidth) {
        List<Integer> narrower = RENDITION_WIDTHS.stream().filter(w -> w < originalWidth).toList();
        return narrower.isEmpty() ? List.of(originalWidth) : narrower;
    }

    /** The {@link #DENSE_WIDTHS} narrower than the picture. */
    static List<Integer> denseWidths(int originalWidth) {
        return DENSE_WIDTHS.stream().filter(w -> w < originalWidth).toList();
    }

    static int heightAt(int width, int originalWidth, int originalHeight) {
        return (int) Math.max(1, Math.round(width * (double) originalHeight / originalWidth));
    }
}
