package broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class PictureProcessorTest {

    private final PictureProcessor processor = new PictureProcessor();

    @Test
    void makesEveryNarrowerWidthFromABigJpeg() {
        ProcessedPicture picture = processor.process(TestPictures.encode(TestPictures.photo(4000, 3000), "jpeg"));

        assertThat(picture.originalType()).isEqualTo(PictureType.JPEG);
        assertThat(picture.width()).isEqualTo(4000);
        assertThat(picture.height()).isEqualTo(3000);
        assertThat(picture.master().type()).isEqualTo(PictureType.JPEG);
        assertThat(sizes(picture, Rendition.JPEG))
                .containsExactly("360x270", "480x360", "720x540", "800x600", "960x720", "1280x960", "1600x1200");
        assertThat(sizes(picture, Rendition.WEBP)).isEqualTo(sizes(picture, Rendition.JPEG));
        if (PictureEncoder.webpAvailable()) {
            assertThat(sizes(picture, Rendition.DENSE_WEBP)).containsExactly("480x360", "720x540", "800x600", "960x720", "1280x960");
        }
        assertDecodesAtItsSize(picture);
    }

    @Test
    void makesOnlyWidthsNarrowerThanTheOriginal() {
        ProcessedPicture picture = processor.process(TestPictures.encode(TestPictures.photo(1600, 900), "png"));

        assertThat(picture.originalType()).isEqualTo(PictureType.PNG);
        assertThat(picture.master().type()).isEqualTo(PictureType.JPEG);
        assertThat(sizes(picture, Rendition.JPEG)).containsExactly("360x203", "480x270", "720x405", "800x450", "960x540", "1280x720");
    }

    @Test
    void makesOneRenditionAtItsOwnWidthFromATinyPicture() {
        ProcessedPicture picture = processor.process(TestPictures.encode(TestPictures.photo(100, 60), "jpeg"));

        assertThat(sizes(picture, Rendition.JPEG)).containsExactly("100x60");
        assertDecodesAtItsSize(picture);
    }

    @Test
    void keepsTransparencyInThePngMasterAndFlattensRenditionsOnWhite() {
        ProcessedPicture picture = processor.process(
                TestPictures.encode(TestPictures.discWithTransparency(800), "png"));

        assertThat(picture.master().type()).isEqualTo(PictureType.PNG);
        BufferedImage master = TestPictures.decode(picture.master().bytes());
        assertThat(master.getColorModel().hasAlpha()).isTrue();
        assertThat(master.getRGB(0, 0) >>> 24).isZero();
        for (Rendition rendition : picture.renditions()) {
            BufferedImage image = TestPictures.decode(rendition.bytes());
            assertThat(image.getColorModel().hasAlpha()).as(rendition.toString()).isFalse();
            assertThat(new Color(image.getRGB(1, 1))).as(rendition.toString()).satisfies(PictureProcessorTest::nearWhite);
        }
    }

    @Test
    void readsGifAndWebp() {
        BufferedImage photo = TestPictures.photo(700, 400);
        ProcessedPicture gif = processor.process(TestPictures.encode(photo, "gif"));
        ProcessedPicture webp = processor.process(PictureEncoder.webp(PictureScaler.toBgrBytes(photo), 0.8f));

        assertThat(gif.originalType()).isEqualTo(PictureType.GIF);
        assertThat(webp.originalType()).isEqualTo(PictureType.WEBP);
        assertThat(sizes(gif, Rendition.JPEG)).containsExactly("360x206", "480x274");
        assertThat(sizes(webp, Rendition.WEBP)).containsExactly("360x206", "480x274");
        assertDecodesAtItsSize(webp);
    }

    @Test
    void encodesRenditionsAsProgressiveJpeg() {
        ProcessedPicture picture = processor.process(TestPictures.encode(TestPictures.photo(1000, 500), "jpeg"));

        for (Rendition rendition : picture.renditions()) {
            if (rendition.format().equals(Rendition.JPEG)) {
                assertThat(TestPictures.jpegMarkers(rendition.bytes())).as(rendition.toString()).contains(0xFFC2);
            }
        }
    }

    @Test
    void encodesPhoneSizedWebpTighterThanTheWiderSizes() {
        byte[] jpeg = TestPictures.encode(TestPictures.photo(1280, 720), "jpeg");
        Rendition phone = processor.process(jpeg).renditions().stream()
                .filter(r -> r.format().equals(Rendition.WEBP) && r.width() == 720).findFirst().orElseThrow();
        // the same pixels the processor encoded, written with the fast settings every size had before
        BufferedImage opaque = PictureScaler.onWhite(PictureScaler.toIntPixels(TestPictures.decode(jpeg)));
        BufferedImage pixels = new PictureScaler(opaque, 360).scaleTo(720, 405);

        byte[] fast = PictureEncoder.webp(pixels, PictureProcessor.RENDITION_QUALITY, PictureEncoder.WEBP_METHOD);
        assertThat(phone.bytes().length).as("720 px WebP against quality 0.8, method 1").isLessThan(fast.length * 95 / 100);
    }

    @Test
    void makesDenseWebpNarrowerThanThePictureOnly() {
        assumeTrue(PictureEncoder.webpAvailable(), "libwebp loads");
        ProcessedPicture picture = processor.process(TestPictures.encode(TestPictures.photo(900, 600), "jpeg"));

        assertThat(sizes(picture, Rendition.DENSE_WEBP)).containsExactly("480x320", "720x480", "800x533");
        assertThat(sizes(processor.process(TestPictures.encode(TestPictures.photo(400, 300), "jpeg")), Rendition.DENSE_WEBP))
                .as("a picture narrower than every dense width").isEmpty();
        assertDecodesAtItsSize(picture);
    }

    @Test
    void encodesDenseWebpInFewerBytesThanTheWebpAtTheSameWidth() {
        assumeTrue(PictureEncoder.webpAvailable(), "libwebp loads");
        ProcessedPicture picture = processor.process(TestPictures.encode(TestPictures.photo(1600, 900), "jpeg"));

        for (int width : PictureProcessor.DENSE_WIDTHS) {
            Rendition webp = rendition(picture, Rendition.WEBP, width);
            Rendition dense = rendition(picture, Rendition.DENSE_WEBP, width);
            assertThat(dense.mediaType()).isEqualTo("image/webp");
            assertThat(dense.bytes().length).as(dense + " against " + webp).isLessThan(webp.bytes().length * 80 / 100);
            System.out.printf("PictureProcessor: %d px WebP %d bytes, dense %d bytes%n", width, webp.bytes().length, dense.bytes().length);
        }
    }

    @Test
    void makesOnlyTheDenseWidthsAskedOfAStoredMaster() {
        assumeTrue(PictureEncoder.webpAvailable(), "libwebp loads");
        byte[] master = processor.process(TestPictures.encode(TestPictures.photo(1000, 500), "jpeg")).master().bytes();

        List<Rendition> made = processor.renditionsOfMaster(master, List.of(), List.of(720, 960, 1280));

        assertThat(made).extracting(r -> r.format() + " " + r.width() + "x" + r.height())
                .containsExactly("webp-dense 720x360", "webp-dense 960x480");
    }

    private static Rendition rendition(ProcessedPicture picture, String format, int width) {
        return picture.renditions().stream().filter(r -> r.format().equals(format) && r.width() == width).findFirst().orElseThrow();
    }

    static List<String> sizes(ProcessedPicture picture, String format) {
        return picture.renditions().stream()
                .filter(r -> r.format().equals(format))
                .map(r -> r.width() + "x" + r.height())
                .toList();
    }

    static void assertDecodesAtItsSize(ProcessedPicture picture) {
        BufferedImage master = TestPictures.decode(picture.master().bytes());
        assertThat(master.getWidth()).isEqualTo(picture.width());
        assertThat(master.getHeight()).isEqualTo(picture.height());
        for (Rendition rendition : picture.renditions()) {
            BufferedImage image = TestPictures.decode(rendition.bytes());
            assertThat(image).as(rendition.toString()).isNotNull();
            assertThat(image.getWidth() + "x" + image.getHeight()).isEqualTo(rendition.width() + "x" + rendition.height());
        }
    }

    private static void nearWhite(Color color) {
        assertThat(color.getRed()).isGreaterThan(245);
        assertThat(color.getGreen()).isGreaterThan(245);
        assertThat(color.getBlue()).isGreaterThan(245);
    }
}
