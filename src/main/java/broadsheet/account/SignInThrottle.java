package broadsheet.account;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Slows down password guessing, per account and per address, across every instance (attempts are in the
 * database): after {@link #PER_ACCOUNT} failures for one email or {@link #PER_ADDRESS} from one address
 * within {@link #WINDOW}, further attempts are refused until the oldest failure leaves the window.
 *
 * <p>An attempt is counted before its password is checked ({@link #take}), as a failure until the caller
 * says otherwise, so guesses sent all at once cannot slip past the count while the first are being checked.
 * Does not check passwords or codes: its callers do, between {@link #take} and {@link #succeeded}.
 *
 * <p>Each throttle counts in its own {@link Realm}: the newsroom's sign-ins, readers' sign-ins and the mails
 * readers ask for never add to each other's counts, even for one email or one address.
 *
 * <p>For the operator ({@link #bindTo}): attempts refused by the throttle and attempts that failed, on this instance,
 * tagged with the realm ({@code staff}, {@code reader}, {@code reader-mail}), never with an email or address.
 */
public final class SignInThrottle implements MeterBinder {
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final int PER_ACCOUNT = 5;
    public static final int PER_ADDRESS = 20;
    /** The first keys of this class's {@code pg_advisory_xact_lock(int, int)} locks: one per email, one per address. */
    private static final int ACCOUNT_LOCK = 71_001;
    private static final int ADDRESS_LOCK = 71_002;
    /** Rows older than this are swept: longer than any realm's window. */
    private static final Duration KEPT = Duration.ofHours(2);
    private final Jdbi jdbi;
    private final Realm realm;
    private final LongAdder throttled = new LongAdder();
    private final LongAdder failures = new LongAdder();

    /**
     * What is counted and how much is allowed: a name that keeps its counts apart from other realms' (empty for
     * the newsroom's sign-ins), the window, and the most attempts per email and per address within it.
     */
    public record Realm(String name, Duration window, int perAccount, int perAddress) {
        /** The newsroom's sign-ins. */
        public static final Realm STAFF = new Realm("", WINDOW, PER_ACCOUNT, PER_ADDRESS);

        /** The same limits as the newsroom's, counted apart under another name. */
        public static Realm sameAsStaff(String name) {
            return new Realm(name, WINDOW, PER_ACCOUNT, PER_ADDRESS);
        }

        public Realm {
            if (window.compareTo(KEPT) > 0) throw new IllegalArgumentException("a window longer than " + KEPT);
        }

        String key(String value) {
            return name.isEmpty() ? value : name + ":" + value;
        }
    }

    /** The newsroom's sign-in throttle. */
    public SignInThrottle(Jdbi jdbi) {
        this(jdbi, Realm.STAFF);
    }

    public SignInThrottle(Jdbi jdbi, Realm realm) {
        this.jdbi = jdbi;
        this.realm = realm;
    }

    /** An attempt's turn: granted (and counted as a failure until said otherwise), or refused for {@code retryAfter}. */
    public record Turn(long attempt, Duration retryAfter) {
        static Turn granted(long attempt) {
            return new Turn(attempt, null);
        }

        public boolean refused() {
            return retryAfter != null;
        }
    }

    /**
     * Counts an attempt for this email and address unless either is over its limit. Attempts for one email
     * or one address take their turn one at a time, on every instance: a transaction-scoped advisory lock per
     * email and per address (always in that order, so two attempts never wait for each other in a circle).
     */
    public Turn take(String email, String ip, Instant now) {
        String e = realm.key(email.strip());
        String address = realm.key(ip);
        Instant since = now.minus(realm.window());
        Turn turn = jdbi.inTransaction(h -> {
            h.execute("SELECT pg_advisory_xact_lock(?, hashtext(lower(?)))", ACCOUNT_LOCK, e);
            h.execute("SELECT pg_advisory_xact_lock(?, hashtext(?))", ADDRESS_LOCK, address);
            Optional<Instant> oldest = oldestIfOver(h, "lower(email) = lower(:key)", e, since, realm.perAccount())
                    .or(() -> oldestIfOver(h, "ip = :key", address, since, realm.perAddress()));
            if (oldest.isPresent()) {
                Duration d = Duration.between(now, oldest.get().plus(realm.window()));
                return new Turn(0, d.isNegative() ? Duration.ZERO : d);
            }
            return Turn.granted(h.createUpdate("INSERT INTO sign_in_attempts (email, ip, at, succeeded) VALUES (:e, :ip, :at, false)")
                    .bind("e", e).bind("ip", address).bind("at", now).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        });
        // outside the locked transaction: old rows of any account, which other attempts may be deleting too
        jdbi.useHandle(h -> h.execute("DELETE FROM sign_in_attempts WHERE at < ?", now.minus(KEPT)));
        if (turn.refused()) throttled.increment();
        return turn;
    }

    /** The attempt succeeded: it and the account's failures no longer count. */
    public void succeeded(Turn turn) {
        jdbi.useHandle(h -> h.execute("""
                DELETE FROM sign_in_attempts
                WHERE lower(email) = (SELECT lower(email) FROM sign_in_attempts WHERE id = ?) AND NOT succeeded""", turn.attempt()));
    }

    /** The attempt failed (a wrong password or code): it stays counted against the account and address, as taken. */
    public void failed(Turn turn) {
        failures.increment();
    }

    /** The attempt succeeded, but must not clear the account's earlier failures (a password re-entered while signed in). */
    public void forget(Turn turn) {
        jdbi.useHandle(h -> h.execute("DELETE FROM sign_in_attempts WHERE id = ?", turn.attempt()));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        String name = realm.name().isEmpty() ? "staff" : realm.name();
        FunctionCounter.builder("broadsheet.sign.in.throttled", throttled, LongAdder::sum)
                .description("Attempts refused because too many recent ones failed for the email or the address "
                        + "(realm staff: newsroom sign-ins; reader: reader sign-ins; reader-mail: mails readers ask for)")
                .tag("realm", name).register(registry);
        FunctionCounter.builder("broadsheet.sign.in.failures", failures, LongAdder::sum)
                .description("Sign-in attempts refused for a wrong email, password or code, by realm")
                .tag("realm", name).register(registry);
    }

    private static Optional<Instant> oldestIfOver(Handle h, String where, String key, Instant since, int limit) {
        return h.createQuery("""
                        SELECT min(at) FROM (SELECT at FROM sign_in_attempts WHERE <where> AND NOT succeeded AND at > :since
                                             ORDER BY at DESC LIMIT :limit) recent
                        HAVING count(*) >= :limit""")
                .define("where", where).bind("key", key).bind("since", since).bind("limit", limit)
                .mapTo(OffsetDateTime.class).findOne().map(OffsetDateTime::toInstant);
    }
}
