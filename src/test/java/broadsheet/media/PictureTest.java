package broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PictureTest {
    private static Picture.Size size(int width, String format) {
        String suffix = switch (format) {
            case "jpeg" -> ".jpg";
            case "webp" -> ".webp";
            default -> "-dense.webp";
        };
        return new Picture.Size("/media/images/ab/ab-" + width + suffix, width, width * 9 / 16, format);
    }

    @Test
    void phonesMayTakeAnOrdinaryWebpNarrowerThanEveryDenseFile() {
        Picture picture = new Picture(1, 1600, 900, "Cranes", "", "", List.of(size(360, "jpeg"), size(480, "jpeg"),
                size(360, "webp"), size(480, "webp"), size(720, "webp"), size(480, "webp-dense"), size(720, "webp-dense")));

        assertThat(picture.denseWebpSrcset()).isEqualTo("/media/images/ab/ab-360.webp 360w, "
                + "/media/images/ab/ab-480-dense.webp 480w, /media/images/ab/ab-720-dense.webp 720w");
        assertThat(picture.webpSrcset()).isEqualTo("/media/images/ab/ab-360.webp 360w, /media/images/ab/ab-480.webp 480w, "
                + "/media/images/ab/ab-720.webp 720w");
    }

    @Test
    void noDenseFilesNoDenseCandidates() {
        Picture picture = new Picture(1, 640, 360, "Cranes", "", "", List.of(size(360, "jpeg"), size(360, "webp")));

        assertThat(picture.denseWebpSrcset()).isEmpty();
    }
}
