package broadsheet.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code broadsheet config}: prints the configuration in effect, secrets left out. */
@Command(name = "config", description = "Print the configuration in effect.")
public final class ConfigCommand implements Runnable {
    @Mixin
    CommonOptions options;

    @Override
    public void run() {
        options.config().describe().forEach(System.out::println);
    }
}
