package broadsheet.editing;

import broadsheet.article.Article;
import broadsheet.article.ArticleDetail;
import broadsheet.article.ArticlePages;
import broadsheet.article.ArticleQueries;
import broadsheet.article.ArticleView;
import broadsheet.article.BodyRebuild;
import broadsheet.article.Dateline;
import broadsheet.article.Status;
import broadsheet.content.AccessLevel;
import broadsheet.content.CommentPolicy;
import broadsheet.content.Section;
import broadsheet.section.SectionStore;
import broadsheet.web.CachePolicy;
import broadsheet.web.HttpProblem;
import broadsheet.web.Meta;
import broadsheet.web.Pages;
import broadsheet.web.SecurityHeaders;
import broadsheet.web.Site;
import broadsheet.web.SiteInfo;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * Previews for the newsroom: a whole article page for any article (drafts included) at a private address,
 * and the body alone for the editor's live preview, rendered by the same code as the public page.
 *
 * <p>The whole page is the public article template with the public stylesheet, so the editor sees the article as
 * readers will; it only gains a preview banner (outside the article, with its own small stylesheet), a base target
 * so its links open in the whole window when it is shown in the editor's frame, and headers that keep it out of
 * search engines and every cache. The editor frames it (same origin only) and keeps its headline, standfirst and
 * body in step with what is being typed.
 */
public final class PreviewPages {
    private final ArticleEditing editing;
    private final ArticleQueries queries;
    private final Jdbi jdbi;
    private final SiteInfo siteInfo;
    private final Pages pages;
    private final Clock clock;
    private final String bannerStylesheet;
    private final SectionStore sections;

    /** {@code bannerStylesheet}: the address of the preview banner's stylesheet ({@code assets/preview.css}). */
    public PreviewPages(ArticleEditing editing, ArticleQueries queries, Jdbi jdbi, SiteInfo siteInfo, Pages pages, Clock clock,
                        String bannerStylesheet, SectionStore sections) {
        this.editing = editing;
        this.queries = queries;
        this.jdbi = jdbi;
        this.siteInfo = siteInfo;
        this.pages = pages;
        this.clock = clock;
        this.bannerStylesheet = bannerStylesheet;
        this.sections = sections;
    }

    public void article(Context ctx) {
        long id = EditorPages.id(ctx);
        editing.load(EditorPages.editor(ctx), id);
        ArticleDetail d = queries.anyById(id).orElseThrow(HttpProblem::notFound);
        Article a = d.article();
        Site site = siteInfo.site();
        var published = a.firstPublishedAt() != null ? a.firstPublishedAt() : clock.instant();
        Meta meta = Meta.of("Preview: " + a.headline() + " | " + site.name(), a.standfirst(), site.absolute(ctx.path())).asNoindex();
        var view = ArticleView.whole(site, meta, d, Dateline.of(published, a.updatedAt(), site.zone()), a.bodyHtml());
        boolean framed = "editor".equals(ctx.queryParam("in"));
        send(ctx, view, banner(id, a.status(), framed));
    }

    /**
     * A new article's preview before its first save, for the editor's frame: the public page of an article whose
     * headline reads "Headline" ({@link #NEW_HEADLINE}) and which has nothing else yet, in the section asked for (else
     * the first); the editor's script puts in what is typed.
     */
    public void blank(Context ctx) {
        List<Section> all = sections.all();
        if (all.isEmpty()) throw HttpProblem.notFound();
        String wanted = ctx.queryParam("section");
        Section section = all.stream().filter(s -> s.slug().equals(wanted)).findFirst().orElse(all.get(0));
        Instant now = clock.instant();
        var a = new Article(0, section.id(), "", "", NEW_HEADLINE, "", "", "", "", "", null, "", "", "", AccessLevel.FREE,
                CommentPolicy.OFF, Status.DRAFT, null, null, now, now, 0, null, null, null);
        var d = new ArticleDetail(a, section, List.of(), List.of(), null, List.of(), 0, null);
        Site site = siteInfo.site();
        Meta meta = Meta.of("Preview: a new article | " + site.name(), "", site.absolute(ctx.path())).asNoindex();
        send(ctx, ArticleView.whole(site, meta, d, Dateline.of(now, null, site.zone()), ""),
                "<aside class=\"preview-banner\" aria-label=\"Preview\"><p><strong>Preview</strong> This article is not saved yet:"
                        + " readers cannot see it.</p></aside>");
    }

    /** The headline of a new article's preview until one is typed. */
    static final String NEW_HEADLINE = "Headline";

    private void send(Context ctx, ArticleView view, String banner) {
        String html = marked(Pages.render(ArticlePages.PAGE, view), banner, bannerStylesheet);
        SecurityHeaders.frameableBySelf(ctx);
        ctx.header("X-Robots-Tag", "noindex, nofollow");
        pages.send(ctx, html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8", CachePolicy.NO_STORE, List.of(), Map.of());
    }

    /** What the banner says: that this is a preview, of which version, and (outside the editor) the way back to it. */
    static String banner(long id, Status status, boolean framed) {
        String state = switch (status) {
            case PUBLISHED -> "This article is published: readers see it as last saved.";
            case DRAFT -> "This article is a draft: readers cannot see it yet.";
            case SUBMITTED -> "This article is submitted for review: readers cannot see it yet.";
            case SCHEDULED -> "This article is scheduled: readers cannot see it yet.";
            case UNPUBLISHED -> "This article is unpublished: readers cannot see it.";
        };
        return "<aside class=\"preview-banner\" aria-label=\"Preview\"><p><strong>Preview</strong> " + state
                + (framed ? "" : " <a href=\"/newsroom/articles/" + id + "\">Back to the editor</a>") + "</p></aside>";
    }

    /**
     * The public page marked as a preview: the banner's stylesheet and a base target in its head, the banner first in
     * its body (after the skip link). The first head and body tags are the layout's: the article's own text comes after
     * them, and escaped.
     */
    static String marked(String page, String banner, String stylesheet) {
        Matcher head = HEAD.matcher(page);
        if (!head.find()) throw new IllegalStateException("the article page has no <head>");
        String withHead = page.substring(0, head.end()) + "\n<base target=\"_top\">\n<link rel=\"stylesheet\" href=\""
                + stylesheet + "\">" + page.substring(head.end());
        Matcher body = BODY.matcher(withHead);
        if (!body.find()) throw new IllegalStateException("the article page has no <body>");
        return withHead.substring(0, body.end()) + "\n" + banner + withHead.substring(body.end());
    }

    private static final Pattern HEAD = Pattern.compile("<head(\\s[^>]*)?>");
    /** The body's start tag and the skip link, which stays the first thing a keyboard reaches. */
    private static final Pattern BODY = Pattern.compile("<body(\\s[^>]*)?>(\\s*<a class=\"skip-link\"[^>]*>[^<]*</a>)?");

    /** The body as readers would see it, for the editor's live preview. */
    public void body(Context ctx) {
        String markdown = ctx.formParam("body");
        if (markdown == null) markdown = "";
        if (markdown.length() > DraftCheck.MAX_BODY) throw HttpProblem.badRequest("The body is too long to preview.");
        String source = markdown;
        String html = jdbi.withHandle(h -> BodyRebuild.render(h, source));
        ctx.header("Cache-Control", CachePolicy.NO_STORE.header());
        ctx.json(Map.of("html", html));
    }
}
