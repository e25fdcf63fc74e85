package broadsheet;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
        Line line = new Line();
        line.setContext(context);
        line.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(line);
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

    /**
     * One event as the pattern {@value #PATTERN} writes it (and, after it, a failure's stack trace, as Logback adds to
     * every pattern without one), written here rather than by Logback's {@code PatternLayout}: setting that up (its table
     * of some fifty converters, made at each start) took a tenth of a start's time before the command could run.
     */
    static final class Line extends LayoutBase<ILoggingEvent> {
        /** The pattern this layout writes. UTC, so the zone is always written Z. */
        static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSS'Z', UTC} %-5level %logger{24} - %msg%n";
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
        private final TargetLengthBasedClassNameAbbreviator logger = new TargetLengthBasedClassNameAbbreviator(24);
        private final ThrowableProxyConverter failure = new ThrowableProxyConverter();

        @Override
        public void start() {
            failure.setContext(getContext());
            failure.start();
            super.start();
        }

        @Override
        public String doLayout(ILoggingEvent event) {
            StringBuilder line = new StringBuilder(128);
            TIME.formatTo(Instant.ofEpochMilli(event.getTimeStamp()), line);
            String level = event.getLevel().toString();
            line.append(' ').append(level).repeat(' ', Math.max(0, 5 - level.length()));
            line.append(' ').append(logger.abbreviate(event.getLoggerName())).append(" - ").append(event.getFormattedMessage())
                    .append(CoreConstants.LINE_SEPARATOR);
            if (event.getThrowableProxy() != null) line.append(failure.convert(event));
            return line.toString();
        }
    }
}
