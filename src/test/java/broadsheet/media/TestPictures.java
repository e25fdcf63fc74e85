package broadsheet.media;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Pictures drawn in code for the media tests, and a look inside JPEG files. */
final class TestPictures {

    private TestPictures() {
    }

    /** Something like a photograph: gradients, soft shapes, lettering and a little noise. */
    static BufferedImage photo(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(30, 60, 120), width, height, new Color(220, 180, 90)));
        g.fillRect(0, 0, width, height);
        Random random = new Random(42);
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 140));
            g.fillOval(random.nextInt(width), random.nextInt(height), width / 10 + random.nextInt(width / 4 + 1),
                    height / 10 + random.nextInt(height / 4 + 1));
        }
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SERIF, Font.BOLD, Math.max(8, height / 10)));
        g.drawString("Broadsheet", width / 8, height / 2);
        g.dispose();
        int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
        for (int i = 0; i < pixels.length; i++) {
            int n = random.nextInt(7) - 3;
            pixels[i] = clamp((pixels[i] >> 16 & 0xFF) + n) << 16 | clamp((pixels[i] >> 8 & 0xFF) + n) << 8
                    | clamp((pixels[i] & 0xFF) + n);
        }
        image.setRGB(0, 0, width, height, pixels, 0, width);
        return image;
    }

    /** A picture of two halves, left {@code left} and right {@code right}, for telling which way is up. */
    static BufferedImage halves(int width, int height, Color left, Color right) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(left);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(right);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    /** A red disc on a fully transparent background. */
    static BufferedImage discWithTransparency(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillOval(size / 4, size / 4, size / 2, size / 2);
        g.dispose();
        return image;
    }

    static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code jpeg} with an APP1 segment right after SOI, as a camera writes it. */
    static byte[] withApp1(byte[] jpeg, byte[] app1Payload) {
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 4 + app1Payload.length);
        out.put(jpeg, 0, 2).put((byte) 0xFF).put((byte) 0xE1).putShort((short) (app1Payload.length + 2));
        out.put(app1Payload).put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    /** The markers of a JPEG's segments before its image data (SOI, APPn, DQT, SOFn...), e.g. 0xFFE1 for APP1. */
    static List<Integer> jpegMarkers(byte[] jpeg) {
        List<Integer> markers = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(jpeg);
        markers.add(in.getShort() & 0xFFFF);
        while (in.remaining() >= 4) {
            int marker = in.getShort() & 0xFFFF;
            markers.add(marker);
            if (marker == 0xFFDA) {
                break;
            }
            int length = in.getShort() & 0xFFFF;
            in.position(in.position() + length - 2);
        }
        return markers;
    }

    /** A PNG whose header claims {@code width} x {@code height} RGB pixels, followed by a tiny image stream. */
    static byte[] pngClaiming(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        byte[] idat = {0x78, (byte) 0x9C, 0x63, 0x60, 0x00, 0x00, 0x00, 0x04, 0x00, 0x01};
        ByteBuffer out = ByteBuffer.allocate(8 + 25 + 12 + idat.length + 12);
        out.put("\u0089PNG\r\n\u001a\n".getBytes(StandardCharsets.ISO_8859_1));
        pngChunk(out, "IHDR", ihdr.array());
        pngChunk(out, "IDAT", idat);
        pngChunk(out, "IEND", new byte[0]);
        return out.array();
    }

    private static void pngChunk(ByteBuffer out, String type, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(type.getBytes(StandardCharsets.ISO_8859_1));
        crc.update(data);
        out.putInt(data.length).put(type.getBytes(StandardCharsets.ISO_8859_1)).put(data).putInt((int) crc.getValue());
    }

    static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
