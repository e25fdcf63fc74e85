package broadsheet.demo;

import broadsheet.account.Passwords;
import broadsheet.reader.ReaderStore;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;

/**
 * The demo's readers: a registered reader and a subscriber, both with confirmed addresses. Each demo start gives
 * them fresh passwords and prints them, so whoever runs the demo can sign in as either. (The subscriber's
 * subscription is granted by the subscriptions, which know what one is.)
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
            out.printf("  %-24s password %s  (%s)%n", r[0], password, r[2]);
        }
    }
}
