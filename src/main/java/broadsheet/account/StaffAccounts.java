package broadsheet.account;

import broadsheet.account.AuditLog.Actor;
import broadsheet.contributor.ContributorStore;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * Creating and changing staff accounts: the first admin (command line or setup page), and an admin's
 * changes to roles, passwords and access. Each change is one transaction with its audit entry; changes
 * that alter what someone may do end their sessions. Who may make these changes is decided by the routes.
 */
public final class StaffAccounts {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private final Jdbi jdbi;
    private final Passwords passwords;
    private final Sessions sessions;

    public StaffAccounts(Jdbi jdbi, Passwords passwords, Sessions sessions) {
        this.jdbi = jdbi;
        this.passwords = passwords;
        this.sessions = sessions;
    }

    /** A change that cannot be made, with a message for the person making it. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /**
     * Creates an account, and a byline (contributor) of the same name for it to write under.
     * Returns the new id. The password must already be checked with {@link Passwords#problem}.
     */
    public long create(Actor actor, String email, String name, StaffRole role, String password, Instant now) {
        String e = email == null ? "" : email.strip();
        String n = name == null ? "" : name.strip();
        if (!EMAIL.matcher(e).matches()) throw new Refused("\"" + e + "\" is not an email address.");
        if (n.isEmpty() || n.length() > 120) throw new Refused("A name is needed (at most 120 characters).");
        String problem = Passwords.problem(password, e);
        if (problem != null) throw new Refused(problem);
        String hash = passwords.hash(password);
        return jdbi.inTransaction(h -> {
            if (StaffStore.emailInUse(h, e)) throw new Refused("There is already an account for " + e + ".");
            long contributor = ContributorStore.ensure(h, n);
            long id = StaffStore.create(h, e, n, role, hash, contributor, now);
            AuditLog.record(h, actor, "staff created", e, Map.of("role", role.word()), now);
            return id;
        });
    }

    public void changeRole(Actor actor, long id, StaffRole role, Instant now) {
        if (actor.staffId() != null && actor.staffId() == id) throw new Refused("You cannot change your own role.");
        jdbi.useTransaction(h -> {
            StaffStore.setRole(h, id, role);
            AuditLog.record(h, actor, "role changed", email(h, id), Map.of("role", role.word()), now);
        });
        sessions.endAll(id);
    }

    public void setPassword(Actor actor, long id, String password, Instant now) {
        String problem = Passwords.problem(password, null);
        if (problem != null) throw new Refused(problem);
        String hash = passwords.hash(password);
        jdbi.useTransaction(h -> {
            StaffStore.setPassword(h, id, hash);
            AuditLog.record(h, actor, "password changed", email(h, id), Map.of(), now);
        });
        sessions.endAll(id);
    }

    public void setDisabled(Actor actor, long id, boolean disabled, Instant now) {
        if (actor.staffId() != null && actor.staffId() == id) throw new Refused("You cannot disable your own account.");
        jdbi.useTransaction(h -> {
            StaffStore.setDisabled(h, id, disabled ? now : null);
            AuditLog.record(h, actor, disabled ? "staff disabled" : "staff enabled", email(h, id), Map.of(), now);
        });
        if (disabled) sessions.endAll(id);
    }

    public void setTwoFactor(Actor actor, long id, String secret, Instant now) {
        jdbi.useTransaction(h -> {
            StaffStore.setTotp(h, id, secret);
            AuditLog.record(h, actor, secret == null ? "two-factor turned off" : "two-factor turned on", email(h, id), Map.of(), now);
        });
    }

    private static String email(org.jdbi.v3.core.Handle h, long id) {
        return h.createQuery("SELECT email FROM staff WHERE id = :id").bind("id", id).mapTo(String.class).findOne()
                .orElseThrow(() -> new Refused("There is no such account."));
    }
}
