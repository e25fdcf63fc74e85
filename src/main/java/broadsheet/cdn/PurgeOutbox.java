package broadsheet.cdn;

import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The purge outbox in the database: claiming due keys for one sender, recording how sending them went, saying that
 * purging is on (so the triggers write rows), and removing old rows. All times are the database's, so every instance
 * agrees on what is due whatever its own clock says.
 */
public final class PurgeOutbox {
    /** How many times a key is sent before it is given up. */
    static final int MAX_ATTEMPTS = 5;
    private final Jdbi jdbi;

    public PurgeOutbox(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A key claimed by this sender, with the attempt this is (1 for the first). */
    public record Claimed(long id, String key, int attempt) {}

    /**
     * Takes up to {@code limit} due keys, oldest first, for this sender alone: they are not due again for {@code lease},
     * so another instance takes them only if this one dies before it records the outcome.
     */
    public List<Claimed> claim(int limit, Duration lease) {
        return jdbi.inTransaction(h -> h.createQuery("""
                        UPDATE cdn_purges SET attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => :lease)
                        WHERE id IN (SELECT id FROM cdn_purges WHERE state = 'pending' AND next_attempt_at <= now()
                                     ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING id, surrogate_key, attempts""")
                .bind("lease", (double) lease.toMillis() / 1000).bind("limit", limit)
                .map((rs, ctx) -> new Claimed(rs.getLong("id"), rs.getString("surrogate_key"), rs.getInt("attempts")))
                .list()).stream().sorted(java.util.Comparator.comparingLong(Claimed::id)).toList();
    }

    /**
     * The keys went out to every endpoint. Those sent for the first time are due once more after {@code resend} (with
     * their attempts counted afresh), unless it is zero; those sent for the second time are settled.
     */
    public void sent(List<Claimed> claimed, Duration resend) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE cdn_purges SET
                            state = CASE WHEN resend OR :again = 0 THEN 'sent' ELSE 'pending' END,
                            finished_at = CASE WHEN resend OR :again = 0 THEN now() END,
                            next_attempt_at = CASE WHEN resend OR :again = 0 THEN next_attempt_at
                                                   ELSE now() + make_interval(secs => :again) END,
                            attempts = CASE WHEN resend OR :again = 0 THEN attempts ELSE 0 END,
                            resend = resend OR :again > 0,
                            last_error = NULL
                        WHERE id = ANY (:ids)""")
                .bind("again", (double) resend.toMillis() / 1000).bind("ids", ids(claimed)).execute());
    }

    /**
     * Sending failed: each key is due again after a wait that doubles from {@code firstRetry}, or is given up after
     * {@link #MAX_ATTEMPTS}; returns how many were given up.
     */
    public int failed(List<Claimed> claimed, String error, Duration firstRetry) {
        return jdbi.inTransaction(h -> {
            int givenUp = 0;
            for (Claimed c : claimed) {
                if (c.attempt() >= MAX_ATTEMPTS) {
                    givenUp += h.createUpdate("UPDATE cdn_purges SET state = 'failed', finished_at = now(), last_error = :error WHERE id = :id")
                            .bind("error", error).bind("id", c.id()).execute();
                } else {
                    double wait = firstRetry.toMillis() / 1000.0 * (1L << (c.attempt() - 1));
                    h.createUpdate("""
                                    UPDATE cdn_purges SET next_attempt_at = now() + make_interval(secs => :wait), last_error = :error
                                    WHERE id = :id""")
                            .bind("wait", wait).bind("error", error).bind("id", c.id()).execute();
                }
            }
            return givenUp;
        });
    }

    /** Says that an instance with a CDN configured is running, so changes queue purges for the next ten minutes. */
    public void heartbeat() {
        jdbi.useHandle(h -> h.execute("""
                INSERT INTO cdn_purging (id, heartbeat) VALUES (true, now())
                ON CONFLICT (id) DO UPDATE SET heartbeat = excluded.heartbeat"""));
    }

    /** Whether keys are waiting to be sent, due or not. */
    public boolean waiting() {
        return jdbi.withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM cdn_purges WHERE state = 'pending')").mapTo(Boolean.class).one());
    }

    /** Removes rows settled more than {@code keep} ago, and rows no sender took within a day; returns how many. */
    public int prune(Duration keep) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        DELETE FROM cdn_purges WHERE (state <> 'pending' AND finished_at < now() - make_interval(secs => :keep))
                                                  OR created_at < now() - interval '1 day'""")
                .bind("keep", (double) keep.toSeconds()).execute());
    }

    private static Long[] ids(List<Claimed> claimed) {
        return claimed.stream().map(Claimed::id).toArray(Long[]::new);
    }
}
