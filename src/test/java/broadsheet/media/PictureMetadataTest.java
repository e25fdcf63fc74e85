package broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** What a camera writes into a JPEG beside the pixels: it must not survive, except as upright pixels. */
class PictureMetadataTest {

    private final PictureProcessor processor = new PictureProcessor();

    @Test
    void dropsExifWithGpsAndSerialFromMasterAndRenditions() {
        byte[] jpeg = TestPictures.encode(TestPictures.photo(1400, 800), "jpeg");
        byte[] fromCamera = TestPictures.withApp1(jpeg, ExifBlock.payload(1));
        assertThat(TestPictures.jpegMarkers(fromCamera)).contains(0xFFE1);
        assertThat(TestPictures.contains(fromCamera, ExifBlock.SERIAL)).isTrue();

        ProcessedPicture picture = processor.process(fromCamera);

        assertClean(picture.master().bytes());
        // a JPEG and a WebP at each standard width narrower than the 1400 px picture, and a dense WebP at each of its widths
        int standard = (int) PictureProcessor.RENDITION_WIDTHS.stream().filter(w -> w < 1400).count();
        int dense = (int) PictureProcessor.DENSE_WIDTHS.stream().filter(w -> w < 1400).count();
        assertThat(picture.renditions()).hasSize(PictureEncoder.webpAvailable() ? 2 * standard + dense : standard).isNotEmpty();
        for (Rendition rendition : picture.renditions()) {
            if (rendition.format().equals(Rendition.JPEG)) {
                assertClean(rendition.bytes());
            } else {
                assertThat(TestPictures.contains(rendition.bytes(), "EXIF")).isFalse();
                assertThat(TestPictures.contains(rendition.bytes(), ExifBlock.SERIAL)).isFalse();
            }
        }
    }

    @Test
    void turnsThePictureAsTheCameraWasHeld() {
        // Stored sideways: what should be the top (red) is on the left; orientation 6 says "turn right".
        BufferedImage sideways = TestPictures.halves(400, 200, Color.RED, Color.BLUE);
        byte[] jpeg = TestPictures.withApp1(TestPictures.encode(sideways, "jpeg"), ExifBlock.payload(6));

        ProcessedPicture picture = processor.process(jpeg);

        assertThat(picture.width()).isEqualTo(200);
        assertThat(picture.height()).isEqualTo(400);
        BufferedImage master = TestPictures.decode(picture.master().bytes());
        assertThat(new Color(master.getRGB(100, 50)).getRed()).isGreaterThan(200);
        assertThat(new Color(master.getRGB(100, 350)).getBlue()).isGreaterThan(200);
        assertThat(PictureProcessorTest.sizes(picture, Rendition.JPEG)).containsExactly("200x400");
    }

    @Test
    void appliesEveryOrientation() {
        BufferedImage stored = TestPictures.halves(60, 20, Color.RED, Color.BLUE);
        int[][] expected = {{}, {60, 20}, {60, 20}, {60, 20}, {60, 20}, {20, 60}, {20, 60}, {20, 60}, {20, 60}};
        for (int orientation = 1; orientation <= 8; orientation++) {
            BufferedImage upright = ExifOrientation.apply(PictureScaler.toIntPixels(stored), orientation);
            assertThat(new int[] {upright.getWidth(), upright.getHeight()}).as("orientation " + orientation)
                    .containsExactly(expected[orientation]);
        }
        // 3 turns half round: red, on the left, ends on the right.
        BufferedImage turned = ExifOrientation.apply(PictureScaler.toIntPixels(stored), 3);
        assertThat(turned.getRGB(55, 10) & 0xFFFFFF).isEqualTo(0xFF0000);
        // 8 turns left: red, on the left, ends at the bottom.
        BufferedImage left = ExifOrientation.apply(PictureScaler.toIntPixels(stored), 8);
        assertThat(left.getRGB(10, 55) & 0xFFFFFF).isEqualTo(0xFF0000);
    }

    private static void assertClean(byte[] jpeg) {
        assertThat(TestPictures.jpegMarkers(jpeg)).doesNotContain(0xFFE1, 0xFFED, 0xFFE2);
        assertThat(TestPictures.contains(jpeg, "Exif")).isFalse();
        assertThat(TestPictures.contains(jpeg, ExifBlock.SERIAL)).isFalse();
    }
}
