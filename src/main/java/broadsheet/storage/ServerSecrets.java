package broadsheet.storage;

import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;

/**
 * Random keys that every instance must share, kept in the database: each is made by whichever instance
 * first asks for it (the others then read that one) and held in memory from then on. What a key is for
 * belongs to whoever asks for it by name.
 */
public final class ServerSecrets {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Jdbi jdbi;
    private final Map<String, byte[]> known = new ConcurrentHashMap<>();

    public ServerSecrets(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The 32-byte key of this name, made now if no instance has made it yet. */
    public byte[] get(String name) {
        return known.computeIfAbsent(name, this::load).clone();
    }

    private byte[] load(String name) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        return jdbi.withHandle(h -> {
            // two instances asking at once both insert; the first row wins and both read it
            h.execute("INSERT INTO server_secrets (name, secret) VALUES (?, ?) ON CONFLICT (name) DO NOTHING", name, fresh);
            return h.createQuery("SELECT secret FROM server_secrets WHERE name = :name").bind("name", name).mapTo(byte[].class).one();
        });
    }
}
