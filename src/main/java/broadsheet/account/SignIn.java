package broadsheet.account;

import broadsheet.shared.AuditLog.Actor;
import broadsheet.shared.AuditLog;
import broadsheet.shared.Staff;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Signing in: the password (Argon2id), then the second factor when the person has one, with throttling
 * per account and per address and an audit entry for every outcome. Every successful step starts a new
 * session, so a session token known before sign-in is worthless after it. An unknown email costs the
 * same time as a wrong password and gets the same answer.
 */
public final class SignIn {
    public static final String REFUSED = "That email address and password do not match an account.";
    private final Jdbi jdbi;
    private final StaffStore staff;
    private final Sessions sessions;
    private final SignInThrottle throttle;
    private final Passwords passwords;
    private final TwoFactor twoFactor = new TwoFactor();
    private final String dummyHash;

    public SignIn(Jdbi jdbi, StaffStore staff, Sessions sessions, SignInThrottle throttle, Passwords passwords) {
        this.jdbi = jdbi;
        this.staff = staff;
        this.sessions = sessions;
        this.throttle = throttle;
        this.passwords = passwords;
        this.dummyHash = passwords.unmatchable();
    }

    /** What happened. */
    public sealed interface Outcome {
        record SignedIn(String sessionToken, Staff staff) implements Outcome {}
        record NeedsCode(String sessionToken) implements Outcome {}
        record Refused(String message) implements Outcome {}
        record Throttled(Duration retryAfter) implements Outcome {}
    }

    public Outcome withPassword(String email, String password, String ip, String userAgent, Instant now) {
        String e = email == null ? "" : email.strip();
        // counted before the password is checked, so guesses sent at once cannot outrun the count
        SignInThrottle.Turn turn = throttle.take(e, ip, now);
        if (turn.refused()) {
            audit(null, e, ip, "sign-in throttled", now);
            return new Outcome.Throttled(turn.retryAfter());
        }
        Optional<StaffStore.Credentials> found = e.isEmpty() ? Optional.empty() : staff.credentials(e);
        boolean ok = passwords.verify(password == null ? "" : password, found.map(StaffStore.Credentials::passwordHash).orElse(dummyHash))
                && found.isPresent() && found.get().staff().active();
        if (!ok) {
            throttle.failed(turn);
            audit(found.map(StaffStore.Credentials::staff).orElse(null), e, ip, "sign-in refused", now);
            return new Outcome.Refused(REFUSED);
        }
        throttle.succeeded(turn);
        Staff s = found.get().staff();
        if (found.get().totpSecret() != null) {
            return new Outcome.NeedsCode(sessions.start(s.id(), true, ip, userAgent, now));
        }
        audit(s, e, ip, "signed in", now);
        return new Outcome.SignedIn(sessions.start(s.id(), false, ip, userAgent, now), s);
    }

    /** The second step: a code from the authenticator app, for a session waiting for one. */
    public Outcome withCode(String pendingToken, String code, String ip, String userAgent, Instant now) {
        Optional<Sessions.Session> pending = sessions.find(pendingToken, now).filter(Sessions.Session::pendingTotp);
        if (pending.isEmpty()) return new Outcome.Refused("Your sign-in has expired; enter your password again.");
        Staff s = pending.get().staff();
        SignInThrottle.Turn turn = throttle.take(s.email(), ip, now);
        if (turn.refused()) return new Outcome.Throttled(turn.retryAfter());
        StaffStore.Credentials c = staff.credentials(s.id()).orElseThrow();
        var step = twoFactor.matchingStep(c.totpSecret(), code, now);
        boolean ok = step.isPresent() && staff.claimTotpStep(s.id(), step.getAsLong());
        if (!ok) {
            throttle.failed(turn);
            audit(s, s.email(), ip, "sign-in code refused", now);
            return new Outcome.Refused("That code is not right. Codes change every 30 seconds; use the newest one.");
        }
        throttle.succeeded(turn);
        sessions.end(pendingToken);
        audit(s, s.email(), ip, "signed in", now);
        return new Outcome.SignedIn(sessions.start(s.id(), false, ip, userAgent, now), s);
    }

    private void audit(Staff who, String email, String ip, String action, Instant now) {
        Actor actor = who != null ? Actor.of(who, ip) : new Actor(null, "unknown visitor", ip);
        jdbi.useHandle(h -> AuditLog.record(h, actor, action, email, Map.of(), now));
    }
}
