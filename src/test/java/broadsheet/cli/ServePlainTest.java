package broadsheet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A server's usual command line, read without picocli, gives the options picocli gives; any other is left to picocli. */
class ServePlainTest {

    /** The data folder, port and host picocli reads from a serve command line. */
    private static List<Object> byPicocli(String... args) {
        var cl = new CommandLine(new ServeCommand());
        cl.parseArgs(Arrays.copyOfRange(args, 1, args.length));
        CommonOptions o = ((ServeCommand) cl.getCommand()).options;
        return Arrays.asList(o.data, o.port, o.host);
    }

    private static List<Object> plain(String... args) {
        Optional<ServeCommand> serve = ServeCommand.plain(args);
        assertThat(serve).as(String.join(" ", args)).isPresent();
        CommonOptions o = serve.get().options;
        return Arrays.asList(o.data, o.port, o.host);
    }

    @Test
    void readsWhatPicocliReads() {
        for (String[] args : List.of(new String[] {"serve"},
                new String[] {"serve", "--data", "/srv/paper"},
                new String[] {"serve", "--port", "7200", "--data", "data"},
                new String[] {"serve", "--data=/srv/the paper", "--port=0", "--host=0.0.0.0"},
                new String[] {"serve", "--host", "127.0.0.1", "--port", "08080"},
                new String[] {"serve", "--data", "a=b"})) {
            assertThat(plain(args)).as(String.join(" ", args)).isEqualTo(byPicocli(args));
        }
        assertThat(plain("serve", "--data", "d", "--port", "7200")).containsExactly("d", 7200, null);
    }

    @Test
    void leavesEverythingElseToPicocli() {
        for (String[] args : List.of(new String[] {}, new String[] {"demo"}, new String[] {"import", "--data", "d"},
                new String[] {"serve", "--help"}, new String[] {"serve", "-h"}, new String[] {"serve", "-V"},
                new String[] {"serve", "--no-such-option"}, new String[] {"serve", "--port", "many"},
                new String[] {"serve", "--port", "-1"}, new String[] {"serve", "--port", "99999999999"},
                new String[] {"serve", "--data"}, new String[] {"serve", "--data="}, new String[] {"serve", "--data", "a", "--data", "b"},
                new String[] {"serve", "--data", "--port"}, new String[] {"serve", "--data", "@args.txt"}, new String[] {"serve", "@args.txt"},
                new String[] {"serve", "--", "--data", "d"}, new String[] {"serve", "extra"}, new String[] {"serve", "--DATA", "d"})) {
            assertThat(ServeCommand.plain(args)).as(String.join(" ", args)).isEmpty();
        }
    }
}
