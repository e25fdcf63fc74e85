package broadsheet.demo;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.util.SplittableRandom;

/**
 * The painter's kit shared by the demo scenes: light and its palette, skies with sun, moon, stars and
 * clouds, ridges of hills, water that reflects what stands above it, and a finish of grain and vignette
 * so flat gradients read as photographs. What a scene contains is left to {@link DemoOutdoorScenes} and
 * {@link DemoIndoorScenes}.
 */
final class DemoCanvas {
    private DemoCanvas() {}

    static final int W = 1600, H = 900;

    enum Light {
        DAWN("at dawn"), DAY("in daylight"), DUSK("at dusk"), NIGHT("at night");

        final String words;

        Light(String words) {
            this.words = words;
        }
    }

    /** The colours of one moment: sky from top to horizon, the sun or moon, the land in shadow, haze and lit windows. */
    record Palette(Color top, Color mid, Color horizon, Color sun, Color land, Color haze, Color window) {}

    static Palette palette(Light light, SplittableRandom r) {
        Palette p = switch (light) {
            case DAWN -> new Palette(rgb(44, 62, 112), rgb(196, 132, 150), rgb(250, 204, 156), rgb(255, 238, 205),
                    rgb(58, 54, 76), rgb(200, 164, 168), rgb(255, 214, 140));
            case DAY -> new Palette(rgb(48, 106, 178), rgb(118, 168, 218), rgb(212, 228, 240), rgb(255, 246, 214),
                    rgb(66, 86, 84), rgb(170, 196, 212), rgb(196, 218, 236));
            case DUSK -> new Palette(rgb(30, 34, 84), rgb(172, 82, 110), rgb(252, 164, 92), rgb(255, 196, 118),
                    rgb(34, 28, 50), rgb(150, 92, 112), rgb(255, 200, 112));
            case NIGHT -> new Palette(rgb(6, 10, 30), rgb(18, 32, 72), rgb(44, 64, 108), rgb(242, 240, 226),
                    rgb(10, 14, 28), rgb(42, 56, 92), rgb(255, 210, 124));
        };
        return new Palette(jitter(p.top, r, 12), jitter(p.mid, r, 14), jitter(p.horizon, r, 10), p.sun,
                jitter(p.land, r, 8), jitter(p.haze, r, 10), p.window);
    }

    static BufferedImage canvas() {
        return new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    }

    static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        return g;
    }

    static Color rgb(int r, int g, int b) {
        return new Color(r, g, b);
    }

    static Color mix(Color a, Color b, double t) {
        return new Color(lerp(a.getRed(), b.getRed(), t), lerp(a.getGreen(), b.getGreen(), t),
                lerp(a.getBlue(), b.getBlue(), t), lerp(a.getAlpha(), b.getAlpha(), t));
    }

    static Color alpha(Color c, double alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), clamp((int) Math.round(alpha * 255)));
    }

    static Color jitter(Color c, SplittableRandom r, int amount) {
        return new Color(clamp(c.getRed() + r.nextInt(-amount, amount + 1)),
                clamp(c.getGreen() + r.nextInt(-amount, amount + 1)), clamp(c.getBlue() + r.nextInt(-amount, amount + 1)));
    }

    static double between(SplittableRandom r, double low, double high) {
        return low + r.nextDouble() * (high - low);
    }

    static void sky(Graphics2D g, Palette p, int horizon) {
        g.setPaint(new LinearGradientPaint(0, 0, 0, horizon, new float[] {0f, 0.62f, 1f},
                new Color[] {p.top(), p.mid(), p.horizon()}));
        g.fillRect(0, 0, W, Math.min(H, horizon + 4));
        g.setColor(p.horizon());
        g.fillRect(0, horizon + 4, W, H);
    }

    /** A disc with a wide soft glow around it. */
    static void glow(Graphics2D g, double x, double y, double radius, Color color, double strength) {
        float reach = (float) (radius * 7);
        g.setPaint(new RadialGradientPaint(new Point2D.Double(x, y), reach, new float[] {0f, 0.18f, 1f},
                new Color[] {alpha(color, 0.75 * strength), alpha(color, 0.22 * strength), alpha(color, 0)}));
        g.fill(new Ellipse2D.Double(x - reach, y - reach, reach * 2, reach * 2));
        g.setColor(color);
        g.fill(new Ellipse2D.Double(x - radius, y - radius, radius * 2, radius * 2));
    }

    /** The sun, or at night the moon and stars, placed as the light allows; returns the x of the light source. */
    static double heavens(Graphics2D g, SplittableRandom r, Light light, Palette p, int horizon) {
        double x = between(r, W * 0.15, W * 0.85);
        switch (light) {
            case NIGHT -> {
                for (int i = 0; i < 260; i++) {
                    g.setColor(alpha(Color.WHITE, between(r, 0.25, 0.9)));
                    double s = between(r, 0.8, 2.4);
                    g.fill(new Ellipse2D.Double(r.nextDouble() * W, Math.pow(r.nextDouble(), 1.4) * horizon * 0.85, s, s));
                }
                double y = between(r, H * 0.1, H * 0.3), radius = between(r, 22, 34);
                glow(g, x, y, radius, p.sun(), 0.45);
                g.setColor(alpha(rgb(200, 200, 190), 0.35));
                for (int i = 0; i < 5; i++) {
                    double cr = radius * between(r, 0.12, 0.3);
                    g.fill(new Ellipse2D.Double(x + between(r, -0.6, 0.4) * radius, y + between(r, -0.6, 0.4) * radius, cr, cr));
                }
            }
            case DAY -> glow(g, x, between(r, H * 0.08, H * 0.22), between(r, 30, 40), p.sun(), 1.1);
            default -> glow(g, x, horizon - between(r, 30, 120), between(r, 34, 52), p.sun(), 1.0);
        }
        return x;
    }

    /** Banks of soft cloud, tinted by the light. */
    static void clouds(Graphics2D g, SplittableRandom r, Light light, Palette p, int horizon, int banks) {
        Color tint = switch (light) {
            case DAY -> rgb(250, 250, 252);
            case NIGHT -> mix(p.mid(), Color.WHITE, 0.15);
            default -> mix(p.sun(), p.mid(), 0.45);
        };
        for (int b = 0; b < banks; b++) {
            double cx = r.nextDouble() * W, cy = between(r, horizon * 0.12, horizon * 0.8);
            double width = between(r, 180, 420), opacity = light == Light.DAY ? between(r, 0.45, 0.8) : between(r, 0.3, 0.6);
            int puffs = 7 + r.nextInt(7);
            for (int i = 0; i < puffs; i++) {
                double px = cx + between(r, -0.5, 0.5) * width, py = cy + between(r, -0.25, 0.1) * width * 0.3;
                double rx = between(r, 0.15, 0.32) * width, ry = rx * between(r, 0.35, 0.6);
                g.setPaint(new RadialGradientPaint(new Point2D.Double(px, py), (float) rx, new float[] {0f, 0.55f, 1f},
                        new Color[] {alpha(tint, opacity), alpha(tint, opacity * 0.55), alpha(tint, 0)}));
                g.fill(new Ellipse2D.Double(px - rx, py - ry, rx * 2, ry * 2));
            }
        }
    }

    /** A gently rolling ridge line closed down to the bottom of the picture. */
    static Path2D ridge(SplittableRandom r, double base, double amplitude, double waviness) {
        double p1 = r.nextDouble() * 7, p2 = r.nextDouble() * 7, p3 = r.nextDouble() * 7;
        double f1 = between(r, 0.8, 1.6) * waviness / W * 6, f2 = f1 * between(r, 2.2, 3.4), f3 = f1 * between(r, 6, 9);
        Path2D.Double path = new Path2D.Double();
        path.moveTo(-10, H + 10);
        for (int x = -10; x <= W + 10; x += 8) {
            double y = base - amplitude * (0.55 * Math.sin(x * f1 + p1) + 0.3 * Math.sin(x * f2 + p2) + 0.15 * Math.sin(x * f3 + p3));
            path.lineTo(x, y);
        }
        path.lineTo(W + 10, H + 10);
        path.closePath();
        return path;
    }

    /**
     * Water from the horizon down: what stands above is mirrored with a ripple and darkened towards the
     * viewer. Call it after drawing everything above the water and before anything that floats on it.
     */
    static void water(BufferedImage image, Graphics2D g, SplittableRandom r, Palette p, int horizon) {
        int depth = Math.min(H - horizon, horizon);
        BufferedImage above = new BufferedImage(W, depth, BufferedImage.TYPE_INT_RGB);
        above.getGraphics().drawImage(image.getSubimage(0, horizon - depth, W, depth), 0, 0, null);
        g.setPaint(new LinearGradientPaint(0, horizon, 0, H, new float[] {0f, 1f},
                new Color[] {mix(p.horizon(), p.land(), 0.35), mix(p.top(), p.land(), 0.55)}));
        g.fillRect(0, horizon, W, H - horizon);
        Composite before = g.getComposite();
        double phase = r.nextDouble() * 6;
        for (int y = 0; y < H - horizon; ) {
            int strip = 2 + y / 60;
            int source = Math.max(0, depth - 1 - y);
            double t = (double) y / (H - horizon);
            int dx = (int) Math.round(Math.sin(y * 0.21 + phase) * (1.5 + t * 9));
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) (0.62 - 0.3 * t)));
            g.drawImage(above, dx, horizon + y, dx + W, horizon + y + strip, 0, source, W, Math.max(source - strip, 0), null);
            y += strip;
        }
        g.setComposite(before);
        for (int i = 0; i < 140; i++) {
            double y = horizon + Math.pow(r.nextDouble(), 1.6) * (H - horizon), len = between(r, 20, 140) * (1 + (y - horizon) / 300);
            g.setColor(alpha(mix(p.horizon(), Color.WHITE, 0.3), between(r, 0.05, 0.22)));
            g.fill(new Rectangle2D.Double(r.nextDouble() * W, y, len, 1.2 + (y - horizon) / 250));
        }
    }

    /**
     * The finished picture: corners softly darkened and a fine monochrome grain added, so flat gradients
     * read as photographs. Written into the byte layout the JPEG encoder takes without converting.
     */
    static BufferedImage finish(BufferedImage image, SplittableRandom r, double vignette) {
        BufferedImage out = new BufferedImage(W, H, BufferedImage.TYPE_3BYTE_BGR);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        byte[] bytes = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        float[] across = new float[W];
        for (int x = 0; x < W; x++) {
            double dx = (x - W / 2.0) / (W / 2.0);
            across[x] = (float) (dx * dx);
        }
        int[] keep = new int[W];
        long bits = r.nextLong() | 1;
        for (int y = 0, i = 0; y < H; y++) {
            double dy = (y - H / 2.0) / (H / 2.0);
            for (int x = 0; x < W / 2; x++) {
                float d = Math.min(1f, (across[x] + (float) (dy * dy) - 0.35f) / 1.65f);
                keep[x] = keep[W - 1 - x] = d <= 0 ? 256 : (int) (256 * (1 - vignette * d * d * (3 - 2 * d)));
            }
            for (int x = 0; x < W; x++, i++) {
                if ((x & 15) == 0) {
                    bits ^= bits << 13;
                    bits ^= bits >>> 7;
                    bits ^= bits << 17;
                }
                int n = (int) ((bits >>> ((x & 15) << 2)) & 7) - 3;
                int c = pixels[i], o = i * 3, k = keep[x];
                bytes[o] = (byte) clamp(((c & 255) * k >> 8) + n);
                bytes[o + 1] = (byte) clamp((((c >> 8) & 255) * k >> 8) + n);
                bytes[o + 2] = (byte) clamp((((c >> 16) & 255) * k >> 8) + n);
            }
        }
        return out;
    }

    static int clamp(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }

    private static int lerp(int a, int b, double t) {
        return clamp((int) Math.round(a + (b - a) * t));
    }
}
