package broadsheet.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;

/** The SQL statements a request runs, to hold a page to a fixed number of them. */
public final class Statements {
    private Statements() {}

    /** Records the statements run on the server's request threads (virtual), not those of its background jobs. */
    private static final class Recorder implements SqlLogger {
        final List<String> statements = new CopyOnWriteArrayList<>();

        @Override
        public void logBeforeExecution(StatementContext context) {
            if (Thread.currentThread().isVirtual()) statements.add(context.getRenderedSql().strip().lines().findFirst().orElse(""));
        }
    }

    /** The first line of each statement {@code request} ran on the server, which must answer 200. */
    public static List<String> of(Supplier<HttpResponse<String>> request) {
        SqlStatements config = TestDatabase.jdbi().getConfig(SqlStatements.class);
        SqlLogger before = config.getSqlLogger();
        Recorder recorder = new Recorder();
        config.setSqlLogger(recorder);
        try {
            assertThat(request.get().statusCode()).isEqualTo(200);
        } finally {
            config.setSqlLogger(before);
        }
        return List.copyOf(recorder.statements);
    }
}
