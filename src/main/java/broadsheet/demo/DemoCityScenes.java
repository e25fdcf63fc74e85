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
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Scenes of the built world for the demo pictures: a city skyline, a working harbour and a parliament by
 * its river. Each draws onto a blank canvas and returns what it drew, in words, for the alt text.
 */
final class DemoCityScenes {
    private DemoCityScenes() {}

    private static final List<Color> CONTAINERS = List.of(rgb(156, 62, 42), rgb(42, 72, 124), rgb(38, 112, 112),
            rgb(204, 116, 44), rgb(112, 114, 120), rgb(196, 196, 190), rgb(92, 120, 60));

    static String skyline(BufferedImage image, Graphics2D g, SplittableRandom r, Light light) {
        Palette p = DemoCanvas.palette(light, r);
        boolean river = r.nextDouble() < 0.65;
        int horizon = (int) (H * (river ? between(r, 0.6, 0.68) : 0.9));
        DemoCanvas.sky(g, p, horizon);
        double sunX = DemoCanvas.heavens(g, r, light, p, horizon);
        DemoCanvas.clouds(g, r, light, p, horizon, light == Light.NIGHT ? 1 : 3 + r.nextInt(3));
        buildings(g, r, horizon, 90, 300, mix(p.land(), p.haze(), 0.55), p, light, 0.15, false, sunX);
        buildings(g, r, horizon, 140, (int) (horizon * 0.78), mix(p.land(), p.haze(), 0.12), p, light, 0.55, true, sunX);
        if (river) {
            DemoCanvas.water(image, g, r, p, horizon);
        } else {
            g.setColor(mix(p.land(), Color.BLACK, 0.4));
            g.fillRect(0, horizon, W, H - horizon);
        }
        return "A city skyline " + light.words + ", towers and office blocks "
                + (light == Light.DAY ? "catching the sun" : "with lit windows")
                + (river ? ", mirrored in the river below" : "") + ".";
    }

    static String harbour(BufferedImage image, Graphics2D g, SplittableRandom r, Light light) {
        Palette p = DemoCanvas.palette(light, r);
        int horizon = (int) (H * between(r, 0.56, 0.62));
        DemoCanvas.sky(g, p, horizon);
        DemoCanvas.heavens(g, r, light, p, horizon);
        DemoCanvas.clouds(g, r, light, p, horizon, 2 + r.nextInt(3));
        g.setColor(mix(p.land(), p.haze(), 0.6));
        g.fill(DemoCanvas.ridge(r, horizon - 18, 26, 1.2));
        double darkness = darkness(light);
        double quayFrom = between(r, 0, W * 0.25), quayTo = quayFrom + between(r, W * 0.5, W * 0.75);
        g.setColor(mix(p.land(), Color.BLACK, 0.2));
        g.fill(new Rectangle2D.Double(quayFrom - 40, horizon - 10, quayTo - quayFrom + 80, 12));
        for (double x = quayFrom; x < quayTo; x += 66) {
            int stack = 1 + r.nextInt(4);
            for (int level = 0; level < stack; level++) {
                Color box = mix(CONTAINERS.get(r.nextInt(CONTAINERS.size())), p.land(), darkness);
                double y = horizon - 10 - (level + 1) * 25;
                g.setColor(box);
                g.fill(new Rectangle2D.Double(x, y, 64, 24));
                g.setColor(alpha(Color.BLACK, 0.18));
                for (double s = x + 5; s < x + 62; s += 6) g.fill(new Rectangle2D.Double(s, y + 2, 1.2, 20));
            }
        }
        int cranes = 2 + r.nextInt(3);
        for (int i = 0; i < cranes; i++) {
            double x = quayFrom + (quayTo - quayFrom) * (i + 0.5) / cranes + between(r, -40, 40);
            crane(g, r, x, horizon - 10, between(r, 190, 280), mix(p.land(), rgb(150, 60, 40), 0.35 * (1 - darkness)), light);
        }
        DemoCanvas.water(image, g, r, p, horizon);
        int boats = 2 + r.nextInt(4);
        for (int i = 0; i < boats; i++) {
            double y = horizon + between(r, 60, H - horizon - 40), len = 100 + (y - horizon) * 0.6;
            Color hull = mix(jitter(rgb(200, 196, 186), r, 30), p.land(), darkness);
            boat(g, r, between(r, -60, W - len + 60), y, len, hull, mix(hull, p.land(), 0.45));
        }
        return "Cranes and stacked shipping containers on a quayside " + light.words
                + ", with boats moored in the still water of the harbour.";
    }

    static String parliament(BufferedImage image, Graphics2D g, SplittableRandom r, Light light) {
        Palette p = DemoCanvas.palette(light, r);
        int horizon = (int) (H * between(r, 0.68, 0.74));
        DemoCanvas.sky(g, p, horizon);
        DemoCanvas.heavens(g, r, light, p, horizon);
        DemoCanvas.clouds(g, r, light, p, horizon, 2 + r.nextInt(3));
        Color stone = mix(jitter(rgb(200, 172, 122), r, 12), p.land(), darkness(light));
        if (light == Light.DUSK || light == Light.DAWN) stone = mix(stone, p.sun(), 0.12);
        double left = between(r, -60, W * 0.1), right = between(r, W * 0.85, W + 60), top = horizon - between(r, 170, 220);
        g.setColor(stone);
        g.fill(new Rectangle2D.Double(left, top, right - left, horizon - top));
        Color shade = mix(stone, Color.BLACK, 0.28), glass = light == Light.NIGHT || light == Light.DUSK
                ? p.window() : mix(stone, p.top(), 0.5);
        for (double x = left + 10; x < right - 20; x += 38) {
            g.setColor(shade);
            g.fill(new Rectangle2D.Double(x, top - 6, 6, horizon - top + 6));
            g.fill(pinnacle(x + 3, top - 6, 7, 26));
            for (double y = top + 26; y < horizon - 50; y += 70) {
                g.setColor(light == Light.NIGHT && r.nextDouble() < 0.4 ? mix(glass, shade, 0.6) : glass);
                g.fill(arch(x + 14, y, 14, 44));
            }
        }
        double towerX = left + (right - left) * between(r, 0.62, 0.8), towerW = between(r, 96, 124);
        double towerTop = top - between(r, 250, 330);
        g.setColor(stone);
        g.fill(new Rectangle2D.Double(towerX, towerTop, towerW, horizon - towerTop));
        g.setColor(shade);
        for (double x = towerX + 14; x < towerX + towerW - 10; x += 22) g.fill(arch(x, towerTop + 150, 10, 60));
        double clockY = towerTop + 70, clockR = towerW * 0.34;
        DemoCanvas.glow(g, towerX + towerW / 2, clockY, clockR, mix(rgb(240, 232, 200), p.window(),
                light == Light.NIGHT ? 0.6 : 0), light == Light.NIGHT ? 0.5 : 0.05);
        g.setColor(rgb(40, 34, 30));
        g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        double hour = r.nextDouble() * Math.PI * 2, minute = r.nextDouble() * Math.PI * 2;
        double cx = towerX + towerW / 2;
        g.draw(new Line2D.Double(cx, clockY, cx + Math.sin(hour) * clockR * 0.5, clockY - Math.cos(hour) * clockR * 0.5));
        g.draw(new Line2D.Double(cx, clockY, cx + Math.sin(minute) * clockR * 0.8, clockY - Math.cos(minute) * clockR * 0.8));
        g.setColor(mix(stone, Color.BLACK, 0.15));
        Path2D.Double roof = new Path2D.Double();
        roof.moveTo(towerX - 8, towerTop);
        roof.lineTo(cx, towerTop - between(r, 110, 160));
        roof.lineTo(towerX + towerW + 8, towerTop);
        roof.closePath();
        g.fill(roof);
        g.setStroke(new BasicStroke(3f));
        g.draw(new Line2D.Double(cx, towerTop - 100, cx, towerTop - 190));
        g.setColor(mix(p.land(), Color.BLACK, 0.35));
        g.fill(new Rectangle2D.Double(0, horizon - 8, W, 10));
        DemoCanvas.water(image, g, r, p, horizon);
        return "A stone parliament building with a clock tower and rows of arched windows, beside a river "
                + light.words + ".";
    }

    static double darkness(Light light) {
        return switch (light) {
            case DAY -> 0.15;
            case DAWN -> 0.55;
            case DUSK -> 0.62;
            case NIGHT -> 0.82;
        };
    }

    private static void buildings(Graphics2D g, SplittableRandom r, int base, int minH, int maxH, Color body,
                                  Palette p, Light light, double lit, boolean near, double sunX) {
        List<Color> faces = List.of(body, mix(body, rgb(150, 150, 156), 0.3), mix(body, rgb(160, 146, 124), 0.3),
                mix(body, p.top(), 0.25));
        for (int x = -20 - r.nextInt(40); x < W; ) {
            int w = near ? 54 + r.nextInt(110) : 30 + r.nextInt(80);
            double centre = 1 - Math.abs((x + w / 2.0) / W - 0.5) * 1.2;
            int h = (int) (minH + (maxH - minH) * Math.pow(r.nextDouble(), 1.2) * (0.5 + 0.5 * centre));
            int top = base - h;
            Color face = near && light == Light.DAY ? faces.get(r.nextInt(faces.size())) : jitter(body, r, 5);
            g.setColor(face);
            g.fillRect(x, top, w, h + 4);
            double roll = r.nextDouble();
            if (roll < 0.2) {
                g.fillRect(x + w / 5, top - h / 12, w * 3 / 5, h / 12 + 1);
            } else if (roll < 0.3) {
                g.fill(pinnacle(x + w / 2.0, top, w * 0.4, between(r, 40, 90)));
            } else if (roll < 0.48) {
                double tip = top - between(r, 30, 80);
                g.setStroke(new BasicStroke(2.5f));
                g.draw(new Line2D.Double(x + w / 2.0, top, x + w / 2.0, tip));
                if (light == Light.NIGHT || light == Light.DUSK) DemoCanvas.glow(g, x + w / 2.0, tip, 2.5, rgb(255, 60, 50), 0.6);
                g.setColor(face);
            }
            if (near && light != Light.NIGHT) {
                g.setColor(alpha(p.sun(), 0.12));
                g.fillRect(x + w / 2.0 < sunX ? x + w * 3 / 4 : x, top, w / 4, h);
            }
            if (near || light == Light.NIGHT) windows(g, r, x, top, w, base, face, p, light, lit);
            x += w + (r.nextDouble() < 0.3 ? r.nextInt(2, 16) : -r.nextInt(0, 10));
        }
    }

    private static void windows(Graphics2D g, SplittableRandom r, int x, int top, int w, int base, Color face,
                                Palette p, Light light, double lit) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        int ww = 4 + r.nextInt(4), wh = 6 + r.nextInt(5), gx = ww + 3 + r.nextInt(4), gy = wh + 4 + r.nextInt(4);
        boolean dark = light == Light.NIGHT || light == Light.DUSK;
        double share = dark ? lit * between(r, 0.5, 1.4) : light == Light.DAWN ? lit * 0.4 : 1;
        Color glass = mix(face, light == Light.DAY ? p.mid() : p.horizon(), 0.35);
        for (int y = top + 10; y < base - 8; y += gy) {
            for (int xx = x + 6; xx + ww < x + w - 4; xx += gx) {
                if (r.nextDouble() >= share) continue;
                g.setColor(dark || light == Light.DAWN ? alpha(mix(p.window(), Color.WHITE, r.nextDouble() * 0.3),
                        between(r, 0.55, 1)) : glass);
                g.fillRect(xx, y, ww, wh);
            }
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    }

    private static void crane(Graphics2D g, SplittableRandom r, double x, double base, double h, Color c, Light light) {
        g.setColor(c);
        g.setStroke(new BasicStroke(7f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        double top = base - h;
        g.draw(new Line2D.Double(x, base, x + 18, top));
        g.draw(new Line2D.Double(x + 76, base, x + 58, top));
        g.setStroke(new BasicStroke(3f));
        for (double y = base - 30; y > top + 20; y -= 48) g.draw(new Line2D.Double(x + 6, y, x + 70, y - 40));
        double reach = between(r, 160, 260);
        g.fill(new Rectangle2D.Double(x - reach, top - 12, reach * 1.5 + 76, 12));
        g.fill(new Rectangle2D.Double(x + 10, top - 40, 56, 28));
        g.draw(new Line2D.Double(x + 38, top - 90, x - reach, top - 12));
        g.draw(new Line2D.Double(x + 38, top - 90, x + 76 + reach * 0.5, top - 12));
        g.draw(new Line2D.Double(x + 38, top - 90, x + 38, top - 40));
        if (light != Light.DAY) DemoCanvas.glow(g, x + 38, top - 92, 3, rgb(255, 70, 60), 0.5);
    }

    private static void boat(Graphics2D g, SplittableRandom r, double x, double waterline, double len, Color hull, Color cabin) {
        g.setColor(alpha(Color.BLACK, 0.25));
        g.fill(new Ellipse2D.Double(x, waterline - len * 0.02, len, len * 0.1));
        Path2D.Double body = new Path2D.Double();
        body.moveTo(x, waterline - len * 0.13);
        body.lineTo(x + len, waterline - len * 0.16);
        body.quadTo(x + len * 0.93, waterline, x + len * 0.8, waterline);
        body.lineTo(x + len * 0.08, waterline);
        body.closePath();
        g.setColor(hull);
        g.fill(body);
        g.setColor(cabin);
        g.fill(new Rectangle2D.Double(x + len * 0.44, waterline - len * 0.24, len * 0.22, len * 0.1));
        g.setStroke(new BasicStroke((float) Math.max(2, len / 90)));
        g.draw(new Line2D.Double(x + len * 0.3, waterline - len * 0.13, x + len * 0.3, waterline - len * between(r, 0.55, 0.8)));
    }

    static Path2D pinnacle(double cx, double base, double width, double height) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(cx - width / 2, base);
        p.lineTo(cx, base - height);
        p.lineTo(cx + width / 2, base);
        p.closePath();
        return p;
    }

    private static Path2D arch(double x, double y, double w, double h) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(x, y + h);
        p.lineTo(x, y + w * 0.6);
        p.quadTo(x, y, x + w / 2, y - w * 0.3);
        p.quadTo(x + w, y, x + w, y + w * 0.6);
        p.lineTo(x + w, y + h);
        p.closePath();
        return p;
    }
}
