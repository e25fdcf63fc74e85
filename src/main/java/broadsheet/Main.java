package broadsheet;

import broadsheet.cli.AdminCommand;
import broadsheet.cli.ConfigCommand;
import broadsheet.cli.DemoCommand;
import broadsheet.cli.ImportCommand;
import broadsheet.cli.ReindexCommand;
import broadsheet.cli.ServeCommand;
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
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            broadsheet.Failures.lines(e).forEach(line -> cmd.getErr().println("broadsheet: " + line));
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
