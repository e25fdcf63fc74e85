package broadsheet.mail;

/**
 * One mail to one address.
 *
 * @param text the plain-text body, always sent
 * @param html a simple HTML body sent beside the text, or null
 * @param link the address the mail exists to deliver (logged by the outbox), or null
 */
public record Mail(String to, String subject, String text, String html, String link) {
    public Mail {
        if (to == null || to.isBlank() || to.chars().anyMatch(c -> c < ' ')) throw new IllegalArgumentException("no address to send to");
    }

    /** A plain-text mail. */
    public static Mail text(String to, String subject, String text, String link) {
        return new Mail(to, subject, text, null, link);
    }
}
