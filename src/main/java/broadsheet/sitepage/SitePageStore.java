package broadsheet.sitepage;

import broadsheet.article.BodyRenderer;
import broadsheet.shared.AuditLog;
import broadsheet.storage.ChangeFeed;
import broadsheet.storage.Rows;
import broadsheet.text.Texts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Reads and writes the paper's own pages. A save checks the title and text, renders the text (Markdown, then the one
 * sanitiser, as article bodies; pictures are not part of these pages), stores it with an audit entry and a change
 * notice in one transaction, or stores nothing and says what is wrong.
 */
public final class SitePageStore {
    private final Jdbi jdbi;
    private final BodyRenderer renderer = new BodyRenderer();

    public SitePageStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Every page in the footer's order, with a blank one for each never saved. */
    public List<SitePage> all() {
        Map<SitePage.Kind, SitePage> stored = new EnumMap<>(SitePage.Kind.class);
        jdbi.withHandle(h -> h.createQuery("SELECT * FROM site_pages").map(ROW).list())
                .forEach(page -> stored.put(page.kind(), page));
        List<SitePage> out = new ArrayList<>();
        for (SitePage.Kind k : SitePage.Kind.values()) out.add(stored.getOrDefault(k, SitePage.blank(k)));
        return out;
    }

    public SitePage get(SitePage.Kind kind) {
        return all().get(kind.ordinal());
    }

    /** What a save did: stored the page (or found nothing to change), or stored nothing, with the problems by field. */
    public sealed interface Outcome {
        record Saved(SitePage page, boolean changed) implements Outcome {}
        record Invalid(Map<String, String> problems) implements Outcome {}
    }

    /** Checks and stores one page's title and text; an empty text takes the page off the site. */
    public Outcome save(AuditLog.Actor actor, SitePage.Kind kind, String title, String body, Instant now) {
        String t = title == null ? "" : title.strip();
        String b = body == null ? "" : body.replace("\r\n", "\n").strip();
        Map<String, String> problems = problems(t, b);
        if (!problems.isEmpty()) return new Outcome.Invalid(problems);
        String html = b.isEmpty() ? "" : renderer.render(b, destination -> Optional.empty());
        return jdbi.inTransaction(h -> {
            SitePage before = read(h, kind).orElse(SitePage.blank(kind));
            if (before.updatedAt() != null && before.title().equals(t) && before.bodySource().equals(b)) {
                return new Outcome.Saved(before, false);
            }
            h.createUpdate("""
                            INSERT INTO site_pages (slug, title, body_source, body_html, updated_at, updated_by)
                            VALUES (:slug, :title, :body, :html, :now, :by)
                            ON CONFLICT (slug) DO UPDATE SET title = excluded.title, body_source = excluded.body_source,
                                body_html = excluded.body_html, updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                    .bind("slug", kind.slug()).bind("title", t).bind("body", b).bind("html", html)
                    .bind("now", now).bind("by", actor.staffId()).execute();
            Map<String, Object> details = new LinkedHashMap<>();
            if (!before.title().equals(t)) details.put("title", Map.of("from", before.title(), "to", t));
            if (!before.bodySource().equals(b)) details.put("text", b.isEmpty() ? "removed" : before.bodySource().isEmpty() ? "written" : "changed");
            AuditLog.record(h, actor, "site page changed", kind.slug(), details, now);
            ChangeFeed.announce(h, "site page " + kind.slug());
            return new Outcome.Saved(new SitePage(kind, t, b, html, now), true);
        });
    }

    private static Optional<SitePage> read(Handle h, SitePage.Kind kind) {
        return h.createQuery("SELECT * FROM site_pages WHERE slug = :slug FOR UPDATE").bind("slug", kind.slug()).map(ROW).findOne();
    }

    /** A stored page; the table's check allows only the kinds' slugs. */
    private static final RowMapper<SitePage> ROW = (rs, ctx) -> new SitePage(SitePage.Kind.of(rs.getString("slug")).orElseThrow(),
            rs.getString("title"), rs.getString("body_source"), rs.getString("body_html"), Rows.instant(rs, "updated_at"));

    /** Problems with a title and text, keyed by field ("title", "body"). */
    static Map<String, String> problems(String title, String body) {
        Map<String, String> p = new LinkedHashMap<>();
        if (title.isEmpty()) p.put("title", "The page needs a title.");
        else if (title.length() > SitePage.MAX_TITLE) p.put("title", "A title can have at most " + SitePage.MAX_TITLE + " characters; this one has " + title.length() + ".");
        else if (Texts.hasControl(title)) p.put("title", "A title is one line of text, without control characters.");
        if (body.length() > SitePage.MAX_BODY) p.put("body", "The text can have at most " + SitePage.MAX_BODY + " characters; this one has " + body.length() + ".");
        else if (Texts.hasControlBesidesLineBreaks(body)) p.put("body", "The text has a control character; paste it as plain text.");
        return p;
    }
}
