package broadsheet.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;

/** Builds the MIME message of a {@link Mail}: plain text, or text and HTML as alternatives. */
final class Messages {
    private Messages() {}

    static MimeMessage of(Session session, String from, Mail mail) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(from, true));
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.to(), true));
        m.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        m.setSentDate(new Date());
        if (mail.html() == null) {
            m.setText(mail.text(), StandardCharsets.UTF_8.name());
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), StandardCharsets.UTF_8.name());
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
            m.setContent(new MimeMultipart("alternative", text, html));
        }
        m.saveChanges();
        return m;
    }
}
