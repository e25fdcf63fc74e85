package broadsheet.feed;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Gzips a written feed, and names its version for an {@code ETag}, without compressing or hashing the whole of it on
 * every request. Each piece of the feed (its head, each entry, its tail) is compressed on its own into a run of deflate
 * blocks that ends on a byte boundary (a sync flush), and a gzip stream is those runs one after another, closed by an
 * empty final block, with the CRC-32 and length of the whole (combined from the pieces'). An article's entry is
 * compressed once per version of the article and kept with its text ({@link FeedEntries}); the feed's head and tail
 * are kept here, keyed by their exact text.
 *
 * <p>The version is a SHA-256 of the pieces' own SHA-256 digests, in order: it changes whenever any byte of the feed
 * does. Compressing pieces apart makes the gzip a few per cent larger than one stream would be.
 */
final class FeedGzip {
    /** The gzip header: magic, deflate, no flags, no time, no extra flags, an unknown system. */
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    /** An empty final block with fixed codes: the end of the deflate stream. */
    private static final byte[] LAST_BLOCK = {3, 0};
    private final Cache<String, Piece> pieces;

    /** {@code maxChars}: how many characters of feed text the kept pieces may add up to (their keys). */
    FeedGzip(long maxChars) {
        this.pieces = Caffeine.newBuilder().maximumWeight(maxChars).weigher((String text, Piece p) -> text.length() + p.deflated().length)
                .build();
    }

    /**
     * One piece of a feed: its deflate blocks, and its CRC-32, length in bytes and SHA-256 as UTF-8; {@code shift} is
     * what a CRC before it is multiplied by to combine the two (x to the power of its length in bits), worked out once.
     */
    record Piece(byte[] deflated, int crc, long length, byte[] digest, int shift) {}

    /** A feed gzipped, and its version (27 characters of base64url, as the pages' {@code ETag}s are). */
    record Compressed(byte[] gzip, String version, long length) {}

    /** A written feed compressed, each of its parts kept compressed by its text. */
    Compressed compress(FeedWriter.Written written) {
        List<Piece> parts = new ArrayList<>(written.parts().size());
        for (String part : written.parts()) parts.add(piece(part));
        return compress(parts);
    }

    /** A piece of feed text compressed, or as kept from an earlier request. */
    Piece piece(String text) {
        return pieces.get(text, t -> piece(t.getBytes(StandardCharsets.UTF_8)));
    }

    /** Pieces compressed apart, one after another, as one gzip stream. */
    static Compressed compress(List<Piece> parts) {
        MessageDigest version = sha256();
        int size = HEADER.length + LAST_BLOCK.length + 8;
        for (Piece p : parts) size += p.deflated().length;
        var out = new ByteArrayOutputStream(size);
        out.writeBytes(HEADER);
        int crc = 0;
        long length = 0;
        for (Piece p : parts) {
            out.writeBytes(p.deflated());
            crc = p.length() == 0 ? crc : multiply(p.shift(), crc) ^ p.crc();
            length += p.length();
            version.update(p.digest());
        }
        out.writeBytes(LAST_BLOCK);
        writeIntLe(out, crc);
        writeIntLe(out, (int) length);
        String v = Base64.getUrlEncoder().withoutPadding().encodeToString(version.digest()).substring(0, 27);
        return new Compressed(out.toByteArray(), v, length);
    }

    /** A piece compressed with the fastest level (its deflate blocks end with a sync flush, on a byte boundary). */
    static Piece piece(byte[] bytes) {
        var deflater = new Deflater(Deflater.BEST_SPEED, true);
        try {
            deflater.setInput(bytes);
            var out = new ByteArrayOutputStream(bytes.length / 2 + 64);
            byte[] buffer = new byte[8192];
            int n;
            do {
                n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
                out.write(buffer, 0, n);
            } while (n == buffer.length);
            var crc = new CRC32();
            crc.update(bytes);
            return new Piece(out.toByteArray(), (int) crc.getValue(), bytes.length, sha256().digest(bytes), powerOfX(bytes.length, 3));
        } finally {
            deflater.end();
        }
    }

    /**
     * The CRC-32 of two byte strings one after the other, from the CRC-32 of each and the length of the second: the
     * first CRC times x to the power of the second's length in bits (modulo the CRC polynomial), plus the second.
     */
    static int combine(int crc1, int crc2, long length2) {
        if (length2 <= 0) return crc1;
        return multiply(powerOfX(length2, 3), crc1) ^ crc2;
    }

    /** The CRC polynomial, bit-reversed as CRC-32 reads it (x^0 is the top bit). */
    private static final int POLYNOMIAL = 0xedb88320;
    /** x to the power of 2^k, modulo the polynomial, for k = 0 to 31. */
    private static final int[] X_TO_TWO_TO_THE = new int[32];

    static {
        int p = 1 << 30; // x
        for (int k = 0; k < 32; k++) {
            X_TO_TWO_TO_THE[k] = p;
            p = multiply(p, p);
        }
    }

    /** {@code a} times {@code b} modulo the polynomial ({@code a} not zero). */
    private static int multiply(int a, int b) {
        int m = 1 << 31;
        int product = 0;
        while (true) {
            if ((a & m) != 0) {
                product ^= b;
                if ((a & (m - 1)) == 0) return product;
            }
            m >>>= 1;
            b = (b & 1) != 0 ? (b >>> 1) ^ POLYNOMIAL : b >>> 1;
        }
    }

    /** x to the power of n times 2^k, modulo the polynomial (k = 3: n bytes of zeros). */
    private static int powerOfX(long n, int k) {
        int p = 1 << 31; // 1
        for (; n != 0; n >>>= 1, k++) {
            if ((n & 1) != 0) p = multiply(X_TO_TWO_TO_THE[k & 31], p);
        }
        return p;
    }

    private static void writeIntLe(ByteArrayOutputStream out, int value) {
        out.write(value);
        out.write(value >>> 8);
        out.write(value >>> 16);
        out.write(value >>> 24);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
