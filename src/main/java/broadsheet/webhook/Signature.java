package broadsheet.webhook;

import broadsheet.shared.Hmac;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The {@code Broadsheet-Signature} header: {@code t=<unix seconds>,v1=<hex>}, where hex is the HMAC-SHA256, keyed
 * with the endpoint's secret (its UTF-8 bytes, exactly as shown in the newsroom), of the seconds, a full stop and the
 * request body. The time inside the signed text lets a receiver refuse an old request played again.
 */
public final class Signature {
    public static final String HEADER = "Broadsheet-Signature";

    private Signature() {}

    public static String header(String secret, long unixSeconds, byte[] body) {
        return "t=" + unixSeconds + ",v1=" + hex(secret, unixSeconds, body);
    }

    static String hex(String secret, long unixSeconds, byte[] body) {
        byte[] prefix = (unixSeconds + ".").getBytes(StandardCharsets.US_ASCII);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return HexFormat.of().formatHex(Hmac.digest(secret.getBytes(StandardCharsets.UTF_8), signed));
    }
}
