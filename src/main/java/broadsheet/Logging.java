package broadsheet;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.function.Function;

/**
 * Where the program's log lines go and which are written: one line each on standard error (so that a command's output
 * on standard output stays clean), in UTC, at {@code BROADSHEET_LOG_LEVEL} (INFO unless set), with the access log at
 * {@code BROADSHEET_ACCESS_LOG} (WARN, that is off, unless set) and the libraries' chatter kept to warnings. Set in code,
 * found by Logback as a service, because reading the same from an XML file costs a start some 150 to 300 ms of loading
 * and running an XML parser. An operator's own Logback file, named with {@code -Dlogback.configurationFile}, is used
 * instead.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class Logging extends ContextAwareBase implements Configurator {
    /** The stream the log lines go to. */
    public static final String TARGET = "System.err";
    private final Function<String, String> env;

    public Logging() {
        this(System::getenv);
    }

    Logging(Function<String, String> env) {
        this.env = env;
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        // UTC, so the zone is always written Z
        encoder.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSS'Z', UTC} %-5level %logger{24} - %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("STDERR");
        console.setTarget(TARGET);
        console.setEncoder(encoder);
        console.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(env.apply("BROADSHEET_LOG_LEVEL"), Level.INFO));
        root.addAppender(console);
        for (String library : new String[] {"org.eclipse.jetty", "io.javalin", "com.zaxxer.hikari", "org.flywaydb"}) {
            context.getLogger(library).setLevel(Level.WARN);
        }
        // the pool's figures reach a server's registry once the pool runs (Database.bindPoolMetrics): expected, not worth a warning
        context.getLogger("io.micrometer.core.instrument.composite.CompositeMeterRegistry").setLevel(Level.ERROR);
        context.getLogger("broadsheet.access").setLevel(Level.toLevel(env.apply("BROADSHEET_ACCESS_LOG"), Level.WARN));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
