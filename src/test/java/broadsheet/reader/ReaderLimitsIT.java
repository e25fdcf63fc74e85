package broadsheet.reader;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.Newsroom;
import broadsheet.testing.Readers;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The limits of the readers' forms: body size, lengths, control characters, and how many mails anyone can have
 * the site send, so it cannot be used to flood an inbox. Mails go to the outbox (no SMTP server here).
 */
@ExtendWith(TestDatabase.class)
class ReaderLimitsIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    private static int count(String sql) {
        return TestDatabase.jdbi().withHandle(h -> h.select(sql).mapTo(Integer.class).one());
    }

    private static int signUp(String email, String name, String password) {
        return Newsroom.anonymous(app).submit("/account/signup", "/account/signup", Map.of("email", email, "name", name, "password", password))
                .statusCode();
    }

    @Test
    void aLargeBodyIsRefusedUnread() {
        var r = Newsroom.anonymous(app).submit("/account/signin", "/account/signin", Map.of("email", "a@example.com",
                "password", "x".repeat(30_000)));
        assertThat(r.statusCode()).isEqualTo(413);
    }

    @Test
    void emailsNamesAndPasswordsHaveTheirLengths() {
        String local = "a".repeat(243);
        assertThat(signUp(local + "@example.com", "", "a long enough password")).as("255 characters").isEqualTo(400);
        assertThat(signUp("ann@example.com", "n".repeat(81), "a long enough password")).isEqualTo(400);
        assertThat(signUp("ann@example.com", "", "p".repeat(500) + "q".repeat(501))).isEqualTo(400);
        assertThat(signUp("ann@example.com", "", "short")).isEqualTo(400);
        assertThat(count("SELECT count(*) FROM readers")).isZero();
        assertThat(signUp("a".repeat(242) + "@example.com", "n".repeat(80), "abcde".repeat(200))).as("254, 80 and 1000 are fine").isEqualTo(200);
        assertThat(count("SELECT count(*) FROM readers")).isEqualTo(1);
    }

    @Test
    void controlCharactersAreRefused() {
        assertThat(signUp("ann@example.com", "Ann\u0007", "a long enough password")).isEqualTo(400);
        assertThat(signUp("ann@example.com\r\nBcc: b@example.com", "", "a long enough password")).isEqualTo(400);
        assertThat(signUp("ann@example.com", "Ann\nB", "a long enough password")).isEqualTo(400);
        assertThat(signUp("ann@example.com", "", "a long\u0000enough password")).isEqualTo(400);
        assertThat(count("SELECT count(*) FROM readers")).isZero();
        var link = Newsroom.anonymous(app).submit("/account/signin", "/account/signin/link", Map.of("email", "ann@example.com\u0000"));
        assertThat(link.statusCode()).isEqualTo(200);
    }

    @Test
    void atMostFiveMailsAnHourGoToOneEmail() {
        Readers.reader("quin@example.com", "Quin", true);
        for (int i = 0; i < 7; i++) {
            var r = Newsroom.anonymous(app).submit("/account/forgot", i % 2 == 0 ? "/account/forgot" : "/account/signin/link",
                    Map.of("email", "quin@example.com"));
            assertThat(r.statusCode()).as("the same answer every time").isEqualTo(200);
        }
        assertThat(count("SELECT count(*) FROM reader_tokens")).isEqualTo(5);
        app.clock().advance(java.time.Duration.ofMinutes(61));
        try {
            Newsroom.anonymous(app).submit("/account/forgot", "/account/forgot", Map.of("email", "quin@example.com"));
            assertThat(count("SELECT count(*) FROM reader_tokens")).as("an hour later").isEqualTo(6);
        } finally {
            app.clock().set(TestApp.NOW);
        }
    }

    @Test
    void atMostTwentyMailsAnHourAreAskedForFromOneAddress() {
        Readers.reader("rex@example.com", "Rex", true);
        for (int i = 0; i < 20; i++) {
            Newsroom.anonymous(app).submit("/account/forgot", "/account/forgot", Map.of("email", "someone" + i + "@example.com"));
        }
        Newsroom.anonymous(app).submit("/account/forgot", "/account/forgot", Map.of("email", "rex@example.com"));
        assertThat(count("SELECT count(*) FROM reader_tokens")).isZero();
    }

    @Test
    void withoutAnSmtpServerMailsGoToTheOutbox() throws Exception {
        Readers.reader("sam@example.com", "Sam", true);
        Newsroom.anonymous(app).submit("/account/signin", "/account/signin/link", Map.of("email", "sam@example.com"));
        var outbox = app.dataDir().resolve("outbox");
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!java.nio.file.Files.isDirectory(outbox) || list(outbox).stream().noneMatch(ReaderLimitsIT::toSam)) {
            assertThat(System.nanoTime()).as("a mail in the outbox").isLessThan(deadline);
            Thread.onSpinWait();
        }
        String eml = java.nio.file.Files.readString(list(outbox).stream().filter(ReaderLimitsIT::toSam).findFirst().orElseThrow());
        assertThat(eml).contains("From: no-reply@news.example.test", "Subject: Your sign-in link", TestApp.BASE_URL + "/account/link?token=");
    }

    private static boolean toSam(java.nio.file.Path eml) {
        try {
            return java.nio.file.Files.readString(eml).contains("To: sam@example.com");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static java.util.List<java.nio.file.Path> list(java.nio.file.Path folder) throws java.io.IOException {
        try (var files = java.nio.file.Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".eml")).toList();
        }
    }
}
