package broadsheet.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Properties;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each mail to a folder as an {@code .eml} file (any mail program opens one) and logs its action link,
 * for a site without an SMTP server: a demo, or a developer's machine.
 */
public final class OutboxMailer implements Mailer {
    private static final Logger log = LoggerFactory.getLogger(OutboxMailer.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private final Path folder;
    private final String from;
    private final Session session = Session.getInstance(new Properties());

    public OutboxMailer(Path folder, String from) {
        this.folder = folder;
        this.from = from;
    }

    @Override
    public void send(Mail mail) {
        Path file = folder.resolve(STAMP.format(LocalDateTime.now()) + "-" + UUID.randomUUID().toString().substring(0, 8) + ".eml");
        try {
            Files.createDirectories(folder);
            // written beside, then moved into place whole, so a reader of the folder never sees half a mail
            Path partial = folder.resolve(file.getFileName() + ".part");
            try (OutputStream out = Files.newOutputStream(partial)) {
                Messages.of(session, from, mail).writeTo(out);
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | MessagingException e) {
            throw new MailException("Could not write " + file + ": " + e.getMessage(), e);
        }
        if (mail.link() != null) {
            log.info("No SMTP server configured: \"{}\" to {} is in {}; its link: {}", mail.subject(), mail.to(), file, mail.link());
        } else {
            log.info("No SMTP server configured: \"{}\" to {} is in {}", mail.subject(), mail.to(), file);
        }
    }
}
