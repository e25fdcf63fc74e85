package broadsheet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every command and subcommand of {@code broadsheet}, found by walking the command tree, answers
 * {@code --help} and {@code -h} with its usage on standard output and exit code 0, and does nothing else.
 */
class HelpOptionsTest {

    /** Each command's words after {@code broadsheet} ({@code [admin, create]}), with the help option to try. */
    static List<List<String>> commandsAndHelpOptions() {
        List<List<String>> out = new ArrayList<>();
        for (List<String> words : commands(Main.commandLine(), new ArrayList<>())) {
            for (String help : List.of("--help", "-h")) {
                List<String> args = new ArrayList<>(words);
                args.add(help);
                out.add(args);
            }
        }
        return out;
    }

    private static List<List<String>> commands(CommandLine cl, List<String> path) {
        List<List<String>> found = new ArrayList<>();
        found.add(List.copyOf(path));
        cl.getSubcommands().forEach((name, sub) -> {
            if (!name.equals(sub.getCommandName())) return; // an alias of a command already walked
            List<String> deeper = new ArrayList<>(path);
            deeper.add(name);
            found.addAll(commands(sub, deeper));
        });
        return found;
    }

    @ParameterizedTest(name = "broadsheet {0}")
    @MethodSource("commandsAndHelpOptions")
    void answersHelpWithItsUsageAndExitCodeZero(List<String> args) {
        var out = new StringWriter();
        var err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));

        int code = cl.execute(args.toArray(String[]::new));

        assertThat(err.toString()).isEmpty();
        assertThat(code).isZero();
        String command = String.join(" ", args.subList(0, args.size() - 1));
        assertThat(out.toString()).startsWith("Usage: broadsheet" + (command.isEmpty() ? "" : " " + command) + " ")
                .contains("-h, --help");
    }

    @Test
    void theWalkReachesEveryCommandAndSubcommand() {
        assertThat(commands(Main.commandLine(), new ArrayList<>())).contains(List.of(), List.of("serve"), List.of("demo"),
                List.of("import"), List.of("reindex"), List.of("config"), List.of("admin"), List.of("admin", "create"),
                List.of("admin", "password"));
    }
}
