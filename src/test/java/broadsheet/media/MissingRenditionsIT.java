package broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import broadsheet.storage.BlobStore;
import broadsheet.storage.LocalBlobStore;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A picture stored before a rendition width was added gets that width from its master: rows, files and the
 * {@code srcset} pages print; a picture that has every width is left alone.
 */
@ExtendWith(TestDatabase.class)
class MissingRenditionsIT {
    private final LocalBlobStore blobs = new LocalBlobStore(TestDatabase.tempDir("renditions-").resolve("media"));
    private final MediaLibrary library = new MediaLibrary(blobs);
    private final Jdbi jdbi = TestDatabase.jdbi();

    @Test
    void aPictureStoredBeforeThe800WidthGetsItFromItsMaster() throws IOException {
        long id = store(TestPictures.encode(TestPictures.photo(1600, 900), "jpeg"));
        List<String> keys = jdbi.withHandle(h -> h.createQuery("SELECT blob_key FROM image_renditions WHERE image_id = :id AND width = 800")
                .bind("id", id).mapTo(String.class).list());
        assertThat(keys).as("a new picture has the 800 px width").isNotEmpty();
        // as it was stored before the width was added
        jdbi.useHandle(h -> h.execute("DELETE FROM image_renditions WHERE image_id = ? AND width = 800", id));
        keys.forEach(blobs::delete);
        assertThat(new ImageStore(jdbi).picture(id).orElseThrow().srcset()).doesNotContain(" 800w");

        assertThat(library.addMissingRenditions(jdbi)).isEqualTo(1);

        Picture picture = new ImageStore(jdbi).picture(id).orElseThrow();
        assertThat(picture.srcset()).contains("-800.jpg 800w");
        List<Picture.Size> added = picture.renditions().stream().filter(s -> s.width() == 800).toList();
        assertThat(added).allSatisfy(s -> assertThat(s.height()).isEqualTo(450));
        if (PictureEncoder.webpAvailable()) {
            assertThat(picture.webpSrcset()).contains("-800.webp 800w");
            assertThat(picture.denseWebpSrcset()).contains("-800-dense.webp 800w");
            assertThat(added).hasSize(3);
        }
        for (Picture.Size s : added) {
            String key = s.url().substring(ImageStore.URL_PREFIX.length());
            assertThat(blobs.exists(key)).as(key).isTrue();
            if (s.format().equals(Rendition.JPEG)) {
                try (InputStream in = blobs.get(key).orElseThrow().open()) {
                    BufferedImage image = TestPictures.decode(in.readAllBytes());
                    assertThat(image.getWidth()).isEqualTo(800);
                    assertThat(image.getHeight()).isEqualTo(450);
                }
            }
        }
        assertThat(library.addMissingRenditions(jdbi)).as("nothing left to make").isZero();
    }

    @Test
    void aPictureStoredBeforeDenseWebpGetsItAndKeepsTheOthers() throws IOException {
        assumeTrue(PictureEncoder.webpAvailable(), "libwebp loads");
        long id = store(TestPictures.encode(TestPictures.photo(1000, 600), "jpeg"));
        List<String> keys = jdbi.withHandle(h -> h.createQuery("SELECT blob_key FROM image_renditions WHERE image_id = :id AND format = 'webp-dense'")
                .bind("id", id).mapTo(String.class).list());
        assertThat(keys).as("a new picture has dense WebP").hasSize(4);
        String others = new ImageStore(jdbi).picture(id).orElseThrow().webpSrcset();
        // as it was stored before dense WebP was made
        jdbi.useHandle(h -> h.execute("DELETE FROM image_renditions WHERE image_id = ? AND format = 'webp-dense'", id));
        keys.forEach(blobs::delete);
        assertThat(new ImageStore(jdbi).picture(id).orElseThrow().denseWebpSrcset()).isEmpty();

        assertThat(library.addMissingRenditions(jdbi)).isEqualTo(1);

        Picture picture = new ImageStore(jdbi).picture(id).orElseThrow();
        assertThat(picture.denseWebpSrcset()).contains("-480-dense.webp 480w", "-960-dense.webp 960w");
        assertThat(picture.renditions()).filteredOn(s -> s.format().equals(Rendition.DENSE_WEBP))
                .extracting(s -> s.width() + "x" + s.height()).containsExactly("480x288", "720x432", "800x480", "960x576");
        assertThat(picture.webpSrcset()).isEqualTo(others);
        for (Picture.Size s : picture.renditions()) {
            assertThat(blobs.exists(s.url().substring(ImageStore.URL_PREFIX.length()))).as(s.url()).isTrue();
        }
        assertThat(library.addMissingRenditions(jdbi)).as("nothing left to make").isZero();
    }

    @Test
    void aPictureNarrowerThanAWidthDoesNotGetIt() {
        long id = store(TestPictures.encode(TestPictures.photo(700, 400), "jpeg"));

        assertThat(library.addMissingRenditions(jdbi)).isZero();
        assertThat(new ImageStore(jdbi).picture(id).orElseThrow().renditions())
                .allSatisfy(s -> assertThat(s.width()).isLessThanOrEqualTo(700));
    }

    private long store(byte[] original) {
        MediaLibrary.Prepared prepared = library.prepare(original);
        try (BlobStore.Staged staged = library.stage()) {
            long id = jdbi.inTransaction(h -> library.store(h, prepared, new MediaLibrary.Words("", "", "A picture"), TestApp.NOW, staged));
            staged.publish();
            return id;
        }
    }
}
