package broadsheet.editing;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.storage.LocalBlobStore;
import broadsheet.media.ImageStore;
import broadsheet.media.MediaLibrary;
import broadsheet.media.Picture;
import broadsheet.media.Uploads;
import broadsheet.shared.AuditLog;
import broadsheet.shared.StaffRole;
import broadsheet.testing.Desk;
import broadsheet.testing.Fixtures;
import broadsheet.testing.Html;
import broadsheet.testing.Newsroom;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The editor as the site shows an article: a headline with a line break pasted into it is saved as one line, the
 * lead picture's thumbnail is a small rendition, and the preview page is the public article page marked as a preview.
 */
@ExtendWith(TestDatabase.class)
class EditorTrueToSiteIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    private long draft(Editor who, String headline) {
        var editing = new ArticleEditing(TestDatabase.jdbi(), Desk.LONDON);
        return ((ArticleEditing.Result.Saved) editing.create(who, Desk.draft(headline), TestApp.NOW.minusSeconds(3600))).id();
    }

    @Test
    void aLineBreakPastedIntoTheHeadlineIsSavedAsASpace() {
        Desk.section("world-news", "World news");
        long id = draft(Desk.person(StaffRole.EDITOR, "Edna Editor"), "Harbour talks");
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);
        String form = editor.get("/newsroom/articles/" + id).body();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", Newsroom.csrf(form));
        fields.put("version", "1");
        fields.put("headline", "Harbour talks\r\n resume  \n\nafter the strike");
        fields.put("section", "world-news");
        fields.put("body", "Words.");

        var r = editor.post("/newsroom/articles/" + id + "/save", fields);

        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(Desk.article(id).headline()).isEqualTo("Harbour talks resume after the strike");
    }

    @Test
    void theLeadPictureThumbnailIsASmallRendition() {
        Desk.section("world-news", "World news");
        var uploads = new Uploads(TestDatabase.jdbi(), new MediaLibrary(new LocalBlobStore(app.dataDir().resolve("media"))), 20L << 20);
        long picture = uploads.add(Fixtures.jpeg(1600, 900, new Color(20, 40, 90), new Color(230, 140, 40)),
                new MediaLibrary.Words("Cranes at dusk", "Mara Lind", "Container cranes"), AuditLog.Actor.system("test"), "cranes.jpg", TestApp.NOW);
        Editor edna = Desk.person(StaffRole.EDITOR, "Edna Editor");
        var editing = new ArticleEditing(TestDatabase.jdbi(), Desk.LONDON);
        var content = Desk.draft("Cranes").toBuilder().lead(new broadsheet.article.LeadPicture(picture, "", "", "")).build();
        long id = ((ArticleEditing.Result.Saved) editing.create(edna, content, TestApp.NOW.minusSeconds(3600))).id();
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);

        Document page = Html.parse(editor.get("/newsroom/articles/" + id));

        Picture stored = new ImageStore(TestDatabase.jdbi()).picture(picture).orElseThrow();
        Element thumb = page.selectFirst("fieldset img.nr-thumb");
        assertThat(thumb.attr("src")).isEqualTo(stored.jpeg().get(0).url()).isNotEqualTo(stored.src());
        assertThat(stored.jpeg().get(0).width()).isEqualTo(360);
        assertThat(thumb.attr("srcset")).isEqualTo(stored.srcset());
        assertThat(thumb.attr("sizes")).isEqualTo("(max-width: 24em) calc(100vw - 4rem), 20rem");
    }

    @Test
    void thePreviewIsThePublicArticlePageMarkedAsAPreviewAndKeptOutOfCaches() {
        Desk.section("world-news", "World news");
        long id = draft(Desk.person(StaffRole.EDITOR, "Edna Editor"), "Harbour talks");
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);

        var r = editor.get("/newsroom/articles/" + id + "/preview?in=editor");
        Document page = Html.parse(r);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(r.headers().firstValue("X-Robots-Tag")).hasValue("noindex, nofollow");
        assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors 'self'").doesNotContain("frame-ancestors 'none'");
        assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
        assertThat(page.select("meta[name=robots]").attr("content")).contains("noindex");
        assertThat(page.select("link[rel=stylesheet]").eachAttr("href")).anyMatch(h -> h.startsWith("/assets/site.css?v="))
                .anyMatch(h -> h.startsWith("/assets/preview.css?v=")).noneMatch(h -> h.contains("newsroom.css"));
        assertThat(page.selectFirst("base").attr("target")).isEqualTo("_top");
        Element banner = page.selectFirst("body > aside.preview-banner");
        assertThat(banner.text()).isEqualTo("Preview This article is a draft: readers cannot see it yet.");
        assertThat(banner.nextElementSiblings().select("article.article h1.headline").text()).isEqualTo("Harbour talks");
        assertThat(page.select("form[method=post], textarea")).isEmpty();

        var alone = Html.parse(editor.get("/newsroom/articles/" + id + "/preview"));
        assertThat(alone.selectFirst(".preview-banner a").attr("href")).isEqualTo("/newsroom/articles/" + id);
        assertThat(editor.get("/newsroom/articles/" + id).headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void aNewArticleHasAPreviewBeforeItsFirstSave() {
        Desk.section("business", "Business");
        Desk.section("world-news", "World news");
        var editor = Newsroom.signedIn(app, StaffRole.REPORTER);

        Document form = Html.parse(editor.get("/newsroom/articles/new"));
        String src = form.selectFirst("#body-preview iframe").attr("src");
        var r = editor.get(src.replaceAll("section=.*$", "section=world-news"));
        Document page = Html.parse(r);

        assertThat(src).startsWith("/newsroom/preview/new?section=");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.selectFirst("body > aside.preview-banner").text()).isEqualTo("Preview This article is not saved yet: readers cannot see it.");
        assertThat(page.select("article.article .kicker").text()).isEqualTo("World news");
        assertThat(page.select("article.article h1.headline").text()).isEqualTo("Headline");
        assertThat(page.select("link[rel=stylesheet]").eachAttr("href")).anyMatch(h -> h.startsWith("/assets/site.css?v="));
    }
}
