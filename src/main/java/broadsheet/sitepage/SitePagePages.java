package broadsheet.sitepage;

import broadsheet.article.BodyRenderer;
import broadsheet.article.Dateline;
import broadsheet.newsroom.Frame;
import broadsheet.newsroom.Frames;
import broadsheet.shared.AuditLog;
import broadsheet.text.Texts;
import broadsheet.web.Access;
import broadsheet.web.CachePolicy;
import broadsheet.web.HttpProblem;
import broadsheet.web.Meta;
import broadsheet.web.Pages;
import broadsheet.web.Site;
import broadsheet.web.SiteInfo;
import broadsheet.web.Template;
import gg.jte.generated.precompiled.sitepage.JteeditGenerated;
import gg.jte.generated.precompiled.sitepage.JtelistGenerated;
import gg.jte.generated.precompiled.sitepage.JtepageGenerated;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The paper's own pages: the public page at {@code /info/{slug}/} (read from {@link SitePageMenu}'s copy in memory, so
 * it costs no statement), and the newsroom's list of them and form for each, for editors and admins. A save empties
 * this instance's caches at once (the page cache, and the footer's links with the site), and the other instances' and
 * the CDN's through the change feed and the purge trigger.
 */
public final class SitePagePages {
    private static final Template<PublicView> PAGE = JtepageGenerated::render;
    private static final Template<ListView> LIST = JtelistGenerated::render;
    private static final Template<EditView> EDIT = JteeditGenerated::render;
    private final SitePageStore store;
    private final SitePageMenu menu;
    private final Runnable refresh;
    private final SiteInfo siteInfo;
    private final Frames frames;
    private final Pages pages;
    private final Clock clock;
    private final BodyRenderer bodies = new BodyRenderer();

    /** {@code refresh} empties this instance's caches after a save. */
    public SitePagePages(SitePageStore store, SitePageMenu menu, Runnable refresh, SiteInfo siteInfo, Frames frames, Pages pages,
                         Clock clock) {
        this.store = store;
        this.menu = menu;
        this.refresh = refresh;
        this.siteInfo = siteInfo;
        this.frames = frames;
        this.pages = pages;
        this.clock = clock;
    }

    /** What the public page shows: the title, the text and when it last changed ({@code updated}, in the paper's words). */
    public record PublicView(Site site, Meta meta, SitePage page, String updated) {}

    /** The newsroom's list of the pages. */
    public record ListView(Frame frame, List<SitePage> pages, String notice) {}

    /** The newsroom's form for one page, as stored or as sent back with its problems. */
    public record EditView(Frame frame, SitePage.Kind kind, String title, String body, boolean written, Map<String, String> problems) {
        public String problem(String field) {
            return problems.get(field);
        }
    }

    /** {@code GET /info/{slug}/}: a written page; 404 for one not written yet and for any other slug. */
    public void show(Context ctx) {
        SitePage.Kind kind = SitePage.Kind.of(ctx.pathParam("slug")).orElseThrow(HttpProblem::notFound);
        SitePage page = menu.all().stream().filter(p -> p.kind() == kind).findFirst().orElseThrow(HttpProblem::notFound);
        Site site = siteInfo.site();
        String description = Texts.shorten(bodies.plainText(page.bodySource()), 200);
        Meta meta = Meta.of(page.title() + " | " + site.name(), description, site.absolute(kind.url()));
        pages.html(ctx, PAGE, new PublicView(site, meta, page, Dateline.day(page.updatedAt(), site.zone())), CachePolicy.PUBLIC_PAGE,
                List.of("site-page-" + kind.slug()));
    }

    /** {@code GET /newsroom/pages/}. */
    public void list(Context ctx) {
        String notice = "saved".equals(ctx.queryParam("notice")) ? "Saved. The site shows the page as it is now."
                : "unchanged".equals(ctx.queryParam("notice")) ? "Nothing was changed." : null;
        pages.html(ctx, LIST, new ListView(frames.of(ctx, "site-pages"), store.all(), notice), CachePolicy.NO_STORE, List.of());
    }

    /** {@code GET /newsroom/pages/{slug}}. */
    public void edit(Context ctx) {
        SitePage page = store.get(kind(ctx));
        form(ctx, 200, page.kind(), page.title(), page.bodySource(), page.written(), Map.of());
    }

    /** {@code POST /newsroom/pages/{slug}}: saves, or shows the form again with what is wrong and nothing saved. */
    public void save(Context ctx) {
        SitePage.Kind kind = kind(ctx);
        String title = ctx.formParam("title");
        String body = ctx.formParam("body");
        AuditLog.Actor actor = Access.visitor(ctx).actor(ctx.ip());
        switch (store.save(actor, kind, title, body, clock.instant())) {
            case SitePageStore.Outcome.Saved s -> {
                if (s.changed()) {
                    menu.refresh();
                    refresh.run();
                }
                ctx.header("Cache-Control", CachePolicy.NO_STORE.header());
                ctx.redirect("/newsroom/pages/?notice=" + (s.changed() ? "saved" : "unchanged"), HttpStatus.SEE_OTHER);
            }
            case SitePageStore.Outcome.Invalid i -> form(ctx, 400, kind, title == null ? "" : title, body == null ? "" : body,
                    store.get(kind).written(), i.problems());
        }
    }

    private static SitePage.Kind kind(Context ctx) {
        return SitePage.Kind.of(ctx.pathParam("slug")).orElseThrow(HttpProblem::notFound);
    }

    private void form(Context ctx, int status, SitePage.Kind kind, String title, String body, boolean written, Map<String, String> problems) {
        ctx.status(status);
        pages.html(ctx, EDIT, new EditView(frames.of(ctx, "site-pages"), kind, title, body, written, problems), CachePolicy.NO_STORE,
                List.of());
    }
}
