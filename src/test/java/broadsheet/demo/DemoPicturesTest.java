package broadsheet.demo;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.demo.DemoPictures.Kind;
import broadsheet.demo.DemoPictures.Picture;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DemoPicturesTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyKind_drawsA1600x900Jpeg_thatDescribesItself(Kind kind) throws IOException {
        Picture picture = DemoPictures.draw(3, kind, 99);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(picture.jpeg()));
        assertThat(image.getWidth()).isEqualTo(1600);
        assertThat(image.getHeight()).isEqualTo(900);
        assertThat(picture.kind()).isEqualTo(kind);
        assertThat(picture.description()).isNotBlank().endsWith(".");
        assertThat(picture.credit()).matches("[A-Z][a-z]+ [A-Z][a-z]+/[A-Z].+");
    }

    @Test
    void sameSeed_drawsTheSamePicture() {
        assertThat(DemoPictures.draw(0, Kind.HARBOUR, 5).jpeg()).isEqualTo(DemoPictures.draw(0, Kind.HARBOUR, 5).jpeg());
        assertThat(DemoPictures.draw(0, Kind.HARBOUR, 5).jpeg()).isNotEqualTo(DemoPictures.draw(0, Kind.HARBOUR, 6).jpeg());
    }

    @Test
    void pool_coversEveryKind_inParallel_deterministically() {
        long start = System.nanoTime();
        List<Picture> pool = DemoPictures.pool(11, 40);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("DemoPictures: pool of 40 in %d ms (%d ms a picture on %d processors)%n",
                millis, millis / 40, Runtime.getRuntime().availableProcessors());
        assertThat(pool).hasSize(40).extracting(Picture::kind).containsAll(List.of(Kind.values()));
        assertThat(pool).extracting(Picture::number).containsExactlyElementsOf(IntStream.range(0, 40).boxed().toList());
        assertThat(DemoPictures.pool(11, 12)).extracting(Picture::jpeg)
                .usingElementComparator((a, b) -> Arrays.equals(a, b) ? 0 : 1)
                .containsExactlyElementsOf(pool.subList(0, 12).stream().map(Picture::jpeg).toList());
    }
}
