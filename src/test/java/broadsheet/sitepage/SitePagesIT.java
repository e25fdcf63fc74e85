package broadsheet.sitepage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import broadsheet.Config;
import broadsheet.shared.StaffRole;
import broadsheet.testing.Fixtures;
import broadsheet.testing.Html;
import broadsheet.testing.Newsroom;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The paper's own pages over the real server, with the page cache on as in production: editors write them in the
 * newsroom, readers find them in every page's footer once they have text (404 before), a save shows at once though pages
 * are cached and asks the CDN to purge, and a bad save stores nothing. Who may use the newsroom's routes, and their
 * form token, are NewsroomRoutesIT's.
 */
@ExtendWith(TestDatabase.class)
class SitePagesIT {
    @RegisterExtension
    static final TestApp app = new TestApp().with(Config.PAGE_CACHE_MB.key(), "16");

    @BeforeEach
    void fresh() {
        app.app().contentChanged();
    }

    private static HttpResponse<String> save(Newsroom.Client editor, String slug, String title, String body) {
        return editor.submit("/newsroom/pages/" + slug, "/newsroom/pages/" + slug, Map.of("title", title, "body", body));
    }

    private static long count(String sql) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Test
    void aPageWithoutTextIsNeitherLinkedNorShown() {
        assertThat(app.get("/info/about/").statusCode()).isEqualTo(404);
        assertThat(app.get("/info/no-such-page/").statusCode()).isEqualTo(404);
        Document home = Html.parse(app.get("/"));
        assertThat(home.select("footer a[href^=/info/]")).isEmpty();
        assertThat(home.select("footer .colophon").text()).startsWith("© ").contains("The Broadsheet");
    }

    @Test
    void anEditorWritesAPageAndEveryFooterLinksItAtOnce() {
        app.fixtures().store(TestApp.NOW, Fixtures.story("Harbour talks resume").build());
        assertThat(Html.parse(app.get("/")).select("footer a[href=/info/about/]")).as("cached without the link").isEmpty();
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);
        Document list = Html.parse(editor.get("/newsroom/pages/"));
        assertThat(list.select("nav a[href=/newsroom/pages/]").attr("aria-current")).isEqualTo("page");
        assertThat(list.select("td a[href^=/newsroom/pages/]")).extracting(Element::text)
                .containsExactly("About us", "Contact us", "Corrections and complaints", "Privacy", "Terms of use");

        var saved = save(editor, "about", "About the Courier", "We are a *small* paper.\n\n<script>alert(1)</script>\n\n[Write](mailto:news@example.com)");
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location")).hasValue("/newsroom/pages/?notice=saved");

        var response = app.get("/info/about/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("public"));
        Document page = Html.parse(response);
        assertThat(page.title()).isEqualTo("About the Courier | The Broadsheet");
        assertThat(page.select("h1").text()).isEqualTo("About the Courier");
        assertThat(page.select(".site-page-body em").text()).isEqualTo("small");
        assertThat(page.select(".site-page-body script")).as("markup is shown as text, never run").isEmpty();
        assertThat(page.select(".site-page-body").text()).contains("<script>alert(1)</script>");
        assertThat(page.select(".site-page-body a").attr("href")).isEqualTo("mailto:news@example.com");
        for (String path : new String[] {"/", "/world-news/", "/world-news/2025/12/07/harbour-talks-resume/", "/info/about/"}) {
            assertThat(Html.parse(app.get(path)).select("footer .footer-pages a")).as(path)
                    .extracting(Element::text, e -> e.attr("href")).containsExactly(tuple("About the Courier", "/info/about/"));
        }
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'site page changed' AND subject = 'about'")).isEqualTo(1);

        assertThat(save(editor, "about", "About the Courier", "").statusCode()).as("emptied: off the site").isEqualTo(303);
        assertThat(app.get("/info/about/").statusCode()).isEqualTo(404);
        assertThat(Html.parse(app.get("/")).select("footer a[href=/info/about/]")).isEmpty();
    }

    @Test
    void aSaveAsksTheCdnToPurgeEveryPage() {
        TestDatabase.jdbi().useHandle(h -> h.execute("INSERT INTO cdn_purging (heartbeat) VALUES (now())"));
        save(Newsroom.signedIn(app, StaffRole.ADMIN), "privacy", "Privacy", "We keep little.");
        assertThat(count("SELECT count(*) FROM cdn_purges WHERE surrogate_key = '*'")).isEqualTo(1);
    }

    @Test
    void aBadSaveIsShownBesideItsFieldsAndStoresNothing() {
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);
        var tooLong = save(editor, "terms", "T".repeat(SitePage.MAX_TITLE + 1), "x".repeat(SitePage.MAX_BODY + 1));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        Document form = Html.parse(tooLong);
        assertThat(form.select("#title-error").text()).startsWith("A title can have at most 120 characters");
        assertThat(form.select("#body-error").text()).startsWith("The text can have at most 20000 characters");
        assertThat(form.select("#title").val()).as("what was typed is kept").hasSize(SitePage.MAX_TITLE + 1);

        assertThat(save(editor, "terms", "", "Some terms.").statusCode()).isEqualTo(400);
        assertThat(save(editor, "terms", "Terms\u0000", "Some terms.").statusCode()).isEqualTo(400);
        assertThat(save(editor, "terms", "Terms", "Bad \u0007 bell").statusCode()).isEqualTo(400);
        assertThat(editor.submit("/newsroom/pages/terms", "/newsroom/pages/no-such-page", Map.of("title", "Terms", "body", "Some terms."))
                .statusCode()).isEqualTo(404);
        assertThat(count("SELECT count(*) FROM site_pages")).isZero();
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'site page changed'")).isZero();
        assertThat(app.get("/info/terms/").statusCode()).isEqualTo(404);

        assertThat(save(editor, "terms", "T".repeat(SitePage.MAX_TITLE), "x".repeat(SitePage.MAX_BODY)).statusCode())
                .as("at the limits").isEqualTo(303);
    }

    @Test
    void aContributorCannotEditThePages() {
        var contributor = Newsroom.signedIn(app, StaffRole.CONTRIBUTOR);
        assertThat(contributor.get("/newsroom/pages/").statusCode()).isEqualTo(403);
        assertThat(contributor.submit("/newsroom/", "/newsroom/pages/about", Map.of("title", "Ours now", "body", "Text.")).statusCode())
                .isEqualTo(403);
        assertThat(Html.parse(contributor.get("/newsroom/")).select("a[href=/newsroom/pages/]")).isEmpty();
        assertThat(count("SELECT count(*) FROM site_pages")).isZero();
    }

    @Test
    void everyWhatChangedBoxLinksTheCorrectionsPageOnceItHasText() {
        app.fixtures().store(TestApp.NOW, Fixtures.story("Harbour talks resume").build());
        TestDatabase.jdbi().useHandle(h -> h.execute("""
                INSERT INTO article_changes (article_id, kind, note, at)
                SELECT id, 'correction', 'A name was misspelt.', now() FROM articles WHERE slug = 'harbour-talks-resume'"""));
        app.app().contentChanged();
        String article = "/world-news/2025/12/07/harbour-talks-resume/";
        assertThat(Html.parse(app.get(article)).select(".article-changes a")).isEmpty();

        save(Newsroom.signedIn(app, StaffRole.EDITOR), "corrections", "Corrections and complaints", "Write to us.");
        assertThat(Html.parse(app.get(article)).select(".article-changes a")).extracting(Element::text, e -> e.attr("href"))
                .containsExactly(tuple("Corrections and complaints", "/info/corrections/"));
    }
}
