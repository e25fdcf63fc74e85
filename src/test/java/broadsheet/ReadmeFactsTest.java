package broadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.media.PictureProcessor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What the README says about the program that the code decides: held to the code, so the two cannot drift. */
class ReadmeFactsTest {
    private static String read(String path) throws IOException {
        return Files.readString(Path.of(path), StandardCharsets.UTF_8);
    }

    @Test
    void theRenditionWidthsAreThoseThePictureProcessorMakes() throws IOException {
        int narrowest = Collections.min(PictureProcessor.RENDITION_WIDTHS);
        int widest = Collections.max(PictureProcessor.RENDITION_WIDTHS);

        assertThat(read("README.md")).contains("renditions " + narrowest + "–" + widest + " px wide");
    }

    @Test
    void everyMentionOfWhereLogsGoNamesTheStreamTheLogConfigurationWritesTo() throws IOException {
        String stream = Logging.TARGET.equals("System.err") ? "standard error" : "standard output";

        Matcher mentions = Pattern.compile("standard (error|output)").matcher(read("README.md"));
        int count = 0;
        while (mentions.find()) {
            assertThat(mentions.group()).isEqualTo(stream);
            count++;
        }
        assertThat(count).isPositive();
    }
}
