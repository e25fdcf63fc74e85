package broadsheet;

import broadsheet.account.Sessions;
import broadsheet.editing.Publishing;
import broadsheet.shared.JobRuns;
import broadsheet.storage.Database;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The newsroom's background work, on every instance: publishing scheduled articles when they are due
 * (every instance tries; the database hands each due article to exactly one), and removing expired
 * sessions, staff's and readers' (and readers' expired mailed links). A failure is logged and the job runs
 * again at its next turn.
 */
public final class NewsroomJobs implements AutoCloseable, MeterBinder {
    private static final Logger log = LoggerFactory.getLogger(NewsroomJobs.class);
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "newsroom-jobs");
        t.setDaemon(true);
        return t;
    });
    private final Publishing publishing;
    private final Sessions sessions;
    private final Consumer<Instant> readerSweep;
    private final Clock clock;
    private final JobRuns publishRuns = new JobRuns("publish-scheduled");
    private final JobRuns sweepRuns = new JobRuns("sweep-sessions");

    /** {@code readerSweep} removes readers' expired sessions and links. */
    public NewsroomJobs(Publishing publishing, Sessions sessions, Consumer<Instant> readerSweep, Clock clock) {
        this.publishing = publishing;
        this.sessions = sessions;
        this.readerSweep = readerSweep;
        this.clock = clock;
    }

    public NewsroomJobs start(int everySeconds) {
        executor.scheduleWithFixedDelay(this::publishDue, 1, everySeconds, TimeUnit.SECONDS);
        executor.scheduleWithFixedDelay(this::sweep, 60, 3600, TimeUnit.SECONDS);
        return this;
    }

    void publishDue() {
        try {
            publishRuns.run(() -> {
                List<Long> published = publishing.publishDue(clock.instant());
                if (!published.isEmpty()) log.info("Published scheduled articles {}", published);
            });
        } catch (RuntimeException e) {
            failed("Scheduled publishing failed; trying again at the next turn", e);
        }
    }

    void sweep() {
        try {
            sweepRuns.run(() -> {
                sessions.sweep(clock.instant());
                readerSweep.accept(clock.instant());
            });
        } catch (RuntimeException e) {
            failed("Removing expired sessions failed", e);
        }
    }

    /** Logs a failed turn: one line while the database cannot be reached, the whole trace for anything else. */
    private static void failed(String what, RuntimeException e) {
        if (Database.unavailable(e)) log.warn("{}: the database cannot be reached ({})", what, e.getMessage());
        else log.warn(what, e);
    }

    /** Each job's turns, successes, failures and times, as {@code broadsheet_job_*} tagged with the job's name. */
    @Override
    public void bindTo(MeterRegistry registry) {
        publishRuns.bindTo(registry);
        sweepRuns.bindTo(registry);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
