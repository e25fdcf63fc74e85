package broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PictureTypeTest {

    private static final BufferedImage PICTURE = TestPictures.photo(40, 30);

    @Test
    void sniffsEachFormatByItsMagicBytes() {
        assertThat(PictureType.sniff(TestPictures.encode(PICTURE, "jpeg"))).contains(PictureType.JPEG);
        assertThat(PictureType.sniff(TestPictures.encode(PICTURE, "png"))).contains(PictureType.PNG);
        assertThat(PictureType.sniff(TestPictures.encode(PICTURE, "gif"))).contains(PictureType.GIF);
        assertThat(PictureType.sniff(PictureEncoder.webp(PictureScaler.toBgrBytes(PICTURE), 0.8f)))
                .contains(PictureType.WEBP);
        assertThat(PictureType.sniff("GIF87a....".getBytes(StandardCharsets.US_ASCII))).contains(PictureType.GIF);
    }

    @Test
    void ignoresWhatTheFileIsCalled(@TempDir Path dir) throws IOException {
        Path pngCalledJpg = Files.write(dir.resolve("holiday.jpg"), TestPictures.encode(PICTURE, "png"));
        Path jpegCalledWebp = Files.write(dir.resolve("lead.webp"), TestPictures.encode(PICTURE, "jpeg"));
        Path textCalledPng = Files.write(dir.resolve("photo.png"), "hello".getBytes(StandardCharsets.US_ASCII));

        assertThat(PictureType.sniff(Files.readAllBytes(pngCalledJpg))).contains(PictureType.PNG);
        assertThat(PictureType.sniff(Files.readAllBytes(jpegCalledWebp))).contains(PictureType.JPEG);
        assertThat(PictureType.sniff(Files.readAllBytes(textCalledPng))).isEmpty();
    }

    @Test
    void findsNothingInShortEmptyOrOtherContent() {
        assertThat(PictureType.sniff(null)).isEmpty();
        assertThat(PictureType.sniff(new byte[0])).isEmpty();
        assertThat(PictureType.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty();
        assertThat(PictureType.sniff("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(PictureType.sniff("GIF90a".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(PictureType.sniff("%PDF-1.7".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    }

    @Test
    void knowsMediaTypesAndExtensions() {
        assertThat(PictureType.JPEG.mediaType()).isEqualTo("image/jpeg");
        assertThat(PictureType.JPEG.extension()).isEqualTo("jpg");
        assertThat(PictureType.PNG.mediaType()).isEqualTo("image/png");
        assertThat(PictureType.GIF.extension()).isEqualTo("gif");
        assertThat(PictureType.WEBP.mediaType()).isEqualTo("image/webp");
        assertThat(PictureType.WEBP.extension()).isEqualTo("webp");
    }

    @Test
    void namesContentBySha256() {
        assertThat(ContentHash.sha256Hex("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
