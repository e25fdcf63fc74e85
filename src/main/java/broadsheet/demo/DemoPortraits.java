package broadsheet.demo;

import broadsheet.media.MediaLibrary;
import broadsheet.storage.BlobStore;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.jdbi.v3.core.Jdbi;

/**
 * A drawn portrait (head and shoulders on a plain ground, in the demo's graphics style) for each writer of the demo
 * paper who has none, so the author cards at an article's end and the writers' pages show one. Desks get none.
 */
public final class DemoPortraits {
    private static final int SIZE = 480;
    private static final List<Color> GROUNDS = List.of(new Color(0xE9E2D4), new Color(0xDDE6E4), new Color(0xE8DADA),
            new Color(0xDCE0EA), new Color(0xE6E4D2));
    private static final List<Color> SKINS = List.of(new Color(0xF1C9A5), new Color(0xD9A27C), new Color(0xB57A55),
            new Color(0x8D5A3B), new Color(0x5E3B28));
    private static final List<Color> HAIR = List.of(new Color(0x2B2118), new Color(0x5A3A22), new Color(0x9A6B3F),
            new Color(0xC9B27C), new Color(0x8C8C8C));
    private static final List<Color> CLOTHES = List.of(new Color(0x1F2A44), new Color(0x3B3B3B), new Color(0x6B2737),
            new Color(0x2F4F3E), new Color(0x4A4E69));

    private DemoPortraits() {}

    /** Draws and stores a portrait for each person without one; returns how many it made. */
    public static int ensure(Jdbi jdbi, BlobStore blobs, Instant now, PrintStream out) {
        MediaLibrary library = new MediaLibrary(blobs);
        List<String[]> people = jdbi.withHandle(h -> h.createQuery(
                        "SELECT id, name FROM contributors WHERE kind = 'person' AND picture_id IS NULL ORDER BY id")
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).list());
        for (String[] person : people) {
            MediaLibrary.Prepared prepared = library.prepare(DemoPictures.jpeg(draw(person[1])));
            try (BlobStore.Staged staged = library.stage()) {
                jdbi.useTransaction(h -> {
                    long image = library.store(h, prepared, new MediaLibrary.Words("Portrait of " + person[1], "Broadsheet graphics", ""),
                            now, staged);
                    h.createUpdate("UPDATE contributors SET picture_id = :image WHERE id = :id")
                            .bind("image", image).bind("id", Long.parseLong(person[0])).execute();
                });
                staged.publish();
            }
        }
        if (!people.isEmpty()) out.println("Drew portraits for " + people.size() + " writers.");
        return people.size();
    }

    /** A head and shoulders whose colours come from the name, so each writer keeps theirs from one run to the next. */
    static BufferedImage draw(String name) {
        SplittableRandom r = new SplittableRandom(name.hashCode());
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(GROUNDS.get(r.nextInt(GROUNDS.size())));
        g.fillRect(0, 0, SIZE, SIZE);
        Color skin = SKINS.get(r.nextInt(SKINS.size()));
        Color hair = HAIR.get(r.nextInt(HAIR.size()));
        g.setColor(CLOTHES.get(r.nextInt(CLOTHES.size())));
        g.fill(new RoundRectangle2D.Double(SIZE * 0.14, SIZE * 0.70, SIZE * 0.72, SIZE * 0.5, SIZE * 0.4, SIZE * 0.4));
        g.setColor(skin.darker());
        g.fill(new RoundRectangle2D.Double(SIZE * 0.43, SIZE * 0.56, SIZE * 0.14, SIZE * 0.18, 20, 20));
        boolean longHair = r.nextBoolean();
        g.setColor(hair);
        if (longHair) g.fill(new RoundRectangle2D.Double(SIZE * 0.29, SIZE * 0.18, SIZE * 0.42, SIZE * 0.52, SIZE * 0.3, SIZE * 0.3));
        g.setColor(skin);
        g.fill(new Ellipse2D.Double(SIZE * 0.33, SIZE * 0.22, SIZE * 0.34, SIZE * 0.42));
        g.setColor(hair);
        g.fill(new Ellipse2D.Double(SIZE * 0.31, SIZE * 0.16, SIZE * 0.38, SIZE * 0.2));
        g.dispose();
        return image;
    }
}
