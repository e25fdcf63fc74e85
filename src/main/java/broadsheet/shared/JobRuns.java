package broadsheet.shared;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * How one background job's turns went, for the operator's {@code /metrics}: turns that succeeded and failed, the
 * time they took, and when the last one succeeded (a job that stopped succeeding shows as that time standing still).
 * {@code job} is a short fixed name ({@code publish-scheduled}, {@code webhooks-send}), never anything from outside.
 */
public final class JobRuns implements MeterBinder {
    private final String job;
    private final LongAdder succeeded = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder nanos = new LongAdder();
    /** When the last turn succeeded, in milliseconds since 1970; 0 for never. */
    private volatile long lastSuccessMillis;

    public JobRuns(String job) {
        this.job = job;
    }

    /** Runs one turn, counting and timing it; a turn that throws is counted as failed and its exception thrown on. */
    public void run(Runnable turn) {
        long started = System.nanoTime();
        boolean ok = false;
        try {
            turn.run();
            ok = true;
        } finally {
            nanos.add(System.nanoTime() - started);
            if (ok) {
                succeeded.increment();
                lastSuccessMillis = System.currentTimeMillis();
            } else {
                failed.increment();
            }
        }
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("broadsheet.job.runs", succeeded, LongAdder::sum)
                .description("Turns of a background job, by job and outcome").tags("job", job, "outcome", "success").register(registry);
        FunctionCounter.builder("broadsheet.job.runs", failed, LongAdder::sum)
                .description("Turns of a background job, by job and outcome").tags("job", job, "outcome", "failure").register(registry);
        FunctionTimer.builder("broadsheet.job.duration", this, r -> r.succeeded.sum() + r.failed.sum(), r -> r.nanos.sum(), TimeUnit.NANOSECONDS)
                .description("Time the turns of a background job took").tag("job", job).register(registry);
        Gauge.builder("broadsheet.job.last.success.timestamp", this, r -> r.lastSuccessMillis / 1000.0)
                .description("When a turn of the job last succeeded on this instance, in seconds since 1970 (0 for not yet)")
                .baseUnit("seconds").tag("job", job).register(registry);
    }
}
