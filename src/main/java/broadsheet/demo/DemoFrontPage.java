package broadsheet.demo;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The demo paper's front page as its editors would set it: a tagline for the masthead, and three picked top stories
 * (the newest politics story with a picture leads, then the newest business and sport ones), so the home page shows an
 * arrangement rather than simply the newest stories. Done once: a tagline an admin set (or cleared), picks, or an
 * editor's change to the front page in its audit log are kept.
 */
public final class DemoFrontPage {
    static final String TAGLINE = "Independent journalism from the coast and the world";
    private static final List<String> PICKED_SECTIONS = List.of("politics", "business", "sport");

    private DemoFrontPage() {}

    public static void arrange(Jdbi jdbi, Instant now, PrintStream out) {
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                            INSERT INTO site_settings (tagline) VALUES (:tagline)
                            ON CONFLICT (id) DO UPDATE SET tagline = :tagline
                            WHERE site_settings.tagline = '' AND site_settings.updated_by IS NULL""")
                    .bind("tagline", TAGLINE).execute();
            boolean arranged = h.createQuery("""
                            SELECT EXISTS (SELECT 1 FROM front_page_picks)
                                OR EXISTS (SELECT 1 FROM audit_log WHERE action LIKE 'front page%')""")
                    .mapTo(Boolean.class).one();
            if (arranged) return;
            int position = 1;
            for (String section : PICKED_SECTIONS) {
                position += h.createUpdate("""
                                INSERT INTO front_page_picks (article_id, position, picked_at)
                                SELECT a.id, :position, :now FROM articles a JOIN sections s ON s.id = a.section_id
                                WHERE s.slug = :section AND a.status = 'published' AND a.lead_image_id IS NOT NULL
                                ORDER BY a.first_published_at DESC, a.id DESC LIMIT 1""")
                        .bind("position", position).bind("now", now).bind("section", section).execute();
            }
            if (position > 1) out.println("Arranged the front page: " + (position - 1) + " picked top stories (Newsroom > Front page).");
        });
    }
}
