package broadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The serve command, built alone for a server's start, reads and answers its arguments as the whole program does. */
class MainTest {

    private static List<String> run(CommandLine cl, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return List.of(String.valueOf(code), out.toString(), err.toString());
    }

    @Test
    void serveAloneGivesTheSameHelpVersionAndErrorsAsTheWholeProgram() {
        for (String[] args : List.of(new String[] {"serve", "--help"}, new String[] {"serve", "-V"},
                new String[] {"serve", "--no-such-option"}, new String[] {"serve", "--port", "many"})) {
            assertThat(run(Main.commandLine(args), args)).as(String.join(" ", args)).isEqualTo(run(Main.commandLine(), args));
        }
    }

    /** A command that fails as a server's start can: an exception with a message of two lines. */
    @CommandLine.Command(name = "failing")
    static final class Failing implements Runnable {
        @Override
        public void run() {
            throw new IllegalStateException("Cannot start the embedded PostgreSQL: port taken\nand more detail");
        }
    }

    @Test
    void aCommandReadWithoutPicocliFailsAsUnderPicocliWithItsOneLineAndExitCodeOne() {
        var err = new StringWriter();
        int code = Main.run(new Failing(), new PrintWriter(err, true));

        assertThat(List.of(String.valueOf(code), "", err.toString())).isEqualTo(run(Main.handlingFailures(new CommandLine(new Failing()))));
        assertThat(err.toString()).isEqualTo("broadsheet: Cannot start the embedded PostgreSQL: port taken" + System.lineSeparator());
        assertThat(Main.run(() -> {}, new PrintWriter(new StringWriter()))).isZero();
    }

    @Test
    void everyOtherCommandLineIsTheWholeProgram() {
        assertThat(Main.commandLine(new String[] {"demo"}).getSubcommands()).containsKeys("serve", "demo", "import", "admin");
        assertThat(Main.commandLine(new String[] {}).getSubcommands()).containsKeys("serve", "demo", "import", "admin");
        assertThat(Main.commandLine(new String[] {"serve"}).getSubcommands()).containsOnlyKeys("serve");
    }
}
