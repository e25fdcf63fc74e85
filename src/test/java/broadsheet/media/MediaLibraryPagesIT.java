package broadsheet.media;

import static broadsheet.testing.TestApp.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.shared.StaffRole;
import broadsheet.importing.ArticleSource;
import broadsheet.importing.ImageSource;
import broadsheet.testing.Fixtures;
import broadsheet.testing.Html;
import broadsheet.testing.Multipart;
import broadsheet.testing.Newsroom;
import broadsheet.testing.RawHttp;
import broadsheet.web.Cookies;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The media library in the newsroom over HTTP: uploads (and refusals), the library, search, words and deletion. */
@ExtendWith(TestDatabase.class)
class MediaLibraryPagesIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    @Test
    void anUploadedJpegIsInTheLibraryWithItsRenditions() {
        var contributor = Newsroom.signedIn(app, StaffRole.CONTRIBUTOR);
        byte[] jpeg = Fixtures.jpeg(1200, 800, Color.BLUE, Color.ORANGE);

        var r = upload(contributor, "harbour.jpg", jpeg, Map.of("caption", "The harbour at dawn", "credit", "Ann Lens/Agency",
                "alt", "Fishing boats at a quay", "syndicatable", "yes"));

        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).contains("/newsroom/media/1?notice=uploaded");
        assertThat(count("images")).isEqualTo(1);
        assertThat(count("image_renditions")).isGreaterThanOrEqualTo(4);
        for (String key : keys(1)) assertThat(app.dataDir().resolve("media").resolve(key)).isRegularFile();
        assertThat(strings("SELECT action FROM audit_log")).contains("picture uploaded");

        Document library = Html.parse(contributor.get("/newsroom/media/"));
        var card = library.selectFirst(".nr-media-card");
        assertThat(card.text()).contains("Picture 1", "1200 × 800", "The harbour at dawn", "Ann Lens/Agency", "Can be syndicated", "No articles");
        assertThat(card.selectFirst("img").attr("alt")).isEqualTo("Fishing boats at a quay");
        assertThat(app.getBytes(card.selectFirst("img").attr("src")).statusCode()).isEqualTo(200);

        Document page = Html.parse(contributor.get("/newsroom/media/1?notice=uploaded"));
        assertThat(page.selectFirst("h1").text()).isEqualTo("Picture 1");
        assertThat(page.selectFirst("#snippet").text()).isEqualTo("![Fishing boats at a quay](image:1 \"The harbour at dawn | Ann Lens/Agency\")");
        assertThat(page.select("form[action=/newsroom/media/1]")).as("contributors cannot change words").isEmpty();
    }

    @Test
    void theSameFileUploadedTwiceIsOnePicture() {
        var reporter = Newsroom.signedIn(app, StaffRole.REPORTER);
        byte[] jpeg = Fixtures.jpeg(500, 300, Color.GREEN, Color.BLACK);
        upload(reporter, "a.jpg", jpeg, Map.of("caption", "First"));

        var again = upload(reporter, "b.jpg", jpeg, Map.of("caption", "Second"));

        assertThat(again.headers().firstValue("Location")).contains("/newsroom/media/1?notice=already");
        assertThat(count("images")).isEqualTo(1);
    }

    @Test
    void gpsAndCameraDetailsAreGoneFromEveryStoredFile() throws IOException {
        var contributor = Newsroom.signedIn(app, StaffRole.CONTRIBUTOR);
        byte[] fromCamera = TestPictures.withApp1(TestPictures.encode(TestPictures.photo(1000, 700), "jpeg"), ExifBlock.payload(1));
        assertThat(TestPictures.contains(fromCamera, ExifBlock.SERIAL)).isTrue();

        assertThat(upload(contributor, "camera.jpg", fromCamera, Map.of()).statusCode()).isEqualTo(303);

        List<String> keys = keys(1);
        assertThat(keys).hasSizeGreaterThanOrEqualTo(4);
        for (String key : keys) {
            byte[] stored = Files.readAllBytes(app.dataDir().resolve("media").resolve(key));
            assertThat(TestPictures.contains(stored, ExifBlock.SERIAL)).as(key).isFalse();
            assertThat(TestPictures.contains(stored, "Exif")).as(key).isFalse();
            assertThat(TestPictures.contains(stored, "EXIF")).as(key).isFalse();
            if (key.endsWith(".jpg")) assertThat(TestPictures.jpegMarkers(stored)).as(key).doesNotContain(0xFFE1);
        }
    }

    static Stream<Arguments> hostileFiles() {
        byte[] noise = new byte[20_000];
        new Random(3).nextBytes(noise);
        noise[0] = 0x42;
        byte[] jpeg = Fixtures.jpeg(800, 600, Color.RED, Color.WHITE);
        byte[] huge = new byte[25 * 1024 * 1024];
        new Random(4).nextBytes(huge);
        huge[0] = (byte) 0xFF;
        huge[1] = (byte) 0xD8;
        huge[2] = (byte) 0xFF;
        return Stream.of(
                Arguments.of("random bytes named .jpg", "photo.jpg", noise, 400, "not a JPEG, PNG, GIF or WebP picture"),
                Arguments.of("a truncated JPEG", "cut.jpg", Arrays.copyOf(jpeg, jpeg.length / 2), 400, "damaged or cut short"),
                Arguments.of("a PNG claiming 100000 x 100000", "bomb.png", TestPictures.pngClaiming(100_000, 100_000), 400,
                        "too large: 100000 x 100000 pixels"),
                Arguments.of("an empty file", "empty.jpg", new byte[0], 400, "The file is empty"),
                Arguments.of("a 25 MB file", "big.jpg", huge, 413, "The file is 25 MB; the limit is 20 MB"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileFiles")
    void aBrokenOrHostileFileGetsTheLibraryAgainAndLeavesNothing(String what, String name, byte[] bytes, int status, String message) {
        var contributor = Newsroom.signedIn(app, StaffRole.CONTRIBUTOR);
        Set<String> before = mediaFiles();

        var r = upload(contributor, name, bytes, Map.of("caption", "Kept caption", "credit", "Kept credit"));

        assertThat(r.statusCode()).isEqualTo(status);
        Document page = Html.parse(r);
        assertThat(page.selectFirst("h1").text()).isEqualTo("Media library");
        assertThat(page.selectFirst("#file-error").text()).contains(message, "Nothing was stored");
        assertThat(page.selectFirst("#file").attr("aria-describedby")).isEqualTo("file-error");
        assertThat(page.selectFirst("#caption").text()).isEqualTo("Kept caption");
        assertThat(count("images")).isZero();
        assertThat(count("image_renditions")).isZero();
        assertThat(mediaFiles()).isEqualTo(before);
    }

    @Test
    void somethingFarLargerThanTheLimitIsRefusedBeforeItIsRead() {
        var contributor = Newsroom.signedIn(app, StaffRole.CONTRIBUTOR);
        Set<String> before = mediaFiles();
        // declared and never sent: the answer comes before any of it is read (a client still sending a body the server
        // will not read may lose the answer when the connection closes under it, so none is sent)
        try (RawHttp http = RawHttp.open(app)) {
            http.send("POST /newsroom/media HTTP/1.1\r\nHost: localhost\r\nCookie: " + Cookies.SESSION + "=" + contributor.cookie(Cookies.SESSION)
                    + "\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: " + 45 * 1024 * 1024 + "\r\n\r\n");

            assertThat(http.answer().status()).isEqualTo(413);
        }
        assertThat(count("images")).isZero();
        assertThat(mediaFiles()).isEqualTo(before);
    }

    @Test
    void anUploadWithoutTheFormTokenIsRefused() {
        var contributor = Newsroom.signedIn(app, StaffRole.CONTRIBUTOR);
        var form = Multipart.form(Map.of("caption", "No token")).file("file", "a.jpg", "image/jpeg", Fixtures.jpeg(400, 300, Color.PINK, Color.GRAY));

        var r = contributor.postMultipart("/newsroom/media", form);

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(count("images")).isZero();
        var wrong = Multipart.form(Map.of("_csrf", "not-the-token")).file("file", "a.jpg", "image/jpeg", Fixtures.jpeg(400, 300, Color.PINK, Color.GRAY));
        assertThat(contributor.postMultipart("/newsroom/media", wrong).statusCode()).isEqualTo(403);
        assertThat(count("images")).isZero();
    }

    @Test
    void aContributorMayUploadButNeitherChangeNorDelete() {
        var contributor = Newsroom.signedIn(app, StaffRole.CONTRIBUTOR);
        upload(contributor, "a.jpg", Fixtures.jpeg(400, 300, Color.CYAN, Color.BLACK), Map.of("caption", "Original"));

        var delete = contributor.submit("/newsroom/media/1", "/newsroom/media/1/delete", Map.of("confirm", "yes"));
        var change = contributor.submit("/newsroom/media/1", "/newsroom/media/1", Map.of("caption", "Changed"));

        assertThat(delete.statusCode()).isEqualTo(403);
        assertThat(change.statusCode()).isEqualTo(403);
        assertThat(count("images")).isEqualTo(1);
        assertThat(strings("SELECT caption FROM images")).containsExactly("Original");
    }

    @Test
    void anEditorChangesThePictureWordsAndArticlesShowThem() {
        ImageSource quay = new ImageSource("quay.jpg", Fixtures.jpeg(400, 300, Color.CYAN, Color.WHITE), "Original", "Ann Lens", "Boats");
        app.fixtures().store(NOW, withBody(Fixtures.story("Quay reopens").slug("quay-reopens").build(),
                "First paragraph.\n\n![](quay.jpg)\n\nLast paragraph.", Map.of("quay.jpg", quay)));
        app.app().contentChanged();
        String publicPath = "/world-news/2025/12/07/quay-reopens/";
        assertThat(Html.parse(app.get(publicPath)).selectFirst(".article-body figcaption").text()).contains("Original");
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);

        var tooLong = editor.submit("/newsroom/media/1", "/newsroom/media/1", Map.of("caption", "x".repeat(1001), "alt", "A quay"));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(Html.parse(tooLong).selectFirst("#caption-error").text()).contains("at most 1000 characters");

        var saved = editor.submit("/newsroom/media/1", "/newsroom/media/1",
                Map.of("caption", "New caption", "credit", "New credit", "alt", "A quay", "syndicatable", "yes"));
        assertThat(saved.statusCode()).isEqualTo(303);
        Document page = Html.parse(editor.get("/newsroom/media/1"));
        assertThat(page.selectFirst("#caption").text()).isEqualTo("New caption");
        assertThat(page.selectFirst("#syndicatable").hasAttr("checked")).isTrue();
        assertThat(Html.parse(app.get(publicPath)).selectFirst(".article-body figcaption").text()).contains("New caption", "New credit");
        assertThat(Html.parse(app.get(publicPath)).selectFirst(".article-body figure img").attr("alt")).isEqualTo("A quay");
    }

    private static ArticleSource withBody(ArticleSource s, String body, Map<String, ImageSource> pictures) {
        return new ArticleSource(s.origin(), s.content().toBuilder().body(body).build(), s.published(), s.updated(), s.leadImage(),
                pictures);
    }

    @Test
    void anUnusedPictureIsDeletedAtOnceWithItsFiles() {
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);
        upload(editor, "a.jpg", Fixtures.jpeg(900, 500, Color.MAGENTA, Color.YELLOW), Map.of("caption", "Soon gone"));
        List<String> keys = keys(1);

        var r = editor.submit("/newsroom/media/1", "/newsroom/media/1/delete", Map.of());

        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).contains("/newsroom/media/?notice=deleted");
        assertThat(count("images")).isZero();
        assertThat(count("image_renditions")).isZero();
        for (String key : keys) assertThat(app.dataDir().resolve("media").resolve(key)).doesNotExist();
        assertThat(editor.get("/newsroom/media/1").statusCode()).isEqualTo(404);
        assertThat(strings("SELECT action FROM audit_log WHERE action = 'picture deleted'")).hasSize(1);
    }

    @Test
    void aPictureInUseIsDeletedOnlyAfterAWarningAndLeavesItsArticles() {
        ImageSource quay = new ImageSource("quay.jpg", Fixtures.jpeg(800, 450, Color.ORANGE, Color.BLUE), "The quay", "Ann Lens", "Boats");
        ArticleSource story = withBody(Fixtures.story("Harbour vote delayed").slug("harbour-vote-delayed").picture(quay).build(),
                "First paragraph.\n\n![Boats at the quay](quay.jpg \"The quay at noon | Ann Lens\")\n\nLast paragraph.",
                Map.of("quay.jpg", quay));
        app.fixtures().store(NOW, story);
        app.app().contentChanged();
        long id = TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT lead_image_id FROM articles").mapTo(Long.class).one());
        long article = TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT id FROM articles").mapTo(Long.class).one());
        List<String> keys = keys(id);
        String publicPath = "/world-news/2025/12/07/harbour-vote-delayed/";
        String before = app.get(publicPath).body();
        assertThat(keys).anyMatch(before::contains);
        assertThat(Html.parse(app.get(publicPath)).select(".article-body figure.picture")).hasSize(1);

        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);
        var library = Html.parse(editor.get("/newsroom/media/"));
        assertThat(library.selectFirst(".nr-media-card").text()).contains("1 article");
        assertThat(Html.parse(editor.get("/newsroom/media/" + id)).select(".nr-uses a").text()).contains("Harbour vote delayed");

        var warning = editor.submit("/newsroom/media/" + id, "/newsroom/media/" + id + "/delete", Map.of());
        assertThat(warning.statusCode()).isEqualTo(409);
        Document warn = Html.parse(warning);
        assertThat(warn.selectFirst("h1").text()).isEqualTo("Delete picture " + id + "?");
        assertThat(warn.select(".nr-uses li").text()).contains("Harbour vote delayed", "loses its lead picture and a picture in the body");
        assertThat(warn.selectFirst("input[name=confirm]").val()).isEqualTo("yes");
        assertThat(count("images")).isEqualTo(1);

        var deleted = editor.post("/newsroom/media/" + id + "/delete", Map.of("_csrf", Newsroom.csrf(warning.body()), "confirm", "yes"));

        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(count("images")).isZero();
        assertThat(count("article_inline_images")).isZero();
        String after = app.get(publicPath).body();
        assertThat(keys).noneMatch(after::contains);
        assertThat(Html.parse(app.get(publicPath)).select("figure")).isEmpty();
        assertThat(after).contains("First paragraph.", "Last paragraph.");
        for (String key : keys) assertThat(app.dataDir().resolve("media").resolve(key)).doesNotExist();
        var row = TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT lead_image_id, version FROM articles")
                .map((rs, c) -> new Object[] {rs.getObject(1), rs.getInt(2)}).one());
        assertThat(row[0]).isNull();
        assertThat((int) row[1]).isEqualTo(2);
        assertThat(strings("SELECT kind FROM article_revisions WHERE article_id = " + article)).contains("picture " + id + " removed");

        var save = saveEditorForm(editor, article, Map.of());
        assertThat(save.statusCode()).as("the body still names the deleted picture; saving it must work").isEqualTo(303);
        var stale = saveEditorForm(editor, article, Map.of("leadImageId", String.valueOf(id)));
        assertThat(stale.statusCode()).isEqualTo(400);
        assertThat(Html.parse(stale).selectFirst("#leadImageId-error").text()).isEqualTo("There is no picture " + id + " in the media library.");
    }

    @Test
    void searchFindsPicturesByCaptionCreditAndAltText() {
        var contributor = Newsroom.signedIn(app, StaffRole.CONTRIBUTOR);
        upload(contributor, "a.jpg", Fixtures.jpeg(1200, 675, Color.BLUE, Color.WHITE), Map.of("caption", "Harbour cranes at dusk", "credit", "Ann Lens"));
        upload(contributor, "b.jpg", Fixtures.jpeg(600, 400, Color.RED, Color.WHITE), Map.of("caption", "Budget papers", "alt", "A red box"));

        Document byCaption = Html.parse(contributor.get("/newsroom/media/?q=harbour"));
        assertThat(byCaption.select(".nr-media-card")).hasSize(1);
        assertThat(byCaption.selectFirst(".nr-media-card").text()).contains("Harbour cranes at dusk");
        assertThat(Html.parse(contributor.get("/newsroom/media/?q=red+box")).select(".nr-media-card").text()).contains("Budget papers");
        assertThat(Html.parse(contributor.get("/newsroom/media/?q=nothing-like-this")).select(".nr-media-card")).isEmpty();
        Document all = Html.parse(contributor.get("/newsroom/media/"));
        assertThat(all.select(".nr-media-card .nr-media-number a").eachText()).containsExactly("Picture 2", "Picture 1");

        Document pick = Html.parse(contributor.get("/newsroom/media/?pick=lead"));
        assertThat(pick.select("[data-use-lead]").eachAttr("data-use-lead")).containsExactly("2", "1");
        assertThat(pick.selectFirst("h1").text()).isEqualTo("Choose a lead picture");
    }

    @Test
    void theSearchJsonHasTheShapeThePickerReads() {
        var contributor = Newsroom.signedIn(app, StaffRole.CONTRIBUTOR);
        upload(contributor, "a.jpg", Fixtures.jpeg(1600, 900, Color.BLUE, Color.WHITE),
                Map.of("caption", "Harbour cranes", "credit", "Ann Lens", "alt", "Cranes"));
        upload(contributor, "b.jpg", Fixtures.jpeg(600, 400, Color.RED, Color.WHITE), Map.of("caption", "Budget papers"));

        var r = contributor.get("/newsroom/media/search.json?q=harbour&page=1");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        JsonNode json = Html.json(r.body());
        assertThat(json.path("page").asInt()).isEqualTo(1);
        assertThat(json.path("lastPage").asInt()).isEqualTo(1);
        assertThat(json.path("items")).hasSize(1);
        JsonNode item = json.path("items").get(0);
        assertThat(iterable(item.fieldNames())).containsExactly("id", "src", "width", "height", "caption", "credit", "alt");
        assertThat(item.path("id").asLong()).isEqualTo(1);
        assertThat(item.path("src").asText()).startsWith("/media/images/").endsWith("-480.jpg");
        assertThat(item.path("width").asInt()).isEqualTo(1600);
        assertThat(item.path("height").asInt()).isEqualTo(900);
        assertThat(item.path("caption").asText()).isEqualTo("Harbour cranes");
        assertThat(item.path("credit").asText()).isEqualTo("Ann Lens");
        assertThat(item.path("alt").asText()).isEqualTo("Cranes");
        assertThat(app.getBytes(item.path("src").asText()).statusCode()).isEqualTo(200);
        assertThat(Html.json(contributor.get("/newsroom/media/search.json").body()).path("items")).hasSize(2);
        assertThat(app.get("/newsroom/media/search.json").statusCode()).as("anonymous").isEqualTo(303);
    }

    private static HttpResponse<String> upload(Newsroom.Client client, String name, byte[] bytes, Map<String, String> words) {
        String token = Newsroom.csrf(client.get("/newsroom/media/").body());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", token);
        fields.putAll(words);
        return client.postMultipart("/newsroom/media", Multipart.form(fields).file("file", name, "image/jpeg", bytes));
    }

    /** Posts the editor's form for the article back as it is, but for {@code changes}. */
    private static HttpResponse<String> saveEditorForm(Newsroom.Client client, long article, Map<String, String> changes) {
        Document form = Html.parse(client.get("/newsroom/articles/" + article));
        Map<String, String> fields = new LinkedHashMap<>();
        for (var input : form.select("#editor input[name], #editor textarea[name], #editor select[name]")) {
            String type = input.attr("type");
            if ((type.equals("radio") || type.equals("checkbox")) && !input.hasAttr("checked")) continue;
            if (input.tagName().equals("select")) {
                var selected = input.selectFirst("option[selected]");
                fields.put(input.attr("name"), selected == null ? input.selectFirst("option").val() : selected.val());
            } else {
                fields.put(input.attr("name"), input.tagName().equals("textarea") ? input.wholeText() : input.val());
            }
        }
        fields.putAll(changes);
        return client.post("/newsroom/articles/" + article + "/save", fields);
    }

    private static long count(String table) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
    }

    private static List<String> strings(String sql) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
    }

    private static List<String> keys(long imageId) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery("""
                        SELECT master_key FROM images WHERE id = :id
                        UNION SELECT blob_key FROM image_renditions WHERE image_id = :id""")
                .bind("id", imageId).mapTo(String.class).list());
    }

    private static Set<String> mediaFiles() {
        Path root = app.dataDir().resolve("media");
        if (!Files.exists(root)) return Set.of();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).collect(TreeSet::new, Set::add, Set::addAll);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> List<T> iterable(Iterator<T> it) {
        List<T> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
