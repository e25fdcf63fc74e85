import broadsheet.media.PictureProcessor;
import broadsheet.media.ProcessedPicture;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * The picture benchmark, run by bench/pictures with the built jar on the class path: makes a photograph-like JPEG of
 * the size asked (smooth light with grain, from a fixed seed, so runs compare), processes it as an upload is processed
 * (decoded, its master and every rendition encoded) a few times to warm the JIT, then times it and prints the median,
 * the fastest and the slowest run, with the bytes of every rendition.
 *
 *   java -cp target/broadsheet.jar bench/PictureBench.java WIDTH HEIGHT RUNS
 */
public final class PictureBench {
    public static void main(String[] args) throws Exception {
        int width = Integer.parseInt(args[0]);
        int height = Integer.parseInt(args[1]);
        int runs = Integer.parseInt(args[2]);
        byte[] jpeg = photograph(width, height);
        var processor = new PictureProcessor();
        ProcessedPicture made = null;
        for (int i = 0; i < Math.max(5, runs / 2); i++) made = processor.process(jpeg);
        long[] took = new long[runs];
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            processor.process(jpeg);
            took[i] = System.nanoTime() - started;
        }
        Arrays.sort(took);
        System.out.printf("a %dx%d JPEG of %,d bytes, processed %d times after warming: median %.1f ms, fastest %.1f ms, slowest %.1f ms%n",
                width, height, jpeg.length, runs, took[runs / 2] / 1e6, took[0] / 1e6, took[runs - 1] / 1e6);
        System.out.printf("master: %s, %,d bytes%n", made.master().type(), made.master().bytes().length);
        made.renditions().forEach(r -> System.out.printf("  %-12s %5dx%-5d %,9d bytes%n", r.format(), r.width(), r.height(), r.bytes().length));
    }

    /** Light falling across the frame from one corner, with a few soft shapes, a fine texture and the grain of a sensor. */
    private static byte[] photograph(int width, int height) throws IOException {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var random = new Random(7);
        double[][] blobs = new double[12][];
        for (int i = 0; i < blobs.length; i++) {
            blobs[i] = new double[] {random.nextDouble() * width, random.nextDouble() * height, (0.05 + random.nextDouble() * 0.2) * width,
                    random.nextInt(120) - 60};
        }
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double light = 60 + 150.0 * (x + y) / (width + height);
                for (double[] b : blobs) {
                    double dx = (x - b[0]) / b[2], dy = (y - b[1]) / b[2];
                    light += b[3] * Math.exp(-(dx * dx + dy * dy));
                }
                int grain = random.nextInt(33) - 16;
                light += 18 * Math.sin(x * 0.21 + Math.sin(y * 0.05) * 3) * Math.cos(y * 0.17);
                int r = clamp(light * 1.05 + grain), g = clamp(light * 0.95 + grain), bl = clamp(light * 0.8 + 20 + grain);
                image.setRGB(x, y, r << 16 | g << 8 | bl);
            }
        }
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, v));
    }
}
