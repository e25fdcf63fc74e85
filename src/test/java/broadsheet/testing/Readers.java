package broadsheet.testing;

import broadsheet.account.Passwords;
import broadsheet.reader.ReaderStore;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Readers for tests: an SMTP server in the test (GreenMail) that the app sends its mails to, accounts made directly
 * in the test database (cheap password hashing), and sign-ins through the real pages.
 */
public final class Readers {
    /** Every test reader's password. */
    public static final String PASSWORD = "a long reader password";
    private static final Passwords CHEAP = new Passwords(1024, 1);
    private static final Pattern LINK = Pattern.compile(Pattern.quote(TestApp.BASE_URL) + "(/account/[^\\s]+)");

    private Readers() {}

    /**
     * A free port of this machine, for a server a test starts later (an SMTP server, a Varnish). It is taken from below
     * the range the system gives outgoing connections (32768 and up by default): a port from that range may be taken by
     * a connection between this check and the server's start.
     */
    public static int freePort() {
        int below = 32768;
        try {
            below = Integer.parseInt(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                    .strip().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            // not Linux: the default start of the range
        }
        if (below <= 12_000) below = 32768;
        var random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 200; i++) {
            int port = random.nextInt(10_000, below);
            try (ServerSocket s = new ServerSocket(port)) {
                return s.getLocalPort();
            } catch (IOException taken) {
                // in use: another
            }
        }
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GreenMail SMTP server on this port, started for each test. */
    public static GreenMailExtension mailServer(int port) {
        return new GreenMailExtension(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    /** A test server that sends its mail to the SMTP server on this port. */
    public static TestApp appSendingTo(int port) {
        return new TestApp().with("smtp.host", "127.0.0.1").with("smtp.port", String.valueOf(port))
                .with("smtp.security", "none").with("smtp.from", "The Test Courier <news@news.example.test>");
    }

    /** Creates a reader with {@link #PASSWORD}, confirmed unless {@code confirmed} is false; returns the id. */
    public static long reader(String email, String name, boolean confirmed) {
        return new ReaderStore(TestDatabase.jdbi()).create(email, name, CHEAP.hash(PASSWORD), confirmed ? TestApp.NOW : null, TestApp.NOW)
                .orElseThrow();
    }

    /** Signs in through the sign-in page; fails unless the answer is the redirect to {@code next}. */
    public static Newsroom.Client signIn(TestApp app, String email, String password) {
        Newsroom.Client c = Newsroom.anonymous(app);
        HttpResponse<String> r = c.submit("/account/signin", "/account/signin", Map.of("email", email, "password", password));
        if (r.statusCode() != 303) throw new AssertionError("sign-in failed: " + r.statusCode() + "\n" + r.body());
        return c;
    }

    /** Creates a confirmed reader and signs them in. */
    public static Newsroom.Client signedIn(TestApp app, String email, String name) {
        reader(email, name, true);
        return signIn(app, email, PASSWORD);
    }

    /** Waits until {@code count} mails to this address have arrived (polling the server's inbox), and returns them. */
    public static List<MimeMessage> await(GreenMailExtension mail, String address, int count) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (to(mail, address).size() < count) {
            if (System.nanoTime() > deadline) throw new AssertionError("expected " + count + " mails to " + address + ", got " + to(mail, address).size());
            mail.waitForIncomingEmail(200, mail.getReceivedMessages().length + 1);
        }
        return to(mail, address);
    }

    /** The one mail that arrives for this address. */
    public static MimeMessage awaitOne(GreenMailExtension mail, String address) {
        return await(mail, address, 1).get(0);
    }

    /** The mails received so far to this address. */
    public static List<MimeMessage> to(GreenMailExtension mail, String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> recipient(m).equalsIgnoreCase(address)).toList();
    }

    public static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(MimeMessage m) {
        return GreenMailUtil.getBody(m).replace("=\r\n", "").replace("=3D", "=");
    }

    /** The site path of the {@code /account/...} link in a mail. */
    public static String link(MimeMessage m) {
        Matcher found = LINK.matcher(text(m));
        if (!found.find()) throw new AssertionError("no link in the mail:\n" + text(m));
        return found.group(1);
    }

    /** The token query parameter of a link path. */
    public static String token(String link) {
        Matcher m = Pattern.compile("token=([A-Za-z0-9_-]+)").matcher(link);
        if (!m.find()) throw new AssertionError("no token in " + link);
        return m.group(1);
    }

    public static Instant now() {
        return TestApp.NOW;
    }
}
