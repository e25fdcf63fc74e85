package broadsheet.subscription;

import broadsheet.shared.Hmac;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The meter of a visitor who is not signed in, kept in their browser rather than the database: the month and the
 * ids of the premium articles read whole in it, signed with a key every instance shares, so a visitor cannot
 * forge a fresh meter but can only lose theirs (and clearing cookies is always possible). A cookie of another
 * month, or one this server did not sign, reads as an empty meter.
 */
public final class MeterCookie {
    /** The cookie's name. */
    public static final String NAME = "bs_meter";
    /** At most this many article ids are kept (more than any meter allows). */
    static final int MAX_IDS = 64;
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();
    private final Supplier<byte[]> key;

    /** {@code key}: the signing key, the same on every instance. */
    public MeterCookie(Supplier<byte[]> key) {
        this.key = key;
    }

    /** The cookie's value for a month and the articles read in it. */
    public String write(YearMonth month, Set<Long> articles) {
        StringBuilder s = new StringBuilder(month.toString()).append(':');
        articles.stream().limit(MAX_IDS).forEach(id -> s.append(id).append(','));
        String payload = ENCODE.encodeToString(s.toString().getBytes(StandardCharsets.US_ASCII));
        return payload + "." + sign(payload);
    }

    /** The articles read in {@code month}, as a cookie this server signed says; empty for anything else. */
    public Set<Long> read(String cookie, YearMonth month) {
        if (cookie == null || cookie.length() > 2048) return Set.of();
        int dot = cookie.indexOf('.');
        if (dot <= 0) return Set.of();
        String payload = cookie.substring(0, dot);
        byte[] given = cookie.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII), given)) return Set.of();
        try {
            String text = new String(DECODE.decode(payload), StandardCharsets.US_ASCII);
            int colon = text.indexOf(':');
            if (colon < 0 || !YearMonth.parse(text.substring(0, colon)).equals(month)) return Set.of();
            Set<Long> ids = new LinkedHashSet<>();
            for (String id : text.substring(colon + 1).split(",")) {
                if (id.matches("[0-9]{1,18}")) ids.add(Long.parseLong(id));
            }
            return ids;
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Set.of();
        }
    }

    private String sign(String payload) {
        return Hmac.sign(key.get(), "meter", payload);
    }
}
