package broadsheet.account;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The one-time token that opens the setup page while no admin exists. It is made at the first start
 * without an admin, printed by the server, shared by every instance through the database, and deleted
 * when the first admin is created. With an admin, there is no token and no setup page.
 */
public final class SetupToken {
    private final Jdbi jdbi;
    private final StaffStore staff;

    public SetupToken(Jdbi jdbi, StaffStore staff) {
        this.jdbi = jdbi;
        this.staff = staff;
    }

    /** The token, made if needed, or empty when an admin exists. */
    public Optional<String> current(Instant now) {
        if (staff.anyAdmin()) return Optional.empty();
        return Optional.of(jdbi.inTransaction(h -> {
            h.createUpdate("INSERT INTO setup_tokens (token, created_at) SELECT :t, :now WHERE NOT EXISTS (SELECT 1 FROM setup_tokens)")
                    .bind("t", Sessions.randomToken()).bind("now", now).execute();
            return h.createQuery("SELECT token FROM setup_tokens LIMIT 1").mapTo(String.class).one();
        }));
    }

    public boolean matches(String given) {
        if (given == null || staff.anyAdmin()) return false;
        return jdbi.withHandle(h -> h.createQuery("SELECT token FROM setup_tokens").mapTo(String.class).list())
                .stream().anyMatch(t -> MessageDigest.isEqual(t.getBytes(), given.getBytes()));
    }

    public void spend() {
        jdbi.useHandle(h -> h.execute("DELETE FROM setup_tokens"));
    }
}
