package broadsheet.reader;

import broadsheet.account.Passwords;
import broadsheet.account.SignInThrottle;
import broadsheet.mail.Mailer;
import broadsheet.reader.ReaderTokens.Purpose;
import java.time.Duration;
import java.time.Instant;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The rules of reader accounts. Nothing here tells a visitor whether an email has an account: signing up with a
 * known address mails its owner instead, and asking for a link or a reset answers the same either way (the mail
 * goes out in the background, so the time taken says nothing either). Password sign-ins are throttled as the
 * newsroom's are, in their own realm; mails per address and per email are limited too, so the site cannot be
 * used to flood someone's inbox.
 */
public final class ReaderAccounts implements MeterBinder {
    /** Sign-ins: the newsroom's limits, counted apart from staff sign-ins for the same email. */
    public static final SignInThrottle.Realm SIGN_IN = SignInThrottle.Realm.sameAsStaff("reader");
    /** Mails a visitor can have sent: at most 5 per email and 20 per address an hour. */
    public static final SignInThrottle.Realm MAILS = new SignInThrottle.Realm("reader-mail", Duration.ofHours(1), 5, 20);
    /** How recent a sign-in must be to delete an account without a password. */
    public static final Duration FRESH = Duration.ofMinutes(15);
    public static final String REFUSED = "That email address and password do not match an account.";
    private final ReaderStore store;
    private final ReaderSessions sessions;
    private final ReaderTokens tokens;
    private final Passwords passwords;
    private final SignInThrottle signInThrottle;
    private final SignInThrottle mailThrottle;
    private final ReaderMails mails;
    private final String dummyHash;
    private final ReaderDeletion onDeletion;
    private final LongAdder resetsAsked = new LongAdder();

    /** {@code onDeletion}: what other features do with a deleted reader's things, in the deleting transaction. */
    public ReaderAccounts(ReaderStore store, ReaderSessions sessions, ReaderTokens tokens, Passwords passwords,
                          SignInThrottle signInThrottle, SignInThrottle mailThrottle, Mailer mailer, String baseUrl, Supplier<String> siteName,
                          ReaderDeletion onDeletion) {
        this.onDeletion = onDeletion;
        this.store = store;
        this.sessions = sessions;
        this.tokens = tokens;
        this.passwords = passwords;
        this.signInThrottle = signInThrottle;
        this.mailThrottle = mailThrottle;
        this.mails = new ReaderMails(mailer, baseUrl, siteName);
        this.dummyHash = passwords.unmatchable();
    }

    /** How a sign-in ended. */
    public sealed interface Outcome {
        record SignedIn(String sessionToken) implements Outcome {}
        record Refused(String message) implements Outcome {}
        record Unconfirmed() implements Outcome {}
        record Throttled(Duration retryAfter) implements Outcome {}
    }

    /**
     * Signs up a new reader and mails a link to confirm the address; for an address that already has an account,
     * mails its owner to say so instead. Refuses what cannot be used (nothing stored).
     */
    /** Makes the account and mails the link that confirms it; returns the new reader's id, or empty when the email had one. */
    public Optional<Long> signUp(String rawEmail, String rawName, String rawPassword, String next, String ip, Instant now) {
        String email = ReaderInput.email(rawEmail);
        String name = ReaderInput.name(rawName);
        String password = ReaderInput.newPassword(rawPassword, email);
        Optional<Long> created = store.create(email, name, passwords.hash(password), null, now);
        if (!mayMail(email, ip, now)) return created;
        if (created.isPresent()) {
            mails.verify(email, tokens.issue(created.get(), Purpose.VERIFY, null, now), next);
        } else {
            mails.alreadyRegistered(email);
        }
        return created;
    }

    public Outcome signIn(String rawEmail, String rawPassword, String ip, String userAgent, Instant now) {
        String email = rawEmail == null ? "" : rawEmail.strip();
        if (email.length() > ReaderInput.EMAIL_MAX || ReaderInput.hasControl(email)) return new Outcome.Refused(REFUSED);
        SignInThrottle.Turn turn = signInThrottle.take(email, ip, now);
        if (turn.refused()) return new Outcome.Throttled(turn.retryAfter());
        Optional<ReaderAccount> found = email.isEmpty() ? Optional.empty() : store.byEmail(email);
        String hash = found.map(ReaderAccount::passwordHash).orElse(dummyHash);
        boolean ok = passwords.verify(ReaderInput.typedPassword(rawPassword), hash == null ? dummyHash : hash)
                && found.isPresent() && found.get().hasPassword();
        if (!ok) {
            signInThrottle.failed(turn);
            return new Outcome.Refused(REFUSED);
        }
        signInThrottle.succeeded(turn);
        if (!found.get().verified()) return new Outcome.Unconfirmed();
        return new Outcome.SignedIn(sessions.start(found.get().id(), ip, userAgent, now));
    }

    /** Mails a sign-in link when the email has an account (and the mail limits allow); says nothing either way. */
    public void sendSignInLink(String rawEmail, String next, String ip, Instant now) {
        forAccount(rawEmail, ip, now).ifPresent(r -> mails.signIn(r.email(), tokens.issue(r.id(), Purpose.SIGN_IN, null, now), next));
    }

    /** Mails the confirmation link again to an account not yet confirmed; says nothing either way. */
    public void resendConfirmation(String rawEmail, String ip, Instant now) {
        forAccount(rawEmail, ip, now).filter(r -> !r.verified())
                .ifPresent(r -> mails.verify(r.email(), tokens.issue(r.id(), Purpose.VERIFY, null, now), null));
    }

    /** Mails a password-reset link when the email has an account; says nothing either way. */
    public void sendReset(String rawEmail, String ip, Instant now) {
        resetsAsked.increment();
        forAccount(rawEmail, ip, now).ifPresent(r -> mails.reset(r.email(), tokens.issue(r.id(), Purpose.RESET, null, now)));
    }

    /** Password resets asked for, and the sign-in and mail throttles' figures (see {@link SignInThrottle#bindTo}). */
    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("broadsheet.password.resets.requested", resetsAsked, LongAdder::sum)
                .description("Password-reset links asked for (counted whether or not the email has an account)")
                .tag("realm", "reader").register(registry);
        signInThrottle.bindTo(registry);
        mailThrottle.bindTo(registry);
    }

    /** Whether a link's token can still be used, for the page that offers to use it. */
    public boolean usable(String token, Purpose purpose, Instant now) {
        return tokens.usable(token, purpose, now);
    }

    /** Uses a sign-in link: the address is thereby confirmed, and a session starts. */
    public Optional<String> signInWithLink(String token, String ip, String userAgent, Instant now) {
        return tokens.use(token, Purpose.SIGN_IN, now).map(used -> {
            store.verified(used.readerId(), now);
            return sessions.start(used.readerId(), ip, userAgent, now);
        });
    }

    /** Uses a confirmation link; false when it is unknown, used or expired. */
    public boolean confirm(String token, Instant now) {
        Optional<ReaderTokens.Used> used = tokens.use(token, Purpose.VERIFY, now);
        used.ifPresent(u -> store.verified(u.readerId(), now));
        return used.isPresent();
    }

    /**
     * Sets a new password with a reset link: the address is confirmed, every session and other reset link of the
     * reader ends, and a new session starts. Empty when the link cannot be used; a refused password spends nothing.
     */
    public Optional<String> reset(String token, String rawPassword, String ip, String userAgent, Instant now) {
        if (!tokens.usable(token, Purpose.RESET, now)) return Optional.empty();
        ReaderInput.newPassword(rawPassword, null);
        return tokens.use(token, Purpose.RESET, now).map(used -> {
            store.setPassword(used.readerId(), passwords.hash(rawPassword));
            store.verified(used.readerId(), now);
            tokens.spendAll(used.readerId(), Purpose.RESET, now);
            sessions.endOthers(used.readerId(), null);
            return sessions.start(used.readerId(), ip, userAgent, now);
        });
    }

    /**
     * Asks to move the account to a new address: the new address gets a link to confirm it, the old one is told.
     * Needs the password when the reader has one.
     */
    public void changeEmail(ReaderAccount reader, String rawEmail, String rawPassword, String ip, Instant now) {
        String email = ReaderInput.email(rawEmail);
        checkPassword(reader, rawPassword, ip, now);
        if (email.equalsIgnoreCase(reader.email())) throw new ReaderInput.Refused("email", "That is the address the account has now.");
        if (!mayMail(reader.email(), ip, now) || !mayMail(email, ip, now)) return;
        mails.confirmNewEmail(email, tokens.issue(reader.id(), Purpose.CHANGE_EMAIL, email, now));
        mails.emailChangeRequested(reader.email(), email);
    }

    /** What confirming a new address did. */
    public enum EmailChange { CHANGED, TAKEN, UNUSABLE }

    public EmailChange confirmEmail(String token, Instant now) {
        return tokens.use(token, Purpose.CHANGE_EMAIL, now)
                .map(u -> store.setEmail(u.readerId(), u.newEmail(), now) ? EmailChange.CHANGED : EmailChange.TAKEN)
                .orElse(EmailChange.UNUSABLE);
    }

    /** Sets a new password (the current one first, when there is one) and ends the reader's other sessions. */
    public void changePassword(ReaderAccount reader, String current, String rawNew, String keepSession, String ip, Instant now) {
        checkPassword(reader, current, ip, now);
        String password = ReaderInput.newPassword(rawNew, reader.email());
        store.setPassword(reader.id(), passwords.hash(password));
        sessions.endOthers(reader.id(), keepSession);
    }

    /**
     * Deletes the account: its row goes, and its sessions, links and whatever else refers to it go with it (other
     * features' things as {@code onDeletion} says, in the same transaction). Needs
     * the password, or for a reader without one, a sign-in within {@link #FRESH}.
     */
    public void delete(ReaderAccount reader, String password, Instant sessionStarted, String ip, Instant now) {
        if (reader.hasPassword()) {
            checkPassword(reader, password, ip, now);
        } else if (sessionStarted.plus(FRESH).isBefore(now)) {
            throw new ReaderInput.Refused("current", "Sign in again with a link from your email first, then delete the account within "
                    + FRESH.toMinutes() + " minutes.");
        }
        store.delete(reader.id(), onDeletion);
    }

    private void checkPassword(ReaderAccount reader, String password, String ip, Instant now) {
        if (!reader.hasPassword()) return;
        SignInThrottle.Turn turn = signInThrottle.take(reader.email(), ip, now);
        if (turn.refused()) {
            throw new ReaderInput.Refused("current", "Too many wrong passwords. Try again in " + Math.max(1, turn.retryAfter().toMinutes() + 1)
                    + " minutes.");
        }
        if (!passwords.verify(ReaderInput.typedPassword(password), reader.passwordHash())) {
            throw new ReaderInput.Refused("current", "That is not your current password.");
        }
        signInThrottle.forget(turn);
    }

    /** The account of a typed email that may be mailed now, or empty (no account, a malformed email, or too many mails). */
    private Optional<ReaderAccount> forAccount(String rawEmail, String ip, Instant now) {
        String email;
        try {
            email = ReaderInput.email(rawEmail);
        } catch (ReaderInput.Refused e) {
            return Optional.empty();
        }
        if (!mayMail(email, ip, now)) return Optional.empty();
        return store.byEmail(email);
    }

    /** Counts a mail to this email from this address; false when either has had its share this hour. */
    private boolean mayMail(String email, String ip, Instant now) {
        return !mailThrottle.take(email, ip, now).refused();
    }
}
