package broadsheet.web;

import static broadsheet.testing.Fixtures.story;
import static broadsheet.testing.TestApp.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.shared.Json;
import broadsheet.testing.Fixtures;
import broadsheet.testing.Html;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The site's font and icons: every public page preloads the font the stylesheet names, at the same versioned address;
 * the font, {@code /favicon.ico}, the touch icon, the app icons and the manifest answer with their types and caches;
 * the manifest follows the paper's name in the settings.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestDatabase.PerClass.class)
class AssetsIT {
    private static final String ARTICLE = "/world-news/2025/12/07/harbour-talks/";
    private static final Pattern FONT_URL = Pattern.compile("url\\((fonts/[^)]+)\\)");

    @RegisterExtension
    static final TestApp app = new TestApp();

    @BeforeAll
    void storeAnArticle() {
        app.fixtures().store(NOW, story("Harbour talks").slug("harbour-talks").topics("Harbours")
                .picture(Fixtures.picture("Quay", 400, 300, Color.GRAY, Color.WHITE)).build());
    }

    @AfterEach
    void nameBack() {
        TestDatabase.jdbi().useHandle(h -> h.execute("UPDATE site_settings SET name = NULL"));
        app.app().contentChanged();
    }

    Stream<String> publicPages() {
        return Stream.of("/", ARTICLE, "/world-news/", "/topics/", "/topics/harbours/", "/authors/", "/search?q=harbour",
                "/no-such-page/");
    }

    @ParameterizedTest
    @MethodSource("publicPages")
    void everyPublicPagePreloadsTheFontTheStylesheetUses(String path) {
        Document page = Html.parse(app.get(path));
        Element preload = page.selectFirst("head link[rel=preload][as=font]");
        assertThat(preload).as(path).isNotNull();
        assertThat(preload.attr("type")).isEqualTo("font/woff2");
        assertThat(preload.hasAttr("crossorigin")).isTrue();
        // the preload is the very address the stylesheet asks for, or the browser would fetch the font twice
        String css = app.get(page.selectFirst("link[rel=stylesheet]").attr("href")).body();
        List<String> fonts = new ArrayList<>();
        Matcher m = FONT_URL.matcher(css);
        while (m.find()) fonts.add("/assets/" + m.group(1));
        assertThat(fonts).contains(preload.attr("href"));
        // the part every page preloads is the one for plain English text; the accented letters come only when used
        assertThat(css).contains("src: url(" + preload.attr("href").substring("/assets/".length()) + ") format(\"woff2\");\nunicode-range: U+0020-007E,");
        assertThat(css).as("served without comments, its rules intact").doesNotContain("/*").contains(":root {\ncolor-scheme: light;\n--ink: #121212;\n");
        assertThat(page.select("head link[rel=manifest]").attr("href")).isEqualTo("/manifest.webmanifest");
        assertThat(page.select("head link[rel=apple-touch-icon]").attr("href")).startsWith("/assets/icons/apple-touch-icon.png?v=");
        assertThat(page.select("head meta[name=theme-color]").attr("content")).isEqualTo("#ffffff");
    }

    @Test
    void theFontsAreServedAsWoff2ForAYear() {
        String css = app.get(Html.parse(app.get("/")).selectFirst("link[rel=stylesheet]").attr("href")).body();
        Matcher m = FONT_URL.matcher(css);
        int fonts = 0;
        while (m.find()) {
            HttpResponse<byte[]> font = app.getBytes("/assets/" + m.group(1), "Accept-Encoding", "gzip");
            assertThat(font.statusCode()).isEqualTo(200);
            assertThat(font.headers().firstValue("Content-Type").orElseThrow()).contains("font/woff2");
            assertThat(font.headers().firstValue("Cache-Control").orElseThrow()).contains("public, max-age=31536000, immutable");
            assertThat(font.headers().firstValue("Content-Encoding")).as("woff2 is compressed already").isEmpty();
            assertThat(new String(font.body(), 0, 4)).isEqualTo("wOF2");
            assertThat(font.body().length).as("the Latin subset stays small").isLessThan(40_000);
            fonts++;
        }
        assertThat(fonts).as("the roman and the italic, each in two parts").isEqualTo(4);
        // without its version the file is still there, but kept only briefly, as other assets are
        assertThat(app.get("/assets/fonts/broadsheet-serif.woff2").headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=60");
        assertThat(app.get("/assets/fonts/OFL.txt").body()).contains("SIL Open Font License");
        assertThat(app.get("/assets/fonts/nothing.woff2").statusCode()).isEqualTo(404);
    }

    @Test
    void faviconIcoHoldsThreeSizes() throws IOException {
        HttpResponse<byte[]> ico = app.getBytes("/favicon.ico");
        assertThat(ico.statusCode()).isEqualTo(200);
        assertThat(ico.headers().firstValue("Content-Type").orElseThrow()).contains("image/x-icon");
        assertThat(ico.headers().firstValue("Cache-Control").orElseThrow()).contains("public, max-age=86400");
        ByteBuffer b = ByteBuffer.wrap(ico.body()).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getShort(0)).isZero();
        assertThat(b.getShort(2)).as("an icon").isEqualTo((short) 1);
        int count = b.getShort(4);
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int entry = 6 + 16 * i;
            int size = Byte.toUnsignedInt(b.get(entry));
            int length = b.getInt(entry + 8);
            int offset = b.getInt(entry + 12);
            var image = ImageIO.read(new ByteArrayInputStream(ico.body(), offset, length));
            assertThat(image.getWidth()).isEqualTo(size);
            assertThat(image.getHeight()).isEqualTo(size);
            sizes.add(size);
        }
        assertThat(sizes).containsExactly(16, 32, 48);
    }

    @Test
    void touchAndAppIconsArePngsOfTheirSize() throws IOException {
        HttpResponse<byte[]> touch = app.getBytes("/apple-touch-icon.png");
        assertThat(touch.statusCode()).isEqualTo(200);
        assertThat(touch.headers().firstValue("Content-Type").orElseThrow()).contains("image/png");
        assertThat(touch.headers().firstValue("Cache-Control").orElseThrow()).contains("public, max-age=86400");
        assertThat(ImageIO.read(new ByteArrayInputStream(touch.body())).getWidth()).isEqualTo(180);
        for (JsonNode icon : manifest().get("icons")) {
            HttpResponse<byte[]> file = app.getBytes(icon.get("src").asText());
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Type").orElseThrow()).contains(icon.get("type").asText());
            assertThat(file.headers().firstValue("Cache-Control").orElseThrow()).contains("immutable");
            if (icon.get("type").asText().equals("image/png")) {
                var image = ImageIO.read(new ByteArrayInputStream(file.body()));
                assertThat(image.getWidth() + "x" + image.getHeight()).isEqualTo(icon.get("sizes").asText());
            }
        }
        assertThat(manifest().get("icons").findValuesAsText("sizes")).contains("192x192", "512x512");
    }

    @Test
    void theManifestFollowsThePapersName() throws IOException {
        HttpResponse<String> answer = app.get("/manifest.webmanifest");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).contains("application/manifest+json");
        assertThat(answer.headers().firstValue("Cache-Control").orElseThrow()).contains("public, max-age=60");
        JsonNode manifest = Json.MAPPER.readTree(answer.body());
        String name = Html.parse(app.get("/")).selectFirst(".paper-name").text();
        assertThat(manifest.get("name").asText()).isEqualTo(name);
        assertThat(manifest.get("short_name").asText()).isEqualTo(name);
        assertThat(manifest.get("start_url").asText()).isEqualTo("/");
        assertThat(manifest.get("display").asText()).isEqualTo("browser");
        assertThat(manifest.get("theme_color").asText()).isEqualTo("#ffffff");
        assertThat(manifest.get("background_color").asText()).isEqualTo("#ffffff");

        TestDatabase.jdbi().useHandle(h -> {
            h.execute("INSERT INTO site_settings DEFAULT VALUES ON CONFLICT DO NOTHING");
            h.execute("UPDATE site_settings SET name = 'The Harbour Gazette'");
        });
        app.app().contentChanged();
        assertThat(manifest().get("name").asText()).isEqualTo("The Harbour Gazette");
    }

    @Test
    void aPrintedPageEndsWithItsAddressAndDate() {
        Document article = Html.parse(app.get(ARTICLE));
        Element foot = article.selectFirst("main .print-foot");
        assertThat(foot).isNotNull();
        assertThat(foot.text()).contains(article.selectFirst("link[rel=canonical]").attr("href"))
                .contains(article.selectFirst(".dateline time").text());
        assertThat(Html.parse(app.get("/")).selectFirst("main .print-foot").text())
                .isEqualTo(Html.parse(app.get("/")).selectFirst("link[rel=canonical]").attr("href"));
    }

    private static JsonNode manifest() throws IOException {
        return Json.MAPPER.readTree(app.get("/manifest.webmanifest").body());
    }
}
