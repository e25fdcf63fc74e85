package broadsheet.cli;

import broadsheet.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One run of the {@code broadsheet} command line, in-process, as {@code main} runs it: its exit code, the lines
 * it printed on standard output (log lines, which share the console, left out) and on standard error.
 */
record CommandRun(int code, List<String> printed, List<String> errors) {

    static CommandRun of(String... args) {
        var err = new StringWriter();
        var cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        PrintStream original = System.out;
        var captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = cl.execute(args);
        } finally {
            System.setOut(original);
        }
        List<String> printed = captured.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> !l.matches("^\\d{4}-\\d{2}-\\d{2}T.*")).toList();
        return new CommandRun(code, printed, err.toString().lines().toList());
    }
}
