package broadsheet.media;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names stored files by their content: the same bytes always get the same name, so a picture
 * imported twice is stored once and a stored file can be cached forever. Where the files are kept
 * is for the storage code to decide.
 */
public final class ContentHash {

    private ContentHash() {
    }

    /** The SHA-256 of {@code bytes} as 64 lower-case hexadecimal digits. */
    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
