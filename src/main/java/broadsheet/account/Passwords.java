package broadsheet.account;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Password hashing with Argon2id (Bouncy Castle's implementation), stored in the PHC string form
 * {@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash} so the cost can rise later without breaking old hashes.
 * The default cost follows OWASP's recommendation (19 MiB, 2 passes). Also makes passwords for people.
 */
public final class Passwords {
    public static final int MIN_LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();
    private static final String WORDS = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private final int memoryKb;
    private final int iterations;

    public Passwords() {
        this(19_456, 2);
    }

    /** Cheaper hashing, for tests only. */
    public Passwords(int memoryKb, int iterations) {
        this.memoryKb = memoryKb;
        this.iterations = iterations;
    }

    public String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] out = derive(password, salt, memoryKb, iterations, 1, 32);
        return "$argon2id$v=19$m=" + memoryKb + ",t=" + iterations + ",p=1$" + B64.encodeToString(salt) + "$" + B64.encodeToString(out);
    }

    /**
     * A hash in the stored form, with this instance's cost, that no password matches (its salt and its "hash" are
     * random bytes, not derived from anything). Checking a password against it takes as long as against a real hash,
     * so a sign-in for an address that has no account takes as long as one that has; making it costs nothing, where
     * hashing a random password would cost a whole Argon2 run at every start.
     */
    public String unmatchable() {
        byte[] salt = new byte[16];
        byte[] out = new byte[32];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(out);
        return "$argon2id$v=19$m=" + memoryKb + ",t=" + iterations + ",p=1$" + B64.encodeToString(salt) + "$" + B64.encodeToString(out);
    }

    /** True when the password matches the stored hash; false for a malformed hash. Compares in constant time. */
    public boolean verify(String password, String stored) {
        try {
            String[] parts = stored.split("\\$");
            if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) return false;
            int m = 0;
            int t = 0;
            int p = 0;
            for (String kv : parts[3].split(",")) {
                int v = Integer.parseInt(kv.substring(2));
                switch (kv.charAt(0)) {
                    case 'm' -> m = v;
                    case 't' -> t = v;
                    case 'p' -> p = v;
                    default -> { return false; }
                }
            }
            byte[] salt = B64D.decode(parts[4]);
            byte[] expected = B64D.decode(parts[5]);
            return MessageDigest.isEqual(expected, derive(password, salt, m, t, p, expected.length));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A random password of 20 letters and digits (about 117 bits), with no look-alike characters. */
    public static String generate() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) sb.append('-');
            sb.append(WORDS.charAt(RANDOM.nextInt(WORDS.length())));
        }
        return sb.toString();
    }

    /** Why a new password is not acceptable, or null when it is. */
    public static String problem(String password, String email) {
        if (password == null || password.length() < MIN_LENGTH) return "A password needs at least " + MIN_LENGTH + " characters.";
        if (password.length() > 1000) return "That password is too long.";
        if (email != null && password.equalsIgnoreCase(email)) return "A password cannot be the email address.";
        if (password.chars().distinct().count() < 5) return "That password is too easy to guess.";
        return null;
    }

    private static byte[] derive(String password, byte[] salt, int memoryKb, int iterations, int parallelism, int length) {
        var params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKb).withIterations(iterations).withParallelism(parallelism)
                .withSalt(salt).build();
        var generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[length];
        generator.generateBytes(password.toCharArray(), out);
        return out;
    }
}
