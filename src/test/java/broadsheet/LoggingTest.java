package broadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoggingTest {
    private static LoggerContext configured(Map<String, String> env) {
        LoggerContext context = new LoggerContext();
        Logging logging = new Logging(env::get);
        logging.setContext(context);
        assertThat(logging.configure(context)).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        return context;
    }

    @Test
    void linesGoToStandardErrorAtInfoWithTheAccessLogAndTheLibrariesQuiet() {
        LoggerContext context = configured(Map.of());

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        assertThat(root.getAppender("STDERR")).isInstanceOfSatisfying(ConsoleAppender.class,
                a -> assertThat(a.getTarget()).isEqualTo("System.err"));
        assertThat(context.getLogger("broadsheet.access").getEffectiveLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("org.eclipse.jetty.server.Server").getEffectiveLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("com.zaxxer.hikari.pool.HikariPool").getEffectiveLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("broadsheet.App").getEffectiveLevel()).isEqualTo(Level.INFO);

        var appender = (ConsoleAppender<ILoggingEvent>) root.getAppender("STDERR");
        var event = new LoggingEvent("test", context.getLogger("broadsheet.cli.ServeCommand"), Level.INFO, "Started", null, null);
        event.setTimeStamp(Instant.parse("2026-12-07T06:57:38.123Z").toEpochMilli());
        assertThat(new String(appender.getEncoder().encode(event), StandardCharsets.UTF_8))
                .isEqualTo("2026-12-07T06:57:38.123Z INFO  b.cli.ServeCommand - Started" + System.lineSeparator());
    }

    @Test
    void aLineIsWhatLogbacksPatternWritesFailuresIncluded() {
        LoggerContext context = new LoggerContext();
        var pattern = new ch.qos.logback.classic.encoder.PatternLayoutEncoder();
        pattern.setContext(context);
        pattern.setPattern(Logging.Line.PATTERN);
        pattern.start();
        var line = new Logging.Line();
        line.setContext(context);
        line.start();

        var cause = new java.io.IOException("connection refused");
        var failure = new IllegalStateException("Cannot start the embedded PostgreSQL", cause);
        failure.addSuppressed(new IllegalArgumentException("and then this"));
        for (Level level : new Level[] {Level.ERROR, Level.WARN, Level.INFO, Level.DEBUG, Level.TRACE}) {
            for (String name : new String[] {"broadsheet.App", "org.eclipse.jetty.server.handler.ContextHandler", "root", "x"}) {
                for (Throwable thrown : new Throwable[] {null, failure}) {
                    var event = new LoggingEvent("test", context.getLogger(name), level, "Made {} of {}", thrown, new Object[] {3, "ü"});
                    event.setTimeStamp(Instant.parse("2026-12-07T23:59:59.007Z").toEpochMilli());
                    assertThat(line.doLayout(event)).as(level + " " + name + " " + thrown)
                            .isEqualTo(new String(pattern.encode(event), StandardCharsets.UTF_8));
                }
            }
        }
    }

    @Test
    void theOperatorSetsTheLevelAndTheAccessLogAndANameThatIsNoLevelKeepsTheDefault() {
        LoggerContext context = configured(Map.of("BROADSHEET_LOG_LEVEL", "debug", "BROADSHEET_ACCESS_LOG", "INFO"));
        assertThat(context.getLogger("broadsheet.App").getEffectiveLevel()).isEqualTo(Level.DEBUG);
        assertThat(context.getLogger("broadsheet.access").getEffectiveLevel()).isEqualTo(Level.INFO);

        LoggerContext odd = configured(Map.of("BROADSHEET_LOG_LEVEL", "loud"));
        assertThat(odd.getLogger("broadsheet.App").getEffectiveLevel()).isEqualTo(Level.INFO);
    }

    @Test
    void anOperatorsOwnLogbackFileIsLeftToLogback() {
        String before = System.getProperty("logback.configurationFile");
        System.setProperty("logback.configurationFile", "/etc/broadsheet/logback.xml");
        try {
            Logging logging = new Logging(name -> null);
            LoggerContext context = new LoggerContext();
            logging.setContext(context);
            assertThat(logging.configure(context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
            assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR")).isNull();
        } finally {
            if (before == null) System.clearProperty("logback.configurationFile"); else System.setProperty("logback.configurationFile", before);
        }
    }

    @Test
    void theProgramsLoggingIsThisOne() {
        var context = (LoggerContext) LoggerFactory.getILoggerFactory();
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR")).isNotNull();
        assertThat(context.getLogger("org.flywaydb").getLevel()).isEqualTo(Level.WARN);
    }
}
