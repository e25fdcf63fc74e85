package broadsheet.mail;

import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.util.Properties;

/** Sends mail through the configured SMTP server (Angus Mail, the Jakarta Mail implementation). */
public final class SmtpMailer implements Mailer {
    private final SmtpSettings settings;
    private final Session session;

    public SmtpMailer(SmtpSettings settings) {
        this.settings = settings;
        Properties p = new Properties();
        p.put("mail.smtp.host", settings.host());
        p.put("mail.smtp.port", String.valueOf(settings.port()));
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "20000");
        p.put("mail.smtp.writetimeout", "20000");
        switch (settings.security()) {
            case SmtpSettings.STARTTLS -> {
                p.put("mail.smtp.starttls.enable", "true");
                p.put("mail.smtp.starttls.required", "true");
                p.put("mail.smtp.ssl.checkserveridentity", "true");
            }
            case SmtpSettings.SSL -> {
                p.put("mail.smtp.ssl.enable", "true");
                p.put("mail.smtp.ssl.checkserveridentity", "true");
            }
            default -> { }
        }
        boolean auth = settings.username() != null && !settings.username().isBlank();
        p.put("mail.smtp.auth", String.valueOf(auth));
        this.session = Session.getInstance(p, auth ? new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(settings.username(), settings.password());
            }
        } : null);
    }

    @Override
    public void send(Mail mail) {
        try {
            Transport.send(Messages.of(session, settings.from(), mail));
        } catch (MessagingException e) {
            throw new MailException("SMTP server " + settings.host() + ":" + settings.port() + " did not take the mail: " + e.getMessage(), e);
        }
    }
}
