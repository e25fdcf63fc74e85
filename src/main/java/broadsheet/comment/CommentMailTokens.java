package broadsheet.comment;

import broadsheet.shared.Hmac;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The token in the one link of a comment mail that turns such mails off: the reader's id, a hyphen and a signature of it
 * with a key every instance shares, so it proves itself without a table and works for as long as the key lives.
 * Turning mail off is all it can do, so it need not expire.
 */
public final class CommentMailTokens {
    private static final int LONGEST = 80;
    private final Supplier<byte[]> key;

    /** {@code key}: the signing key, the same on every instance. */
    public CommentMailTokens(Supplier<byte[]> key) {
        this.key = key;
    }

    public String issue(long readerId) {
        return readerId + "-" + sign(readerId);
    }

    /** The reader a token was issued for, or empty when it is malformed or not signed with this key. */
    public OptionalLong reader(String token) {
        if (token == null || token.length() > LONGEST) return OptionalLong.empty();
        int dash = token.indexOf('-');
        if (dash < 1) return OptionalLong.empty();
        long id;
        try {
            id = Long.parseLong(token.substring(0, dash));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
        if (id <= 0) return OptionalLong.empty();
        boolean genuine = MessageDigest.isEqual(sign(id).getBytes(StandardCharsets.US_ASCII),
                token.substring(dash + 1).getBytes(StandardCharsets.US_ASCII));
        return genuine ? OptionalLong.of(id) : OptionalLong.empty();
    }

    private String sign(long readerId) {
        return Hmac.sign(key.get(), "comment-mail-off", String.valueOf(readerId));
    }
}
