package broadsheet.cli;

import broadsheet.Config;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options every command takes; each overrides the matching {@code BROADSHEET_*} variable. */
public final class CommonOptions {
    @Option(names = "--data", paramLabel = "DIR", description = "Data folder (default ./data, or BROADSHEET_DATA).")
    String data;

    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port (default 8080, or BROADSHEET_PORT).")
    Integer port;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to listen on (default 127.0.0.1).")
    String host;

    public Config config() {
        Map<String, String> flags = new HashMap<>();
        if (data != null) flags.put(Config.DATA.key(), data);
        if (port != null) flags.put(Config.PORT.key(), String.valueOf(port));
        if (host != null) flags.put(Config.HOST.key(), host);
        return Config.load(System.getenv(), flags);
    }
}
