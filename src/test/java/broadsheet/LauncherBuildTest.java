package broadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The launcher's build ({@code ./broadsheet} runs Maven when the sources changed) prints plain text: no colour
 * codes (ESC[0m) in what a person sees or pipes to a file. Runs the launcher's own Maven line, from the script,
 * with the phase {@code validate} in place of {@code package} so that it takes a few seconds, not minutes.
 */
class LauncherBuildTest {

    @Test
    void theBuildPrintsNoColourCodes() throws IOException, InterruptedException {
        assumeTrue(onPath("mvn"), "Maven is not on the PATH");
        String script = Files.readString(Path.of("broadsheet"), StandardCharsets.UTF_8);
        String build = script.lines().filter(l -> l.contains("mvn -B")).findFirst().orElseThrow().strip();
        assertThat(build).contains(" package)");
        String quick = "here=" + Path.of("").toAbsolutePath() + "; " + build.replace(" package)", " validate)");

        Process p = new ProcessBuilder("bash", "-c", quick).redirectErrorStream(true).start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.waitFor()).as(printed).isZero();
        assertThat(printed).doesNotContain("\u001b");
    }

    private static boolean onPath(String program) throws IOException, InterruptedException {
        return new ProcessBuilder("bash", "-c", "command -v " + program).start().waitFor() == 0;
    }
}
