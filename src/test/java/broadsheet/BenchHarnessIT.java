package broadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standard benchmark, {@code bench/run}, runs end to end on a tiny corpus (its {@code --quick} mode), so that it
 * cannot rot while the pages it measures change: it generates the corpus, imports part of it and writes the rest with
 * COPY (both paths of a large run), starts the server, signs the subscriber in, makes a gift link, follows the topic's
 * "next" links and measures every workload with wrk. Every workload must have its row, at both connection counts and
 * with the page cache on and off, with a figure and no errors. Broadsheet runs from the suite's own class path (the jar is not built yet when the suite runs).
 */
class BenchHarnessIT {
    static final List<String> WORKLOADS = List.of("article", "home", "topic page", "topic page, deep", "Content API list",
            "article, subscriber", "home, subscriber", "article, 238 comments", "search", "RSS", "gifted article");

    @Test
    void theQuickRunMeasuresEveryWorkloadWithoutErrors(@TempDir Path results) throws IOException, InterruptedException {
        assumeTrue(onPath("wrk") && onPath("curl"), "bench/run needs wrk and curl");
        Path printed = results.resolve("printed.txt");
        Path log = results.resolve("log.txt");
        ProcessBuilder builder = new ProcessBuilder("bash", "bench/run", "--quick", "--profile", "--connections", "4", "--timeout", "30",
                "--results", results.toString())
                .redirectOutput(printed.toFile()).redirectError(log.toFile());
        builder.environment().put("BENCH_JAVA", ProcessHandle.current().info().command().orElseThrow());
        builder.environment().put("BENCH_CLASSPATH", System.getProperty("java.class.path"));
        // a machine busy with other work may take longer than two seconds to give a connection or to answer (hence also
        // wrk's --timeout above): this test is about the harness measuring every workload, not about an overloaded machine
        builder.environment().put(Config.DATABASE_TIMEOUT.envVar(), "60");
        Process run = builder.start();
        // a bound, not a timing: a run that hangs must not hang the build
        if (!run.waitFor(20, TimeUnit.MINUTES)) {
            run.descendants().forEach(ProcessHandle::destroy);
            run.destroy();
            fail("bench/run did not finish in 20 minutes; its log:\n" + Files.readString(log));
        }
        String output = Files.readString(printed, StandardCharsets.UTF_8);
        assertThat(run.exitValue()).as(Files.readString(log) + output).isZero();

        List<String[]> rows = new ArrayList<>();
        for (String line : output.lines().toList()) {
            if (!line.startsWith("| ") || line.startsWith("| workload") || line.startsWith("| figure")) continue;
            String[] cells = line.substring(2, line.length() - 2).split(" \\| ", -1);
            if (cells.length == 11) rows.add(cells);
        }
        for (String workload : WORKLOADS) {
            for (String connections : List.of("4", "1")) {
                for (String cache : List.of("on", "off")) {
                    String[] row = rows.stream().filter(r -> r[0].equals(workload) && r[1].equals(connections) && r[2].equals(cache))
                            .findFirst().orElseThrow(() -> new AssertionError("no row for " + workload + ", " + connections
                                    + " connections, cache " + cache + " in\n" + output));
                    String what = String.join(" | ", row);
                    // on a machine busy with other work a slow page may finish no request in a one-second run: it
                    // then has no latency ("–"); its first answer was still a 200, or the errors would say so
                    assertThat(Double.parseDouble(row[3])).as("req/s: " + what).isNotNegative();
                    assertThat(row[4]).as("p50: " + what).matches("–|[0-9]+\\.[0-9]{2}");
                    assertThat(row[5]).as("p99: " + what).matches("–|[0-9]+\\.[0-9]{2}");
                    assertThat(row[6]).as("errors: " + what).isEqualTo("0");
                    assertThat(row[7]).as("server CPU per request: " + what).matches("–|[0-9]+\\.[0-9]{2} \\+ [0-9]+\\.[0-9]{2}");
                }
            }
        }
        assertThat(output).contains("| import from Markdown | ", "| start, existing data folder", "| memory after the cache-off run");
        // --profile: where the import's and each cache-off workload's CPU went, by part of the program (a one-second run
        // may catch no sample)
        List<String> profiled = output.lines().dropWhile(l -> !l.startsWith("| workload | parts |")).skip(2)
                .takeWhile(l -> l.startsWith("| ")).toList();
        List<String> recorded = new ArrayList<>(List.of("import"));
        recorded.addAll(WORKLOADS);
        assertThat(profiled).extracting(l -> l.substring(2, l.indexOf(" | "))).containsExactlyElementsOf(recorded);
        assertThat(profiled).allMatch(l -> l.contains("no samples") || l.matches(".*[0-9]+ % .*\\([0-9]+ samples\\).*"), "a share of samples");
        assertThat(output).as("the deep topic page was reached by its next links")
                .containsPattern("following rel=\"next\" [1-9][0-9]* time");
        try (var written = Files.list(results)) {
            assertThat(written.map(p -> p.getFileName().toString())).anyMatch(name -> name.matches("run-.*\\.md"));
        }
    }

    private static boolean onPath(String program) throws IOException, InterruptedException {
        return new ProcessBuilder("bash", "-c", "command -v " + program).start().waitFor() == 0;
    }
}
