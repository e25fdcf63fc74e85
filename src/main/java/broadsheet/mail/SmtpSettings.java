package broadsheet.mail;

/**
 * Where mail goes: an SMTP server, or none (the outbox).
 *
 * @param security how the connection is protected: {@code starttls} (upgrade a plain connection, usually port 587),
 *                 {@code ssl} (TLS from the start, usually port 465) or {@code none} (a server on this machine or in tests)
 */
public record SmtpSettings(String host, int port, String username, String password, String from, String security) {
    public static final String STARTTLS = "starttls";
    public static final String SSL = "ssl";
    public static final String NONE = "none";

    /** Whether a server is configured at all. */
    public boolean configured() {
        return host != null && !host.isBlank();
    }
}
