package broadsheet.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Slows down password guessing, per account and per address, across every instance (attempts are in the
 * database): after {@link #PER_ACCOUNT} failures for one email or {@link #PER_ADDRESS} from one address
 * within {@link #WINDOW}, further attempts are refused until the oldest failure leaves the window.
 */
public final class SignInThrottle {
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final int PER_ACCOUNT = 5;
    public static final int PER_ADDRESS = 20;
    private final Jdbi jdbi;

    public SignInThrottle(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** How long to wait before trying again, or empty when an attempt may be made now. */
    public Optional<Duration> wait(String email, String ip, Instant now) {
        Instant since = now.minus(WINDOW);
        return jdbi.withHandle(h -> {
            Optional<Instant> byAccount = oldestIfOver(h, "lower(email) = lower(:key)", email, since, PER_ACCOUNT);
            Optional<Instant> byAddress = oldestIfOver(h, "ip = :key", ip, since, PER_ADDRESS);
            return byAccount.or(() -> byAddress).map(oldest -> {
                Duration d = Duration.between(now, oldest.plus(WINDOW));
                return d.isNegative() ? Duration.ZERO : d;
            });
        });
    }

    public void record(String email, String ip, boolean succeeded, Instant now) {
        jdbi.useHandle(h -> {
            h.createUpdate("INSERT INTO sign_in_attempts (email, ip, at, succeeded) VALUES (:e, :ip, :at, :ok)")
                    .bind("e", email.strip()).bind("ip", ip).bind("at", now).bind("ok", succeeded).execute();
            if (succeeded) {
                // a good password clears this account's failures
                h.createUpdate("DELETE FROM sign_in_attempts WHERE lower(email) = lower(:e) AND NOT succeeded").bind("e", email.strip()).execute();
            }
            h.createUpdate("DELETE FROM sign_in_attempts WHERE at < :old").bind("old", now.minus(WINDOW.multipliedBy(4))).execute();
        });
    }

    private static Optional<Instant> oldestIfOver(org.jdbi.v3.core.Handle h, String where, String key, Instant since, int limit) {
        return h.createQuery("""
                        SELECT min(at) FROM (SELECT at FROM sign_in_attempts WHERE <where> AND NOT succeeded AND at > :since
                                             ORDER BY at DESC LIMIT :limit) recent
                        HAVING count(*) >= :limit""")
                .define("where", where).bind("key", key).bind("since", since).bind("limit", limit)
                .mapTo(java.time.OffsetDateTime.class).findOne().map(java.time.OffsetDateTime::toInstant);
    }
}
