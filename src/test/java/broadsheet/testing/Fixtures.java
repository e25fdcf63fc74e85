package broadsheet.testing;

import broadsheet.article.ArticleContent;
import broadsheet.content.AccessLevel;
import broadsheet.content.CommentPolicy;
import broadsheet.importing.ArticleImporter;
import broadsheet.importing.ArticleSource;
import broadsheet.importing.ImageSource;
import broadsheet.importing.MarkdownArticleReader;
import broadsheet.media.MediaLibrary;
import broadsheet.storage.LocalBlobStore;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jdbi.v3.core.Handle;

/**
 * Articles for tests, stored through the real importer: the reference article (a fictional story shaped
 * like the reference page in PRODUCT.md, in {@code src/test/resources/fixtures/reference}) and small
 * generated ones. Pictures go to the given data folder's media store.
 */
public final class Fixtures {
    public static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** The reference article's address once imported. */
    public static final String REFERENCE_PATH = "/world-news/2025/12/07/castellan-northmere-harbour-strategy-consistent/";

    private final Path dataDir;

    public Fixtures(Path dataDir) {
        this.dataDir = dataDir;
    }

    public ArticleImporter importer() {
        return new ArticleImporter(TestDatabase.jdbi(), new MediaLibrary(new LocalBlobStore(dataDir.resolve("media"))), LONDON);
    }

    public static Path referenceFile() {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/reference/harbour-strategy.md").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Imports the reference article. */
    public ArticleImporter.Result reference(Instant now) {
        return importer().importAll(List.of(new MarkdownArticleReader().read(referenceFile())), now);
    }

    /** A small article with no picture. */
    public static ArticleSource article(String headline, String section, Instant published) {
        return story(headline).section(section).published(published).build();
    }

    /** An article to adjust before storing: {@code story("Headline").section("politics").topics("Budget").build()}. */
    public static Story story(String headline) {
        return new Story(headline);
    }

    /** A builder of {@link ArticleSource}s with the defaults of {@link #article}: no picture, free, one paragraph pair. */
    public static final class Story {
        private final String headline;
        private String section = "world-news";
        private String slug;
        private Instant published = TestApp.NOW.minusSeconds(3600);
        private Instant updated;
        private List<String> bylines = List.of("Jane Reporter");
        private List<String> topics = List.of("Test topic");
        private ImageSource picture;
        private AccessLevel access = AccessLevel.FREE;
        private String body;

        private Story(String headline) {
            this.headline = headline;
        }

        public Story section(String slug) { this.section = slug; return this; }

        public Story slug(String slug) { this.slug = slug; return this; }

        public Story published(Instant t) { this.published = t; return this; }

        public Story updated(Instant t) { this.updated = t; return this; }

        public Story bylines(String... names) { this.bylines = List.of(names); return this; }

        public Story topics(String... names) { this.topics = List.of(names); return this; }

        public Story picture(ImageSource p) { this.picture = p; return this; }

        public Story access(AccessLevel a) { this.access = a; return this; }

        public Story body(String markdown) { this.body = markdown; return this; }

        public ArticleSource build() {
            ArticleContent content = ArticleContent.builder().headline(headline).standfirst("A standfirst for " + headline)
                    .slug(slug).section(section).bylines(bylines).topics(topics)
                    .body(body != null ? body : "First paragraph of " + headline + ".\n\nSecond paragraph.")
                    .access(access).comments(CommentPolicy.OPEN).build();
            return new ArticleSource("test:" + headline, content, published, updated, picture, Map.of());
        }
    }

    /** {@code count} articles in one section, an hour apart, newest at {@code newest}. */
    public ArticleImporter.Result many(int count, String section, Instant newest) {
        List<ArticleSource> sources = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sources.add(article("Story number " + (i + 1), section, newest.minusSeconds(3600L * i)));
        }
        return importer().importAll(sources, newest);
    }

    public ArticleImporter.Result store(Instant now, ArticleSource... sources) {
        return importer().importAll(List.of(sources), now);
    }

    /**
     * {@code count} bare articles in one new section, straight into the database (ids 1 to count after a clean),
     * every third published: rows enough for the query planner to choose as it would on a real archive.
     */
    public static void bulkArticles(Handle h, int count) {
        h.execute("INSERT INTO sections (slug, name, description, position) VALUES ('bulk', 'Bulk', '', 1)");
        h.execute("""
                INSERT INTO articles (section_id, slug, path, headline, status, first_published_at, created_at, modified_at)
                SELECT (SELECT id FROM sections WHERE slug = 'bulk'), 'a' || g, CASE WHEN g % 3 = 0 THEN '/bulk/' || g || '/' END,
                       'Story ' || g, CASE WHEN g % 3 = 0 THEN 'published' ELSE 'draft' END,
                       CASE WHEN g % 3 = 0 THEN now() - g * interval '1 minute' END, now(), now()
                FROM generate_series(1, ?) g""", count);
    }

    /**
     * A generated archive shaped like a paper's (listing-corpus.sql beside this class: sections, 200 topics of which a few
     * are much used, 20 writers, five years of publication times, a few drafts and unpublished articles, some shared
     * times), written by PostgreSQL itself so tens of thousands of articles take seconds; analysed afterwards.
     */
    public static void listingCorpus(Handle h, int articles) {
        try (var in = Fixtures.class.getResourceAsStream("listing-corpus.sql"); var st = h.getConnection().createStatement()) {
            String sql = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).replace("${articles}", String.valueOf(articles));
            st.execute(sql);
            st.execute("VACUUM ANALYZE articles");
            st.execute("VACUUM ANALYZE article_topics");
            st.execute("VACUUM ANALYZE article_bylines");
            st.execute("VACUUM ANALYZE contributors");
            // the sections too, as autovacuum analyses them in time: the listings' plans must not depend on whether
            // it has come by since the tables were emptied
            st.execute("VACUUM ANALYZE sections");
        } catch (IOException | java.sql.SQLException e) {
            throw new IllegalStateException("Cannot generate the listing corpus: " + e.getMessage(), e);
        }
    }

    /** A real JPEG of the given size, a simple gradient so each colour pair gives different bytes. */
    public static byte[] jpeg(int width, int height, Color from, Color to) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, from, width, height, to));
        g.fillRect(0, 0, width, height);
        g.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static ImageSource picture(String caption, Color from, Color to) {
        return picture(caption, 1200, 675, from, to);
    }

    /** A picture of the given size; small ones make fewer renditions and import faster. */
    public static ImageSource picture(String caption, int width, int height, Color from, Color to) {
        return new ImageSource("test-picture.jpg", jpeg(width, height, from, to), caption, "Test Photographer/Agency", "Alt: " + caption);
    }
}
