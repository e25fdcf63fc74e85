package broadsheet.demo;

import broadsheet.account.Passwords;
import broadsheet.reader.ReaderStore;
import broadsheet.shared.AuditLog;
import broadsheet.subscription.Entitlements;
import broadsheet.subscription.Grants;
import broadsheet.subscription.Plan;
import broadsheet.subscription.Plans;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The demo's readers: a registered reader and a subscriber, both with confirmed addresses. Each demo start gives
 * them fresh passwords and prints them, so whoever runs the demo can sign in as either; the subscriber holds a
 * year's subscription to the paper's last plan on sale, granted as an admin would grant it.
 */
public final class DemoReaders {
    public static final String READER = "reader@demo.example";
    public static final String SUBSCRIBER = "subscriber@demo.example";
    private static final List<String[]> ALL = List.of(new String[] {READER, "Rowan Reader", "registered reader"},
            new String[] {SUBSCRIBER, "Sasha Subscriber", "subscriber"});
    private final ReaderStore readers;
    private final Passwords passwords;

    public DemoReaders(ReaderStore readers, Passwords passwords) {
        this.readers = readers;
        this.passwords = passwords;
    }

    /** Makes the readers if they are missing, gives each a new password, and prints how to sign in as them. */
    public void ensure(String signInAddress, Instant now, PrintStream out) {
        out.println("Demo readers (sign in at " + signInAddress + "):");
        for (String[] r : ALL) {
            String password = Passwords.generate();
            String hash = passwords.hash(password);
            long id = readers.byEmail(r[0]).map(existing -> existing.id())
                    .orElseGet(() -> readers.create(r[0], r[1], hash, now, now).orElseThrow());
            readers.setPassword(id, hash);
            readers.verified(id, now);
            printAccount(out, r[0], password, r[2]);
        }
    }

    /** Prints one demo account as the demo lists them (and bench scripts read them): its email, password, and what it is. */
    static void printAccount(PrintStream out, String email, String password, String what) {
        out.printf("  %-24s password %s  (%s)%n", email, password, what);
    }

    /** Gives the demo's subscriber a year's subscription to the last plan on sale, unless they are entitled already. */
    public static void subscribe(Jdbi jdbi, ZoneId zone, Instant now) {
        long subscriber = new ReaderStore(jdbi).byEmail(SUBSCRIBER).orElseThrow().id();
        if (new Entitlements(jdbi, zone).entitled(subscriber, now)) return;
        List<Plan> plans = new Plans(jdbi).active();
        if (plans.isEmpty()) return;
        new Grants(jdbi, zone).grantSubscription(new AuditLog.Actor(null, "The demo", "127.0.0.1"), subscriber,
                String.valueOf(plans.get(plans.size() - 1).id()), LocalDate.ofInstant(now, zone).plusYears(1).toString(), now);
    }
}
