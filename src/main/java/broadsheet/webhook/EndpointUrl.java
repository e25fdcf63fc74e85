package broadsheet.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which addresses may receive events: {@code https://} anywhere; plain {@code http://} only to this machine
 * (localhost, 127.0.0.0/8, [::1]), for development, since events sent in the clear could be read and forged on the
 * way; never a user name or password in the address (the signature says who is sending), and no other kind of address.
 * Pure: it looks no name up.
 */
public final class EndpointUrl {
    public static final int MAX_LENGTH = 2000;

    private EndpointUrl() {}

    /** What is wrong with the address, in words for the form; empty when it may be used. */
    public static Optional<String> problem(String raw) {
        String url = raw == null ? "" : raw.strip();
        if (url.isEmpty()) return Optional.of("Enter the address that receives the events, such as https://example.com/hooks/news.");
        if (url.length() > MAX_LENGTH) return Optional.of("Use an address of at most " + MAX_LENGTH + " characters.");
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("That is not a web address; write it as https://example.com/hooks/news.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of("Use an https:// address; " + (scheme.isEmpty() ? "an address without one" : scheme + ": addresses")
                    + " cannot receive events.");
        }
        if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            return Optional.of("Leave the user name and password out of the address: the signature tells the receiver the events are ours.");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("That address has no server name; write it as https://example.com/hooks/news.");
        }
        if (uri.getRawFragment() != null) return Optional.of("Leave out the part after #: it is never sent to the server.");
        if (scheme.equals("http") && !loopback(uri.getHost())) {
            return Optional.of("Plain http:// is allowed only to this machine (localhost, 127.0.0.1, [::1]), for development; use https://.");
        }
        return Optional.empty();
    }

    /** Whether the host is this machine by name or address literal (no name is looked up). */
    static boolean loopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost")) return true;
        boolean v4 = h.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
        boolean v6 = h.startsWith("[") && h.endsWith("]") && h.substring(1, h.length() - 1).matches("[0-9a-f:.]+");
        if (!v4 && !v6) return false;
        try {
            // a literal address: getByName parses it without asking any name server
            return InetAddress.getByName(v6 ? h.substring(1, h.length() - 1) : h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
