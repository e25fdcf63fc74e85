package broadsheet.account;

import broadsheet.shared.AuditLog.Actor;
import broadsheet.account.StaffAccounts.Refused;
import broadsheet.shared.AuditLog;
import broadsheet.shared.Staff;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.Jdbi;

/**
 * What a person does to their own account: change their password (knowing the current one), and turn
 * two-factor sign-in on (a secret kept server-side until a code from the app confirms it) or off (with
 * the password and a code). Wrong passwords and codes here count as failed sign-ins, so a borrowed
 * session cannot be used to guess the password. Starting a fresh session after a password change is the
 * page's job; what an admin does to other people's accounts is {@link StaffAccounts}'.
 */
public final class OwnAccount {
    /** How long a started enrolment waits for its confirming code. */
    public static final Duration ENROLMENT = Duration.ofHours(1);
    private final Jdbi jdbi;
    private final StaffStore staff;
    private final StaffAccounts accounts;
    private final Passwords passwords;
    private final SignInThrottle throttle;
    private final TwoFactor twoFactor = new TwoFactor();

    public OwnAccount(Jdbi jdbi, StaffStore staff, StaffAccounts accounts, Passwords passwords, SignInThrottle throttle) {
        this.jdbi = jdbi;
        this.staff = staff;
        this.accounts = accounts;
        this.passwords = passwords;
        this.throttle = throttle;
    }

    /** Changes the password; every session of the person ends (the caller starts a new one for this browser). */
    public void changePassword(Actor actor, long id, String current, String password, String again, Instant now) {
        StaffStore.Credentials c = checkPassword(actor, id, current, "current", now);
        String problem = Passwords.problem(password, c.staff().email());
        if (problem != null) throw new Refused("password", problem);
        if (!password.equals(again)) throw new Refused("again", "The two new passwords are not the same.");
        if (passwords.verify(password, c.passwordHash())) throw new Refused("password", "That is your current password; choose a new one.");
        accounts.setPassword(actor, id, password, now);
    }

    /** Starts (or restarts) enrolment: a new secret for the person to add to their authenticator app. */
    public String startTwoFactor(long id, Instant now) {
        Staff s = staff.byId(id).orElseThrow(() -> new Refused("There is no such account."));
        if (s.twoFactor()) throw new Refused("Two-factor sign-in is already on.");
        String secret = TwoFactor.newSecret();
        staff.setPendingTotp(id, secret, now);
        return secret;
    }

    /** The secret being enrolled, while enrolment is recent enough to finish. */
    public Optional<String> pendingSecret(long id, Instant now) {
        return staff.pendingTotp(id, now.minus(ENROLMENT));
    }

    /** Finishes enrolment with a code the app shows for the pending secret; from then on, sign-in asks for a code. */
    public void confirmTwoFactor(Actor actor, long id, String code, Instant now) {
        String secret = pendingSecret(id, now).orElseThrow(() -> new Refused("code",
                "This setup has expired. Start again to get a new QR code."));
        OptionalLong step = twoFactor.matchingStep(secret, code, now);
        if (step.isEmpty()) {
            throw new Refused("code", "That code is not right. Check that the app shows a code for this account, and use the newest one.");
        }
        accounts.setTwoFactor(actor, id, secret, step.getAsLong(), now);
    }

    /** Turns two-factor sign-in off; needs the password and a current code, so a borrowed session cannot. */
    public void turnOffTwoFactor(Actor actor, long id, String password, String code, Instant now) {
        StaffStore.Credentials c = checkPassword(actor, id, password, "password", now);
        if (c.totpSecret() == null) throw new Refused("Two-factor sign-in is already off.");
        SignInThrottle.Turn turn = turn(c.staff().email(), actor, "code", now);
        OptionalLong step = twoFactor.matchingStep(c.totpSecret(), code, now);
        if (step.isEmpty() || !staff.claimTotpStep(id, step.getAsLong())) {
            throw new Refused("code", "That code is not right. Codes change every 30 seconds; use the newest one.");
        }
        throttle.forget(turn);
        accounts.setTwoFactor(actor, id, null, now);
    }

    /** The person's credentials when the password is right; a wrong one counts as a failed sign-in. */
    private StaffStore.Credentials checkPassword(Actor actor, long id, String password, String field, Instant now) {
        StaffStore.Credentials c = staff.credentials(id).orElseThrow(() -> new Refused("There is no such account."));
        String email = c.staff().email();
        SignInThrottle.Turn turn = turn(email, actor, field, now);
        if (!passwords.verify(password == null ? "" : password, c.passwordHash())) {
            jdbi.useHandle(h -> AuditLog.record(h, actor, "password refused", email, Map.of(), now));
            throw new Refused(field, "That is not your current password.");
        }
        // only failures count: a success here must not wipe out failed sign-ins
        throttle.forget(turn);
        return c;
    }

    /** A turn to check a password or code, counted as a failure until forgotten; refused when there have been too many. */
    private SignInThrottle.Turn turn(String email, Actor actor, String field, Instant now) {
        SignInThrottle.Turn turn = throttle.take(email, actor.ip(), now);
        if (turn.refused()) {
            long minutes = Math.max(1, (turn.retryAfter().toSeconds() + 59) / 60);
            throw new Refused(field, "Too many wrong attempts. Try again in " + minutes + " minute" + (minutes == 1 ? "" : "s") + ".");
        }
        return turn;
    }
}
