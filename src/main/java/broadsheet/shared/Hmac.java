package broadsheet.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one way the site signs what it hands out and takes back (form tokens, meter cookies, mail links): HMAC-SHA256
 * with a key shared by every instance, over a purpose and the value, so a signature made for one use is no good for
 * another. Signatures are base64url without padding.
 */
public final class Hmac {
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private Hmac() {}

    public static String sign(byte[] key, String purpose, String value) {
        return BASE64.encodeToString(digest(key, (purpose + ":" + value).getBytes(StandardCharsets.UTF_8)));
    }

    /** The bare HMAC-SHA256 of {@code message}, for signatures whose format others define (webhook deliveries). */
    public static byte[] digest(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
