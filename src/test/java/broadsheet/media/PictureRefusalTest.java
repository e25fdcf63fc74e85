package broadsheet.media;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hostile and broken input: always a PictureException with a message for people, never anything else. */
class PictureRefusalTest {

    private final PictureProcessor processor = new PictureProcessor();

    @Test
    void refusesRandomBytes() {
        byte[] noise = new byte[10_000];
        new Random(7).nextBytes(noise);
        noise[0] = 0x42;

        assertThatThrownBy(() -> processor.process(noise))
                .isExactlyInstanceOf(PictureException.class)
                .hasMessage("not a JPEG, PNG, GIF or WebP picture");
        assertThatThrownBy(() -> processor.process(new byte[0])).isExactlyInstanceOf(PictureException.class);
    }

    @Test
    void refusesRandomBytesBehindAValidSignature() {
        for (byte[] magic : new byte[][] {{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, bytes("\u0089PNG\r\n\u001a\n"),
                bytes("GIF89a"), bytes("RIFF\u0000\u0010\u0000\u0000WEBPVP8 ")}) {
            byte[] junk = new byte[4_000];
            new Random(magic.length).nextBytes(junk);
            System.arraycopy(magic, 0, junk, 0, magic.length);

            assertThatThrownBy(() -> processor.process(junk)).isExactlyInstanceOf(PictureException.class);
        }
    }

    @Test
    void refusesTruncatedFiles() {
        var picture = TestPictures.photo(400, 300);
        for (String format : new String[] {"jpeg", "png", "gif"}) {
            byte[] whole = TestPictures.encode(picture, format);
            byte[] cut = Arrays.copyOf(whole, whole.length / 2);

            assertThatThrownBy(() -> processor.process(cut))
                    .as(format)
                    .isExactlyInstanceOf(PictureException.class)
                    .hasMessageContaining("damaged or cut short");
        }
        byte[] webp = PictureEncoder.webp(PictureScaler.toBgrBytes(picture), 0.8f);
        assertThatThrownBy(() -> processor.process(Arrays.copyOf(webp, webp.length / 2)))
                .isExactlyInstanceOf(PictureException.class);
    }

    @Test
    void refusesAHugeSizeFromTheHeaderWithoutDecodingIt() {
        byte[] bomb = TestPictures.pngClaiming(100_000, 100_000);

        assertThatThrownBy(() -> processor.process(bomb))
                .isExactlyInstanceOf(PictureException.class)
                .hasMessage("the picture is too large: 100000 x 100000 pixels, at most 60 megapixels are accepted");
    }

    @Test
    void refusesAJpegWhoseFrameHeaderClaimsAHugeSize() {
        byte[] jpeg = TestPictures.encode(TestPictures.photo(64, 48), "jpeg");
        int sof = sofOffset(jpeg);
        ByteBuffer.wrap(jpeg).putShort(sof + 5, (short) 60_000).putShort(sof + 7, (short) 60_000);

        assertThatThrownBy(() -> processor.process(jpeg))
                .isExactlyInstanceOf(PictureException.class)
                .hasMessageContaining("too large: 60000 x 60000 pixels");
    }

    @Test
    void refusesAPictureWithoutPixels() {
        assertThatThrownBy(() -> processor.process(TestPictures.pngClaiming(0, 0))).isExactlyInstanceOf(PictureException.class);
    }

    /** Where the baseline frame header (SOF0) starts, at its 0xFF byte. */
    private static int sofOffset(byte[] jpeg) {
        for (int i = 0; i < jpeg.length - 1; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
                return i;
            }
        }
        throw new IllegalStateException("no SOF0 in the test JPEG");
    }

    private static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }
}
