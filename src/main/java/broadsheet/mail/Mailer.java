package broadsheet.mail;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends mails. Implementations: {@link SmtpMailer} and {@link OutboxMailer}. */
public interface Mailer {
    /** Sends (or writes) the mail now; fails with a {@link MailException} when it cannot. */
    void send(Mail mail);

    /** A mail that could not be sent. */
    final class MailException extends RuntimeException {
        public MailException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The configured server, or the outbox in {@code dataDir} when there is none. */
    static Mailer of(SmtpSettings smtp, Path dataDir) {
        return smtp.configured() ? new SmtpMailer(smtp) : new OutboxMailer(dataDir.resolve("outbox"), smtp.from());
    }

    /**
     * Sends each mail on its own virtual thread, so a request answers in the same time whether or not it sent
     * one (and so whether or not an address has an account), and a slow server does not hold it up. A mail that
     * fails is logged, not retried.
     */
    static Mailer inBackground(Mailer mailer) {
        Logger log = LoggerFactory.getLogger(Mailer.class);
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        return mail -> threads.execute(() -> {
            try {
                mailer.send(mail);
            } catch (RuntimeException e) {
                log.warn("Could not send \"{}\": {}", mail.subject(), e.getMessage());
            }
        });
    }
}
