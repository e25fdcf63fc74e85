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
import java.awt.MultipleGradientPaint.CycleMethod;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Scenes under lights for the demo pictures: a floodlit stadium, a laboratory bench and a theatre stage.
 * Each returns what it drew, in words, for the alt text.
 */
final class DemoIndoorScenes {
    private DemoIndoorScenes() {}

    private static final List<Color> LIQUIDS = List.of(rgb(60, 140, 222), rgb(232, 160, 58), rgb(80, 190, 120), rgb(200, 72, 140));

    static String stadium(BufferedImage image, Graphics2D g, SplittableRandom r, Light light) {
        Palette p = DemoCanvas.palette(light, r);
        int roof = (int) (H * between(r, 0.15, 0.2)), edge = (int) (H * between(r, 0.42, 0.47));
        DemoCanvas.sky(g, p, roof + 60);
        DemoCanvas.heavens(g, r, light, p, roof + 40);
        Color team = jitter(r.nextBoolean() ? rgb(180, 40, 48) : rgb(40, 80, 170), r, 20);
        Color stand = mix(rgb(40, 42, 52), p.land(), 0.4);
        g.setColor(stand);
        g.fillRect(0, roof, W, H - roof);
        crowd(g, r, new Rectangle2D.Double(0, roof + 16, W, edge - roof - 26), team);
        Path2D.Double left = new Path2D.Double(), right = new Path2D.Double();
        left.moveTo(0, edge - 10);
        left.lineTo(W * 0.1, edge);
        left.lineTo(-W * 0.4, H + 200);
        left.lineTo(0, H + 200);
        right.moveTo(W, edge - 10);
        right.lineTo(W * 0.9, edge);
        right.lineTo(W * 1.4, H + 200);
        right.lineTo(W, H + 200);
        for (Path2D side : List.of(left, right)) {
            Shape clip = g.getClip();
            g.setClip(side);
            crowd(g, r, new Rectangle2D.Double(0, edge - 10, W, H - edge + 10), team);
            g.setClip(clip);
        }
        g.setColor(mix(rgb(22, 24, 30), p.land(), 0.3));
        g.fillRect(0, roof - 22, W, 22);
        g.setPaint(new GradientPaint(0, edge - 10, team.brighter(), W, edge - 10, rgb(240, 200, 60)));
        g.fill(new Rectangle2D.Double(W * 0.1, edge - 10, W * 0.8, 10));
        Color grass = jitter(rgb(46, 132, 58), r, 10);
        int bands = 12;
        for (int i = 0; i < bands; i++) {
            double t0 = Math.pow((double) i / bands, 1.5), t1 = Math.pow((double) (i + 1) / bands, 1.5);
            g.setColor(i % 2 == 0 ? grass : grass.darker());
            g.fill(band(edge, t0, t1));
        }
        g.setColor(alpha(Color.WHITE, 0.85));
        g.setStroke(new BasicStroke(3f));
        g.draw(band(edge, 0.004, 1));
        double half = Math.pow(0.5, 1.5), hy = edge + (H + 200 - edge) * half, hw = (W * 0.8) + (W * 1.8 - W * 0.8) * half;
        g.draw(new Rectangle2D.Double(W / 2.0 - hw / 2, hy, hw, 0.5));
        g.draw(new Ellipse2D.Double(W / 2.0 - hw * 0.12, hy - hw * 0.05, hw * 0.24, hw * 0.1));
        g.draw(new Rectangle2D.Double(W * 0.36, edge + 1, W * 0.28, 26));
        for (int i = 0; i < 4; i++) {
            double x = W * (0.12 + i * 0.25) + between(r, -30, 30), y = roof - 30;
            DemoCanvas.glow(g, x, y, 14, rgb(255, 252, 235), 0.9);
            g.setColor(rgb(255, 255, 248));
            for (int k = 0; k < 12; k++) g.fill(new Rectangle2D.Double(x - 24 + (k % 6) * 8, y - 8 + (k / 6) * 8, 6, 6));
        }
        g.setPaint(new RadialGradientPaint(new Point2D.Double(W / 2.0, edge + 120), W * 0.6f, new float[] {0f, 1f},
                new Color[] {alpha(rgb(255, 255, 230), 0.16), alpha(rgb(255, 255, 230), 0)}));
        g.fillRect(0, 0, W, H);
        return "A floodlit stadium " + light.words + ", seen from high in the stands, the striped pitch bright green "
                + "beneath a packed crowd.";
    }

    static String laboratory(BufferedImage image, Graphics2D g, SplittableRandom r, Light light) {
        BufferedImage back = new BufferedImage(W / 4, H / 4, BufferedImage.TYPE_INT_RGB);
        Graphics2D b = DemoCanvas.graphics(back);
        Color wall = jitter(rgb(170, 196, 200), r, 14);
        b.setPaint(new GradientPaint(0, 0, wall, 0, H / 4f, wall.darker()));
        b.fillRect(0, 0, W / 4, H / 4);
        b.setColor(rgb(236, 244, 248));
        double windowX = between(r, 10, 280);
        b.fill(new Rectangle2D.Double(windowX, 12, 90, 110));
        for (int shelf = 0; shelf < 3; shelf++) {
            double y = 40 + shelf * 42;
            b.setColor(rgb(90, 96, 100));
            b.fill(new Rectangle2D.Double(0, y, W / 4.0, 3));
            for (double x = between(r, 0, 10); x < W / 4.0; x += between(r, 8, 22)) {
                if (x > windowX - 10 && x < windowX + 100) continue;
                b.setColor(mix(jitter(LIQUIDS.get(r.nextInt(LIQUIDS.size())), r, 30), wall, 0.5));
                double h = between(r, 10, 28);
                b.fill(new Rectangle2D.Double(x, y - h, between(r, 5, 10), h));
            }
        }
        b.dispose();
        g.drawImage(back, 0, 0, W, H, null);
        for (int i = 0; i < 26; i++) {
            double x = r.nextDouble() * W, y = r.nextDouble() * H * 0.6, size = between(r, 18, 70);
            Color c = List.of(rgb(120, 220, 255), rgb(255, 240, 210), rgb(255, 180, 90)).get(r.nextInt(3));
            g.setPaint(new RadialGradientPaint(new Point2D.Double(x, y), (float) size, new float[] {0f, 0.8f, 1f},
                    new Color[] {alpha(c, 0.28), alpha(c, 0.18), alpha(c, 0)}));
            g.fill(new Ellipse2D.Double(x - size, y - size, size * 2, size * 2));
        }
        double top = H * between(r, 0.62, 0.68);
        g.setPaint(new GradientPaint(0, (float) top, rgb(206, 210, 212), 0, H, rgb(120, 126, 130)));
        g.fill(new Rectangle2D.Double(0, top, W, H - top));
        g.setColor(alpha(Color.WHITE, 0.5));
        g.fill(new Rectangle2D.Double(0, top, W, 2));
        int items = 3 + r.nextInt(3);
        List<String> colours = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            double x = W * (i + 0.5) / items + between(r, -50, 50), base = top + between(r, 90, H - top - 40);
            double scale = 0.8 + (base - top) / 260;
            Color liquid = LIQUIDS.get(r.nextInt(LIQUIDS.size()));
            if (!colours.contains(colourName(liquid))) colours.add(colourName(liquid));
            vessel(g, r, x, base, scale, liquid, r.nextDouble() < 0.6);
        }
        String named = colours.size() == 1 ? colours.getFirst()
                : String.join(", ", colours.subList(0, colours.size() - 1)) + " and " + colours.getLast();
        return "Glass flasks of " + named + " liquid on a laboratory bench, with shelves and equipment out of "
                + "focus behind.";
    }

    static String stage(BufferedImage image, Graphics2D g, SplittableRandom r, Light light) {
        Color velvet = jitter(r.nextDouble() < 0.7 ? rgb(140, 20, 32) : rgb(30, 40, 110), r, 14);
        g.setPaint(new LinearGradientPaint(0, 0, 56, 0, new float[] {0f, 0.5f, 1f},
                new Color[] {velvet.darker().darker(), velvet, velvet.darker().darker()}, CycleMethod.REPEAT));
        g.fillRect(0, 0, W, H);
        g.setPaint(new GradientPaint(0, 0, alpha(Color.BLACK, 0.1), 0, H * 0.7f, alpha(Color.BLACK, 0.6)));
        g.fillRect(0, 0, W, H);
        double floor = H * between(r, 0.66, 0.72), front = H * 0.86;
        g.setPaint(new GradientPaint(0, (float) floor, rgb(92, 62, 40), 0, (float) front, rgb(52, 34, 24)));
        g.fill(new Rectangle2D.Double(0, floor, W, front - floor));
        int performers = 1 + (r.nextDouble() < 0.35 ? 1 : 0);
        for (int i = 0; i < performers; i++) {
            double x = performers == 1 ? between(r, W * 0.35, W * 0.65) : W * (0.33 + i * 0.34) + between(r, -40, 40);
            double feet = floor + between(r, 30, 70);
            Path2D.Double beam = new Path2D.Double();
            beam.moveTo(x - 30, -20);
            beam.lineTo(x + 30, -20);
            beam.lineTo(x + 190, feet + 10);
            beam.lineTo(x - 190, feet + 10);
            beam.closePath();
            g.setPaint(new GradientPaint(0, 0, alpha(rgb(255, 244, 214), 0.32), 0, (float) feet, alpha(rgb(255, 244, 214), 0.08)));
            g.fill(beam);
            g.setPaint(new RadialGradientPaint(new Point2D.Double(x, feet), 200f, new float[] {0f, 1f},
                    new Color[] {alpha(rgb(255, 240, 200), 0.55), alpha(rgb(255, 240, 200), 0)}));
            g.fill(new Ellipse2D.Double(x - 200, feet - 44, 400, 88));
            figure(g, x, feet, between(r, 230, 290));
        }
        for (int side = 0; side < 2; side++) {
            double w = W * between(r, 0.1, 0.16), x = side == 0 ? 0 : W - w;
            g.setPaint(new LinearGradientPaint((float) x, 0, (float) x + 70, 0, new float[] {0f, 0.5f, 1f},
                    new Color[] {velvet.darker().darker(), velvet.brighter(), velvet.darker().darker()}, CycleMethod.REFLECT));
            g.fill(new Rectangle2D.Double(x, 0, w, front));
        }
        g.setColor(velvet.darker());
        for (double x = -40; x < W; x += 160) g.fill(new Ellipse2D.Double(x, -70, 200, 140));
        g.setColor(rgb(12, 10, 14));
        g.fill(new Rectangle2D.Double(0, front, W, H - front));
        for (int row = 0; row < 3; row++) {
            for (double x = between(r, -30, 0); x < W + 40; x += between(r, 52, 70)) {
                double y = front + 40 + row * 44 + between(r, -6, 6), size = 24 + row * 5;
                g.setColor(rgb(6 + row * 2, 5, 8));
                g.fill(new Ellipse2D.Double(x - size / 2, y - size, size, size * 1.2));
                g.fill(new RoundRectangle2D.Double(x - size, y + size * 0.1, size * 2, size * 1.5, size, size));
            }
        }
        return (performers == 1 ? "A performer stands alone in a spotlight" : "Two performers stand in spotlights")
                + " on a stage framed by " + (velvet.getRed() > velvet.getBlue() ? "red" : "blue")
                + " velvet curtains, with the audience in silhouette.";
    }

    private static Path2D band(int edge, double t0, double t1) {
        double far = H + 200 - edge;
        double y0 = edge + far * t0, y1 = edge + far * t1;
        double w0 = W * 0.8 + W * t0, w1 = W * 0.8 + W * t1;
        Path2D.Double p = new Path2D.Double();
        p.moveTo(W / 2.0 - w0 / 2, y0);
        p.lineTo(W / 2.0 + w0 / 2, y0);
        p.lineTo(W / 2.0 + w1 / 2, y1);
        p.lineTo(W / 2.0 - w1 / 2, y1);
        p.closePath();
        return p;
    }

    private static void crowd(Graphics2D g, SplittableRandom r, Rectangle2D area, Color team) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        Color[] shirts = {team, team, team.darker(), rgb(220, 220, 214), rgb(40, 40, 46), rgb(120, 110, 100)};
        for (double y = area.getY(); y < area.getMaxY(); y += 7) {
            double size = 3 + (y - area.getY()) / 160;
            for (double x = area.getX() + r.nextInt(4); x < area.getMaxX(); x += size + 2 + r.nextInt(3)) {
                g.setColor(mix(shirts[r.nextInt(shirts.length)], Color.BLACK, r.nextDouble() * 0.5));
                g.fillRect((int) x, (int) y, (int) size, (int) (size + 1));
            }
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    }

    private static void vessel(Graphics2D g, SplittableRandom r, double x, double base, double scale, Color liquid, boolean flask) {
        double w = 92 * scale, h = (flask ? 200 : 140) * scale, neck = 18 * scale;
        Path2D.Double glass = new Path2D.Double();
        if (flask) {
            glass.moveTo(x - neck, base - h);
            glass.lineTo(x - neck, base - h * 0.62);
            glass.lineTo(x - w, base - 10 * scale);
            glass.quadTo(x - w, base, x - w + 10 * scale, base);
            glass.lineTo(x + w - 10 * scale, base);
            glass.quadTo(x + w, base, x + w, base - 10 * scale);
            glass.lineTo(x + neck, base - h * 0.62);
            glass.lineTo(x + neck, base - h);
        } else {
            glass.moveTo(x - w * 0.75, base - h);
            glass.lineTo(x - w * 0.75, base - 6 * scale);
            glass.quadTo(x - w * 0.75, base, x - w * 0.7, base);
            glass.lineTo(x + w * 0.7, base);
            glass.quadTo(x + w * 0.75, base, x + w * 0.75, base - 6 * scale);
            glass.lineTo(x + w * 0.75, base - h);
        }
        glass.closePath();
        g.setColor(alpha(Color.BLACK, 0.22));
        g.fill(new Ellipse2D.Double(x - w * 1.1, base - 8 * scale, w * 2.4, 18 * scale));
        g.setColor(alpha(liquid, 0.16));
        g.fill(new Ellipse2D.Double(x - w * 0.9, base + 2, w * 1.8, 22 * scale));
        g.setColor(alpha(Color.WHITE, 0.14));
        g.fill(glass);
        Shape clip = g.getClip();
        g.setClip(glass);
        double level = base - h * between(r, 0.25, 0.5);
        g.setPaint(new GradientPaint(0, (float) level, alpha(liquid.brighter(), 0.85), 0, (float) base, alpha(liquid.darker(), 0.9)));
        g.fill(new Rectangle2D.Double(x - w * 1.2, level, w * 2.4, base - level));
        g.setClip(clip);
        g.setColor(alpha(Color.WHITE, 0.6));
        g.setStroke(new BasicStroke((float) (2.4 * scale)));
        g.draw(glass);
        g.setStroke(new BasicStroke((float) (5 * scale), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(alpha(Color.WHITE, 0.45));
        g.draw(new Line2D.Double(x - w * 0.45, base - 16 * scale, x - w * 0.45, base - h * 0.35));
    }

    private static void figure(Graphics2D g, double x, double feet, double height) {
        Color body = rgb(16, 12, 14);
        double head = height * 0.13;
        g.setColor(body);
        g.fill(new Ellipse2D.Double(x - head / 2, feet - height, head, head * 1.15));
        g.fill(new RoundRectangle2D.Double(x - height * 0.13, feet - height + head * 1.1, height * 0.26, height * 0.45,
                height * 0.1, height * 0.1));
        g.fill(new RoundRectangle2D.Double(x - height * 0.1, feet - height * 0.48, height * 0.08, height * 0.48, 8, 8));
        g.fill(new RoundRectangle2D.Double(x + height * 0.02, feet - height * 0.48, height * 0.08, height * 0.48, 8, 8));
        g.setColor(alpha(rgb(255, 230, 190), 0.35));
        g.setStroke(new BasicStroke(2f));
        g.draw(new Ellipse2D.Double(x - head / 2, feet - height, head, head * 1.15));
    }

    private static String colourName(Color c) {
        return switch (LIQUIDS.indexOf(c)) {
            case 0 -> "blue";
            case 1 -> "amber";
            case 2 -> "green";
            default -> "magenta";
        };
    }
}
