package broadsheet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.demo.DemoSite;
import broadsheet.e2e.newsroom.SignInPage;
import broadsheet.shared.StaffRole;
import broadsheet.testing.Browser;
import broadsheet.testing.Newsroom;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The site as its readers and its editors see it, at 360, 768 and 1280 pixels wide, saved whole (as tall as each page)
 * to {@code target/screenshots/site/PAGE-WIDTH.png}, for a person to look at side by side before and after a change
 * to the design: the home page, a section, a free article with its picture, a premium article behind the paywall,
 * an article with comments, a topic, a writer's page, and the newsroom's editor. The content is the demo's
 * ({@code broadsheet demo}). Each page must answer, show its main heading, and never scroll sideways.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScreenshotsE2E {
    private static final List<Integer> WIDTHS = List.of(360, 768, 1280);
    /** A page taller than this is cut: enough to judge the design, and a bound on the file. */
    private static final int MOST_HEIGHT = 9000;
    private static final Path SAVED = Path.of("target", "screenshots", "site");

    @RegisterExtension
    @Order(1)
    static final Browser browser = new Browser();
    @RegisterExtension
    @Order(2)
    static final TestApp app = new TestApp();

    @BeforeAll
    static void theDemoNewsroom() {
        TestDatabase.clean();
        DemoSite.load(app.app(), 2025, 60, TestApp.NOW, new PrintStream(OutputStream.nullOutputStream()));
        app.app().contentChanged();
        Newsroom.staff(StaffRole.EDITOR, "shots@test.example", "Sasha Shots");
    }

    @AfterAll
    static void clean() {
        if (app.app() != null) TestDatabase.clean();
    }

    @Test
    @Order(1)
    void theReadersPages() throws IOException {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", "/");
        pages.put("section", one("SELECT '/' || slug || '/' FROM sections ORDER BY position, id LIMIT 1"));
        pages.put("article", one("""
                SELECT path FROM articles WHERE status = 'published' AND access = 'free' AND lead_image_id IS NOT NULL
                ORDER BY first_published_at DESC, id DESC LIMIT 1"""));
        pages.put("article-premium", one("""
                SELECT path FROM articles WHERE status = 'published' AND access = 'premium' AND lead_image_id IS NOT NULL
                ORDER BY first_published_at DESC, id DESC LIMIT 1"""));
        pages.put("article-comments", one("""
                SELECT path FROM articles WHERE status = 'published' AND access = 'free'
                ORDER BY comment_count DESC, id LIMIT 1"""));
        pages.put("topic", one("""
                SELECT '/topics/' || t.slug || '/' FROM topics t JOIN article_topics x ON x.topic_id = t.id
                GROUP BY t.id, t.slug ORDER BY count(*) DESC, t.id LIMIT 1"""));
        pages.put("author", one("""
                SELECT '/authors/' || c.slug || '/' FROM contributors c JOIN article_bylines b ON b.contributor_id = c.id
                WHERE c.kind <> 'desk' GROUP BY c.id, c.slug ORDER BY count(*) DESC, c.id LIMIT 1"""));
        for (var page : pages.entrySet()) shoot(page.getKey(), page.getValue());
    }

    @Test
    @Order(2)
    void theNewsroomEditor() throws IOException {
        String id = one("SELECT id::text FROM articles WHERE status = 'published' AND lead_image_id IS NOT NULL ORDER BY id LIMIT 1");
        SignInPage.open(browser, app.url("/newsroom/login")).signInAs("shots@test.example", Newsroom.PASSWORD);
        shoot("editor", "/newsroom/articles/" + id);
    }

    /** Opens the page at each width, checks it, and saves it whole. */
    private static void shoot(String name, String path) throws IOException {
        Files.createDirectories(SAVED);
        for (int width : WIDTHS) {
            browser.resize(width, 900);
            browser.driver().get(app.url(path));
            browser.awaitLoaded();
            assertThat(browser.driver().findElements(By.cssSelector("h1"))).as(name + " has its heading").isNotEmpty();
            browser.waiting().until(d -> Boolean.TRUE.equals(browser.js("return document.fonts.status === 'loaded';")));
            int scrollWidth = ((Number) browser.js("return document.documentElement.scrollWidth;")).intValue();
            assertThat(scrollWidth).as(name + " at " + width + " px does not scroll sideways").isLessThanOrEqualTo(width);
            if (width >= 640) {
                // a front's lead (home, a section's first page): its picture starts beside its standfirst, with or without
                // the section's name above the headline
                double offset = ((Number) browser.js("""
                        const p = document.querySelector('.front-lead .card-picture');
                        const s = document.querySelector('.front-lead .card-standfirst');
                        return p && s ? Math.abs(p.getBoundingClientRect().top - s.getBoundingClientRect().top) : 0;""")).doubleValue();
                assertThat(offset).as(name + " at " + width + " px: the lead's picture starts beside its standfirst").isLessThan(12);
            }
            int height = ((Number) browser.js("return document.documentElement.scrollHeight;")).intValue();
            browser.resize(width, Math.min(height, MOST_HEIGHT));
            // the whole page in view: its lazy pictures load now
            browser.waiting().until(d -> Boolean.TRUE.equals(browser.js(
                    "return Array.from(document.images).every(i => i.complete) && document.fonts.status === 'loaded';")));
            Path shot = browser.screenshot("site-" + name + "-" + width);
            Files.move(shot, SAVED.resolve(name + "-" + width + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String one(String sql) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
    }
}
