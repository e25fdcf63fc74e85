package broadsheet;

import broadsheet.cli.AdminCommand;
import broadsheet.cli.ConfigCommand;
import broadsheet.cli.DemoCommand;
import broadsheet.cli.ImportCommand;
import broadsheet.cli.ReindexCommand;
import broadsheet.cli.ServeCommand;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Parses the command line and runs one command; nothing else. Every subcommand, at any depth, inherits
 * {@code -h/--help} and {@code -V/--version} from here (the INHERIT scope), so none can be left without them.
 */
@Command(name = "broadsheet", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        scope = CommandLine.ScopeType.INHERIT,
        description = "The newsroom system and reader website of a newspaper.",
        subcommands = {ServeCommand.class, DemoCommand.class, ImportCommand.class, ReindexCommand.class, AdminCommand.class, ConfigCommand.class})
public final class Main implements Runnable {
    public static void main(String[] args) {
        // a server's usual command line is read without picocli (ServeCommand.plain says why); any other by picocli
        Optional<ServeCommand> serve = ServeCommand.plain(args);
        System.exit(serve.isPresent() ? run(serve.get(), new PrintWriter(System.err, true)) : commandLine(args).execute(args));
    }

    /** Runs a command read without picocli, answering its failure as picocli's handler below does: its lines, then 1. */
    static int run(Runnable command, PrintWriter err) {
        try {
            command.run();
            return 0;
        } catch (RuntimeException e) {
            failed(e, err);
            return 1;
        }
    }

    private static void failed(Exception e, PrintWriter err) {
        broadsheet.Failures.lines(e).forEach(line -> err.println("broadsheet: " + line));
    }

    public static CommandLine commandLine() {
        return handlingFailures(new CommandLine(new Main()));
    }

    /**
     * The command line for these arguments: for {@code serve}, the one command alone, so that a server's start reads
     * only its own command's annotations (reading every command's, with their options and subcommands, took about 0.2 s
     * of CPU more on a busy two-core machine, spent before the database can start); for anything else, every command.
     */
    static CommandLine commandLine(String[] args) {
        if (args.length > 0 && args[0].equals("serve")) return handlingFailures(new CommandLine(new ServeOnly()));
        return commandLine();
    }

    /** The program as {@link Main} declares it, with only the serve command. */
    @Command(name = "broadsheet", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
            scope = CommandLine.ScopeType.INHERIT, subcommands = ServeCommand.class)
    static final class ServeOnly implements Runnable {
        @Override
        public void run() {
            CommandLine.usage(new Main(), System.out);
        }
    }

    static CommandLine handlingFailures(CommandLine cl) {
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            failed(e, cmd.getErr());
            return 1;
        });
        return cl;
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"Broadsheet " + (v == null ? "(development build)" : v)};
        }
    }
}
