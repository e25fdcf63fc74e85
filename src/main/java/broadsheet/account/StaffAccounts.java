package broadsheet.account;

import broadsheet.shared.AuditLog.Actor;
import broadsheet.shared.AuditLog;
import broadsheet.shared.StaffRole;
import broadsheet.text.Texts;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
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
        private final String field;

        public Refused(String message) {
            this(null, message);
        }

        /** A refusal about one form field ("email", "name", "password"...), so a page can show it there. */
        public Refused(String field, String message) {
            super(message);
            this.field = field;
        }

        /** The field the refusal is about, or null when it is about the whole change. */
        public String field() {
            return field;
        }
    }

    /**
     * Creates an account; returns the new id. The account is not a byline: it is linked to a contributor
     * when an editor says so, or when its first article carries its own name. A null {@code name} (none
     * given on the command line) makes the part of the email before @ stand in for one in the newsroom; that
     * is never put on a byline. The password must already be checked with {@link Passwords#problem}.
     */
    public long create(Actor actor, String email, String name, StaffRole role, String password, Instant now) {
        String e = email == null ? "" : email.strip();
        if (!EMAIL.matcher(e).matches()) throw new Refused("email", "\"" + e + "\" is not an email address.");
        boolean fromEmail = name == null;
        String n = fromEmail ? e.substring(0, e.indexOf('@')) : name.strip();
        if (n.isEmpty() || n.length() > 120) throw new Refused("name", "A name is needed (at most 120 characters).");
        if (Texts.hasControl(n)) throw new Refused("name", "A name is one line of text.");
        String problem = Passwords.problem(password, e);
        if (problem != null) throw new Refused("password", problem);
        String hash = passwords.hash(password);
        return jdbi.inTransaction(h -> {
            if (StaffStore.emailInUse(h, e)) throw new Refused("email", "There is already an account for " + e + ".");
            long id = StaffStore.create(h, e, n, fromEmail, role, hash, now);
            AuditLog.record(h, actor, "staff created", e, Map.of("role", role.word()), now);
            return id;
        });
    }

    public void changeRole(Actor actor, long id, StaffRole role, Instant now) {
        if (actor.staffId() != null && actor.staffId() == id) throw new Refused("role", "You cannot change your own role.");
        jdbi.useTransaction(h -> {
            String email = email(h, id);
            String before = h.createQuery("SELECT role FROM staff WHERE id = :id").bind("id", id).mapTo(String.class).one();
            StaffStore.setRole(h, id, role);
            AuditLog.record(h, actor, "role changed", email, Map.of("from", before, "role", role.word()), now);
        });
        sessions.endAll(id);
    }

    public void setPassword(Actor actor, long id, String password, Instant now) {
        String problem = Passwords.problem(password, null);
        if (problem != null) throw new Refused("password", problem);
        String hash = passwords.hash(password);
        jdbi.useTransaction(h -> {
            StaffStore.setPassword(h, id, hash);
            AuditLog.record(h, actor, "password changed", email(h, id), Map.of(), now);
        });
        sessions.endAll(id);
    }

    public void setDisabled(Actor actor, long id, boolean disabled, Instant now) {
        if (actor.staffId() != null && actor.staffId() == id) throw new Refused("access", "You cannot disable your own account.");
        jdbi.useTransaction(h -> {
            StaffStore.setDisabled(h, id, disabled ? now : null);
            AuditLog.record(h, actor, disabled ? "staff disabled" : "staff enabled", email(h, id), Map.of(), now);
        });
        if (disabled) sessions.endAll(id);
    }

    public void setTwoFactor(Actor actor, long id, String secret, Instant now) {
        setTwoFactor(actor, id, secret, null, now);
    }

    /** As above; {@code usedStep} is the time step of the code that confirmed the secret, which then cannot sign in. */
    public void setTwoFactor(Actor actor, long id, String secret, Long usedStep, Instant now) {
        jdbi.useTransaction(h -> {
            StaffStore.setTotp(h, id, secret, usedStep);
            AuditLog.record(h, actor, secret == null ? "two-factor turned off" : "two-factor turned on", email(h, id), Map.of(), now);
        });
    }

    private static String email(Handle h, long id) {
        return h.createQuery("SELECT email FROM staff WHERE id = :id").bind("id", id).mapTo(String.class).findOne()
                .orElseThrow(() -> new Refused("There is no such account."));
    }
}
