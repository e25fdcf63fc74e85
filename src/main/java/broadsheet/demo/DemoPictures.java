package broadsheet.demo;

import broadsheet.demo.DemoCanvas.Light;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Draws the demo newsroom's pictures with Java 2D — harbours, parliaments, stadiums, skylines, farmland,
 * laboratories, stages, mountains and editorial illustrations — and encodes them as 1600x900 JPEGs.
 * A plan draws one pool of them, in parallel, and its articles share the bytes; each picture carries its
 * kind, its light and a description of what it shows, so captions and alt text can fit it. Which story
 * gets which picture, and what its caption says, is decided by {@link DemoArticles}.
 */
final class DemoPictures {
    private DemoPictures() {}

    enum Kind { HARBOUR, PARLIAMENT, STADIUM, SKYLINE, FIELD, LABORATORY, STAGE, MARKETS, MOUNTAINS, ABSTRACT }

    /**
     * One drawn picture.
     *
     * @param number      its place in the pool
     * @param description what it shows, in a sentence, for alt text
     * @param jpeg        the encoded picture, shared by every article that uses it
     */
    record Picture(int number, Kind kind, Light light, String credit, String description, byte[] jpeg) {}

    private static final List<String> PHOTOGRAPHERS = List.of("Mara Lind", "Tobias Quell", "Anouk Ferris",
            "Jem Castellan", "Rosa Whitcombe", "Luca Brenner", "Hana Sorell", "Piet Alvane");
    private static final List<String> AGENCIES = List.of("Meridian Press", "Coastline Images", "Northlight Agency",
            "Halvard Photo Service");
    private static final List<String> ILLUSTRATORS = List.of("Nell Carver", "Otto Brisk", "Sunna Vale");

    /** A pool of pictures, every kind in turn, drawn in parallel; the same seed and size give the same pool. */
    static List<Picture> pool(long seed, int size) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] seeds = random.longs(size).toArray();
        Kind[] kinds = Kind.values();
        return IntStream.range(0, size).parallel()
                .mapToObj(i -> draw(i, kinds[i % kinds.length], seeds[i]))
                .toList();
    }

    static Picture draw(int number, Kind kind, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Light light = light(kind, r);
        String credit = credit(kind, r);
        BufferedImage image = DemoCanvas.canvas();
        Graphics2D g = DemoCanvas.graphics(image);
        String description = switch (kind) {
            case HARBOUR -> DemoCityScenes.harbour(image, g, r, light);
            case PARLIAMENT -> DemoCityScenes.parliament(image, g, r, light);
            case SKYLINE -> DemoCityScenes.skyline(image, g, r, light);
            case FIELD -> DemoLandScenes.field(image, g, r, light);
            case MOUNTAINS -> DemoLandScenes.mountains(image, g, r, light);
            case STADIUM -> DemoIndoorScenes.stadium(image, g, r, light);
            case LABORATORY -> DemoIndoorScenes.laboratory(image, g, r, light);
            case STAGE -> DemoIndoorScenes.stage(image, g, r, light);
            case MARKETS -> DemoGraphics.markets(image, g, r);
            case ABSTRACT -> DemoGraphics.abstractShapes(image, g, r);
        };
        boolean illustration = kind == Kind.MARKETS || kind == Kind.ABSTRACT;
        g.dispose();
        return new Picture(number, kind, light, credit, description, jpeg(DemoCanvas.finish(image, r, illustration ? 0.15 : 0.45)));
    }

    private static Light light(Kind kind, SplittableRandom r) {
        double roll = r.nextDouble();
        return switch (kind) {
            case HARBOUR -> roll < 0.25 ? Light.DAWN : roll < 0.6 ? Light.DAY : roll < 0.88 ? Light.DUSK : Light.NIGHT;
            case PARLIAMENT -> roll < 0.15 ? Light.DAWN : roll < 0.55 ? Light.DAY : roll < 0.85 ? Light.DUSK : Light.NIGHT;
            case SKYLINE -> roll < 0.1 ? Light.DAWN : roll < 0.35 ? Light.DAY : roll < 0.7 ? Light.DUSK : Light.NIGHT;
            case FIELD -> roll < 0.2 ? Light.DAWN : roll < 0.8 ? Light.DAY : Light.DUSK;
            case MOUNTAINS -> roll < 0.3 ? Light.DAWN : roll < 0.6 ? Light.DAY : Light.NIGHT;
            case STADIUM -> roll < 0.3 ? Light.DUSK : Light.NIGHT;
            case STAGE -> Light.NIGHT;
            case LABORATORY, MARKETS, ABSTRACT -> Light.DAY;
        };
    }

    private static String credit(Kind kind, SplittableRandom r) {
        if (kind == Kind.MARKETS || kind == Kind.ABSTRACT) {
            return ILLUSTRATORS.get(r.nextInt(ILLUSTRATORS.size())) + "/Broadsheet Graphics";
        }
        String photographer = PHOTOGRAPHERS.get(r.nextInt(PHOTOGRAPHERS.size()));
        return photographer + "/" + (r.nextBoolean() ? "Broadsheet Pictures" : AGENCIES.get(r.nextInt(AGENCIES.size())));
    }

    static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.85f);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 * 1024);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode a demo picture", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
