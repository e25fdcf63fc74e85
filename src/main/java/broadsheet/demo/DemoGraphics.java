package broadsheet.demo;

import static broadsheet.demo.DemoCanvas.H;
import static broadsheet.demo.DemoCanvas.W;
import static broadsheet.demo.DemoCanvas.alpha;
import static broadsheet.demo.DemoCanvas.between;
import static broadsheet.demo.DemoCanvas.mix;
import static broadsheet.demo.DemoCanvas.rgb;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Editorial illustrations for the demo pictures, for stories no photograph suits: a market chart, and flat
 * abstract compositions of speech bubbles or circles in a chosen palette. Each returns what it drew, in
 * words, for the alt text.
 */
final class DemoGraphics {
    private DemoGraphics() {}

    private record Scheme(String ground, Color background, List<String> names, List<Color> colours) {}

    private static final List<Scheme> SCHEMES = List.of(
            new Scheme("cream", rgb(244, 236, 220), List.of("ochre", "teal", "coral", "navy"),
                    List.of(rgb(214, 156, 52), rgb(38, 120, 124), rgb(232, 104, 84), rgb(30, 48, 84))),
            new Scheme("pale blue", rgb(220, 232, 240), List.of("mustard", "rust", "ink blue", "sage"),
                    List.of(rgb(226, 180, 60), rgb(180, 76, 48), rgb(28, 36, 60), rgb(140, 170, 140))),
            new Scheme("blush pink", rgb(246, 222, 214), List.of("plum", "olive", "tangerine", "charcoal"),
                    List.of(rgb(110, 50, 90), rgb(130, 140, 60), rgb(240, 140, 60), rgb(48, 48, 56))),
            new Scheme("charcoal", rgb(38, 40, 48), List.of("saffron", "aqua", "rose", "ivory"),
                    List.of(rgb(240, 182, 50), rgb(90, 200, 200), rgb(230, 110, 130), rgb(240, 234, 220))));

    static String markets(BufferedImage image, Graphics2D g, SplittableRandom r) {
        boolean dark = r.nextDouble() < 0.7, rising = r.nextDouble() < 0.55;
        g.setPaint(new GradientPaint(0, 0, dark ? rgb(14, 24, 48) : rgb(246, 242, 232), 0, H,
                dark ? rgb(30, 46, 84) : rgb(228, 222, 208)));
        g.fillRect(0, 0, W, H);
        Color ink = dark ? Color.WHITE : rgb(20, 30, 60);
        g.setColor(alpha(ink, 0.08));
        g.setStroke(new BasicStroke(1.5f));
        for (int x = 80; x < W; x += 80) g.draw(new Line2D.Double(x, 0, x, H));
        for (int y = 60; y < H; y += 80) g.draw(new Line2D.Double(0, y, W, y));
        Color line = rising ? (dark ? rgb(70, 220, 170) : rgb(20, 140, 110)) : (dark ? rgb(244, 104, 90) : rgb(196, 60, 50));
        int n = 90;
        double[] ys = new double[n];
        double y = H * (rising ? 0.66 : 0.3), drift = (rising ? -1 : 1) * H * 0.34 / n, step = (W - 160.0) / (n - 1);
        for (int i = 0; i < n; i++) {
            y = Math.max(H * 0.12, Math.min(H * 0.76, y + drift + r.nextGaussian() * 13));
            ys[i] = y;
        }
        for (int i = 0; i < n; i++) {
            double h = between(r, 20, 130);
            g.setColor(alpha(i % 7 == 0 ? line : ink, 0.14));
            g.fill(new Rectangle2D.Double(80 + i * step - step * 0.35, H - 30 - h, step * 0.7, h));
        }
        Path2D.Double path = new Path2D.Double(), area = new Path2D.Double();
        area.moveTo(80, H * 0.84);
        for (int i = 0; i < n; i++) {
            if (i == 0) path.moveTo(80, ys[0]);
            else path.lineTo(80 + i * step, ys[i]);
            area.lineTo(80 + i * step, ys[i]);
        }
        area.lineTo(80 + (n - 1) * step, H * 0.84);
        area.closePath();
        g.setPaint(new GradientPaint(0, (float) (H * 0.2), alpha(line, 0.32), 0, (float) (H * 0.84), alpha(line, 0)));
        g.fill(area);
        g.setColor(alpha(ink, 0.35));
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {10f, 10f}, 0f));
        g.draw(new Line2D.Double(40, ys[0], W - 40, ys[0]));
        for (float[] stroke : new float[][] {{16f, 0.08f}, {9f, 0.18f}, {4f, 1f}}) {
            g.setColor(alpha(line, stroke[1]));
            g.setStroke(new BasicStroke(stroke[0], BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(path);
        }
        DemoCanvas.glow(g, 80 + (n - 1) * step, ys[n - 1], 9, line, 0.6);
        return "An illustration of a market chart: a line " + (rising ? "climbing" : "falling") + " across a "
                + (dark ? "dark" : "pale") + " grid above translucent bars.";
    }

    static String abstractShapes(BufferedImage image, Graphics2D g, SplittableRandom r) {
        Scheme s = SCHEMES.get(r.nextInt(SCHEMES.size()));
        g.setColor(s.background());
        g.fillRect(0, 0, W, H);
        List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3));
        for (int i = order.size() - 1; i > 0; i--) order.add(order.remove(r.nextInt(i + 1)));
        boolean bubbles = r.nextDouble() < 0.55;
        dots(g, r, mix(s.background(), s.colours().get(order.get(3)), 0.35));
        if (bubbles) {
            int count = 3 + r.nextInt(2);
            for (int i = 0; i < count; i++) {
                double w = between(r, 360, 620), h = between(r, 180, 300);
                double x = between(r, 60, W - w - 60), y = between(r, 60, H - h - 120);
                Color c = s.colours().get(order.get(i % 3));
                Shape bubble = bubble(x, y, w, h, r.nextBoolean());
                g.setColor(alpha(Color.BLACK, 0.14));
                g.fill(AffineTransform.getTranslateInstance(14, 16).createTransformedShape(bubble));
                g.setColor(c);
                g.fill(bubble);
                g.setColor(alpha(s.background(), 0.7));
                g.setStroke(new BasicStroke(14f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                int lines = 2 + r.nextInt(2);
                for (int k = 0; k < lines; k++) {
                    double ly = y + h * (k + 1) / (lines + 1.0);
                    g.draw(new Line2D.Double(x + 50, ly, x + w - 50 - between(r, 0, w * 0.35), ly));
                }
            }
        } else {
            double cx = between(r, W * 0.3, W * 0.7), cy = between(r, H * 0.35, H * 0.65), radius = between(r, 220, 320);
            g.setColor(s.colours().get(order.get(0)));
            g.fill(new Ellipse2D.Double(cx - radius, cy - radius, radius * 2, radius * 2));
            g.setColor(s.colours().get(order.get(1)));
            g.fill(new Arc2D.Double(cx - radius * 0.2, cy - radius * 1.1, radius * 1.6, radius * 1.6, between(r, 0, 360), 180, Arc2D.PIE));
            g.setColor(s.colours().get(order.get(2)));
            g.setStroke(new BasicStroke(34f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            double ring = radius * between(r, 0.5, 0.8);
            g.draw(new Arc2D.Double(between(r, 80, W * 0.3), between(r, 60, H * 0.4), ring * 2, ring * 2, between(r, 0, 360), 240, Arc2D.OPEN));
            g.fill(new Ellipse2D.Double(between(r, W * 0.6, W - 220), between(r, H * 0.55, H - 200), 140, 140));
        }
        List<String> used = order.subList(0, 3).stream().map(s.names()::get).toList();
        return "An abstract illustration of overlapping " + (bubbles ? "speech bubbles" : "circles and arcs") + " in "
                + used.get(0) + ", " + used.get(1) + " and " + used.get(2) + " on a " + s.ground() + " background.";
    }

    private static Shape bubble(double x, double y, double w, double h, boolean tailLeft) {
        Area shape = new Area(new RoundRectangle2D.Double(x, y, w, h, 70, 70));
        Path2D.Double tail = new Path2D.Double();
        double tx = tailLeft ? x + w * 0.22 : x + w * 0.7;
        tail.moveTo(tx, y + h - 10);
        tail.lineTo(tx + 70, y + h - 10);
        tail.lineTo(tailLeft ? tx - 30 : tx + 110, y + h + 80);
        tail.closePath();
        shape.add(new Area(tail));
        return shape;
    }

    private static void dots(Graphics2D g, SplittableRandom r, Color c) {
        g.setColor(c);
        double x0 = between(r, 0, W * 0.6), y0 = between(r, 0, H * 0.5);
        for (int i = 0; i < 10; i++) {
            for (int j = 0; j < 8; j++) g.fill(new Ellipse2D.Double(x0 + i * 36, y0 + j * 36, 10, 10));
        }
    }
}
