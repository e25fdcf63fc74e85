package broadsheet.demo;

import static broadsheet.demo.DemoCanvas.H;
import static broadsheet.demo.DemoCanvas.W;
import static broadsheet.demo.DemoCanvas.alpha;
import static broadsheet.demo.DemoCanvas.between;
import static broadsheet.demo.DemoCanvas.jitter;
import static broadsheet.demo.DemoCanvas.mix;
import static broadsheet.demo.DemoCanvas.rgb;

import broadsheet.demo.DemoCanvas.Light;
import broadsheet.demo.DemoCanvas.Palette;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * Scenes of open country for the demo pictures: farmland with hedgerows and wind turbines, and mountains
 * over a lake, by day or under the stars. Each returns what it drew, in words, for the alt text.
 */
final class DemoLandScenes {
    private DemoLandScenes() {}

    static String field(BufferedImage image, Graphics2D g, SplittableRandom r, Light light) {
        Palette p = DemoCanvas.palette(light, r);
        int horizon = (int) (H * between(r, 0.5, 0.58));
        DemoCanvas.sky(g, p, horizon + 40);
        DemoCanvas.heavens(g, r, light, p, horizon);
        DemoCanvas.clouds(g, r, light, p, horizon, 3 + r.nextInt(4));
        double dark = DemoCityScenes.darkness(light) * 0.8;
        g.setColor(mix(mix(rgb(96, 120, 140), p.haze(), 0.5), p.land(), dark * 0.5));
        Path2D far = DemoCanvas.ridge(r, horizon - 10, 40, 1.0);
        g.fill(far);
        boolean turbines = r.nextDouble() < 0.55;
        if (turbines) {
            int count = 3 + r.nextInt(4);
            double start = between(r, W * 0.05, W * 0.5), gap = between(r, 70, 130);
            for (int i = 0; i < count; i++) {
                double x = start + i * gap + between(r, -15, 15), y = ridgeY(far, x) + 6;
                turbine(g, x, y, between(r, 90, 130), r.nextDouble() * Math.PI * 2,
                        mix(rgb(236, 238, 240), p.land(), dark), 1.4f);
            }
        }
        boolean gold = r.nextDouble() < 0.45;
        Color grass = mix(jitter(rgb(86, 128, 64), r, 12), p.land(), dark);
        Color crop = mix(gold ? jitter(rgb(196, 168, 86), r, 12) : jitter(rgb(120, 150, 70), r, 12), p.land(), dark);
        g.setColor(mix(grass, p.haze(), 0.3));
        Path2D middle = DemoCanvas.ridge(r, horizon + 30, 30, 0.8);
        g.fill(middle);
        trees(g, r, middle, mix(rgb(40, 66, 40), p.land(), dark), 0.8);
        Path2D near = DemoCanvas.ridge(r, horizon + between(r, 110, 170), 26, 0.6);
        g.setColor(crop);
        g.fill(near);
        Shape clip = g.getClip();
        g.setClip(near);
        double vx = between(r, W * 0.3, W * 0.7), vy = horizon + 40;
        g.setColor(mix(crop, Color.BLACK, 0.16));
        g.setStroke(new BasicStroke(6f));
        for (double x = -W * 2; x < W * 3; x += 44) g.draw(new Line2D.Double(vx, vy, x, H + 40));
        g.setPaint(new GradientPaint(0, (float) vy, alpha(p.haze(), 0.35), 0, H, alpha(p.haze(), 0)));
        g.fillRect(0, 0, W, H);
        g.setClip(clip);
        trees(g, r, near, mix(rgb(34, 56, 34), p.land(), dark), 0.5);
        if (r.nextDouble() < 0.5) {
            double x = between(r, W * 0.1, W * 0.8), y = ridgeY(middle, x) + 4;
            g.setColor(mix(rgb(226, 220, 204), p.land(), dark));
            g.fill(new Rectangle2D.Double(x, y - 26, 54, 26));
            g.setColor(mix(rgb(140, 60, 46), p.land(), dark));
            g.fill(DemoCityScenes.pinnacle(x + 27, y - 26, 66, 22));
        }
        return "Rolling " + (gold ? "golden " : "green ") + "farmland and hedgerows under a wide sky " + light.words
                + (turbines ? ", with wind turbines on the far ridge." : ", with low hills in the distance.");
    }

    static String mountains(BufferedImage image, Graphics2D g, SplittableRandom r, Light light) {
        Palette p = DemoCanvas.palette(light, r);
        int horizon = (int) (H * between(r, 0.64, 0.72));
        DemoCanvas.sky(g, p, horizon);
        DemoCanvas.heavens(g, r, light, p, horizon);
        boolean aurora = light == Light.NIGHT && r.nextDouble() < 0.6;
        if (aurora) aurora(g, r, horizon);
        else DemoCanvas.clouds(g, r, light, p, horizon, 2 + r.nextInt(3));
        double dark = DemoCityScenes.darkness(light) * 0.75;
        Color rock = mix(rgb(92, 100, 118), p.land(), dark);
        peaks(g, r, horizon - 20, horizon * 0.62, mix(rock, p.haze(), 0.45), light, p);
        peaks(g, r, horizon, horizon * 0.36, rock, light, p);
        g.setColor(mix(rgb(38, 58, 44), p.land(), dark));
        Path2D shore = DemoCanvas.ridge(r, horizon + 4, 6, 2);
        g.fill(shore);
        for (double x = between(r, -20, 60); x < W; x += between(r, 14, 90)) {
            if (x > W * 0.25 && x < W * 0.7 && r.nextDouble() < 0.7) continue;
            pine(g, x, horizon + 6, between(r, 50, 140), mix(rgb(22, 40, 30), p.land(), dark));
        }
        DemoCanvas.water(image, g, r, p, horizon + 6);
        return "Snow-capped mountains " + (aurora ? "beneath green curtains of the northern lights"
                : light == Light.NIGHT ? "beneath a starry sky" : light.words)
                + ", reflected in a still lake with pine trees along the shore.";
    }

    private static void peaks(Graphics2D g, SplittableRandom r, double base, double height, Color rock, Light light, Palette p) {
        int n = 129;
        double[] y = new double[n];
        y[0] = base - height * between(r, 0.2, 0.6);
        y[n - 1] = base - height * between(r, 0.2, 0.6);
        y[n / 2] = base - height * between(r, 0.75, 1.0);
        double scale = height * 0.7;
        for (int step = (n - 1) / 2; step > 1; step /= 2, scale *= 0.52) {
            for (int i = step / 2; i < n; i += step) {
                y[i] = (y[i - step / 2] + y[i + step / 2]) / 2 + (r.nextDouble() - 0.5) * scale;
            }
        }
        Path2D.Double path = new Path2D.Double();
        path.moveTo(-10, H);
        double highest = base;
        for (int i = 0; i < n; i++) {
            double py = Math.min(y[i], base - 8);
            highest = Math.min(highest, py);
            path.lineTo(-10 + i * (W + 20.0) / (n - 1), py);
        }
        path.lineTo(W + 10, H);
        path.closePath();
        g.setPaint(new GradientPaint(0, (float) highest, mix(rock, p.haze(), 0.2), 0, (float) base, rock));
        g.fill(path);
        Shape clip = g.getClip();
        g.setClip(path);
        Color snow = mix(rgb(246, 248, 252), light == Light.DAY ? Color.WHITE : p.sun(), 0.2);
        snow = mix(snow, p.top(), light == Light.NIGHT ? 0.35 : 0.05);
        double line = highest + (base - highest) * between(r, 0.3, 0.45);
        g.setPaint(new LinearGradientPaint(0, (float) highest, 0, (float) line + 30, new float[] {0f, 0.7f, 1f},
                new Color[] {snow, alpha(snow, 0.85), alpha(snow, 0)}));
        g.fillRect(0, (int) highest - 5, W, (int) (line - highest + 40));
        g.setColor(alpha(Color.BLACK, 0.12));
        for (int i = 1; i < n - 1; i++) {
            if (y[i] < y[i - 1] && y[i] < y[i + 1]) {
                double x = -10 + i * (W + 20.0) / (n - 1);
                Path2D.Double face = new Path2D.Double();
                face.moveTo(x, y[i]);
                face.lineTo(x + between(r, 40, 120), base);
                face.lineTo(x + between(r, 140, 260), base);
                face.closePath();
                g.fill(face);
            }
        }
        g.setClip(clip);
    }

    private static void aurora(Graphics2D g, SplittableRandom r, int horizon) {
        double phase = r.nextDouble() * 6, f = between(r, 0.003, 0.006), top = horizon * between(r, 0.12, 0.3);
        Color green = rgb(90, 255, 170), violet = rgb(170, 110, 255);
        for (int x = 0; x < W; x += 3) {
            double y = top + Math.sin(x * f + phase) * 60 + Math.sin(x * f * 2.7 + phase * 2) * 25;
            double length = 140 + 80 * Math.sin(x * f * 1.9 + phase);
            g.setPaint(new LinearGradientPaint(0, (float) y, 0, (float) (y + length), new float[] {0f, 0.3f, 1f},
                    new Color[] {alpha(violet, 0), alpha(green, 0.16), alpha(green, 0)}));
            g.fill(new Rectangle2D.Double(x, y, 3, length));
        }
    }

    private static void trees(Graphics2D g, SplittableRandom r, Path2D ridge, Color leaf, double density) {
        for (double x = -10; x < W + 10; x += between(r, 6, 40) / density) {
            if (r.nextDouble() < 0.3) x += between(r, 60, 220);
            double y = ridgeY(ridge, x), size = between(r, 10, 26);
            g.setColor(jitter(leaf, r, 8));
            g.fill(new Ellipse2D.Double(x - size, y - size * 1.3, size * 2, size * 1.8));
        }
    }

    private static void pine(Graphics2D g, double x, double base, double h, Color c) {
        g.setColor(c);
        for (int tier = 0; tier < 4; tier++) {
            double w = h * (0.42 - tier * 0.08), y = base - h * (0.15 + tier * 0.2);
            g.fill(DemoCityScenes.pinnacle(x, y + h * 0.12, w, h * 0.4));
        }
        g.fill(new Rectangle2D.Double(x - 2, base - h * 0.15, 4, h * 0.15));
    }

    private static void turbine(Graphics2D g, double x, double base, double h, double angle, Color c, float width) {
        g.setColor(c);
        g.setStroke(new BasicStroke(width * 2.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(x, base, x, base - h));
        g.setStroke(new BasicStroke(width * 1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int blade = 0; blade < 3; blade++) {
            double a = angle + blade * Math.PI * 2 / 3;
            g.draw(new Line2D.Double(x, base - h, x + Math.cos(a) * h * 0.55, base - h + Math.sin(a) * h * 0.55));
        }
    }

    /** The height of a ridge at x, found by walking its outline. */
    private static double ridgeY(Path2D ridge, double x) {
        double best = H;
        double[] c = new double[6];
        for (var it = ridge.getPathIterator(null); !it.isDone(); it.next()) {
            it.currentSegment(c);
            if (Math.abs(c[0] - x) <= 4 && c[1] < H) best = Math.min(best, c[1]);
        }
        return best;
    }
}
