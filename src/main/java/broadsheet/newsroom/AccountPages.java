package broadsheet.newsroom;

import broadsheet.account.OwnAccount;
import broadsheet.account.Sessions;
import broadsheet.shared.Staff;
import broadsheet.account.StaffAccounts.Refused;
import broadsheet.account.TwoFactor;
import broadsheet.web.Access;
import broadsheet.web.CachePolicy;
import broadsheet.web.Cookies;
import broadsheet.web.Pages;
import broadsheet.web.Template;
import broadsheet.web.Visitor;
import gg.jte.generated.precompiled.newsroom.JteaccountGenerated;
import gg.jte.generated.precompiled.newsroom.JteaccounttwofactorGenerated;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One's own account in the newsroom: the password and two-factor sign-in. The rules are in
 * {@link OwnAccount}; this class reads the forms, shows refusals beside their fields, and after a password
 * change gives this browser a fresh session (every other one has ended). When the paper requires two-factor
 * sign-in of someone who has none, the setup page starts it for them, since they can use nothing else.
 */
public final class AccountPages {
    private static final Template<View> ACCOUNT = JteaccountGenerated::render;
    private static final Template<EnrolView> TWO_FACTOR = JteaccounttwofactorGenerated::render;
    private final OwnAccount own;
    private final Sessions sessions;
    private final Predicate<Staff> mustSetUpTwoFactor;
    private final Frames frames;
    private final Pages pages;
    private final Clock clock;

    /** {@code mustSetUpTwoFactor} tells whether the paper's settings require two-factor sign-in of a person who has none. */
    public AccountPages(OwnAccount own, Sessions sessions, Predicate<Staff> mustSetUpTwoFactor, Frames frames, Pages pages, Clock clock) {
        this.own = own;
        this.sessions = sessions;
        this.mustSetUpTwoFactor = mustSetUpTwoFactor;
        this.frames = frames;
        this.pages = pages;
        this.clock = clock;
    }

    /**
     * The account page; problems are keyed by field id ("pw-current", "off-code"...). {@code twoFactorDue}: the
     * paper requires two-factor sign-in of this person, who has none yet.
     */
    public record View(Frame frame, Staff me, Map<String, String> problems, String notice, boolean twoFactorDue) {
        public String problem(String field) {
            return problems.get(field);
        }
    }

    /**
     * The enrolment page: the QR code (an SVG image as a data address) and the secret for typing in;
     * {@code required}: the paper requires it, so there is no "not now".
     */
    public record EnrolView(Frame frame, String qrImage, String secret, String problem, boolean required) {}

    public void show(Context ctx) {
        show(ctx, 200, Map.of(), notice(ctx.queryParam("notice")));
    }

    public void changePassword(Context ctx) {
        Visitor.SignedIn me = me(ctx);
        Instant now = clock.instant();
        try {
            own.changePassword(me.actor(ctx.ip()), me.staffId(), ctx.formParam("current"), nz(ctx.formParam("password")),
                    nz(ctx.formParam("again")), now);
        } catch (Refused r) {
            show(ctx, 400, Map.of("pw-" + (r.field() == null ? "current" : r.field()), r.getMessage()), null);
            return;
        }
        // every session of this person has ended; this browser carries on with a new one
        Cookies.set(ctx, Cookies.SESSION, sessions.start(me.staffId(), false, ctx.ip(), ctx.userAgent(), now),
                (int) Sessions.LONGEST.toSeconds());
        redirect(ctx, "/newsroom/account?notice=password");
    }

    public void startTwoFactor(Context ctx) {
        try {
            own.startTwoFactor(me(ctx).staffId(), clock.instant());
        } catch (Refused r) {
            show(ctx, 400, Map.of("start", r.getMessage()), null);
            return;
        }
        redirect(ctx, "/newsroom/account/two-factor");
    }

    public void enrolForm(Context ctx) {
        enrol(ctx, 200, null);
    }

    public void confirmTwoFactor(Context ctx) {
        Visitor.SignedIn me = me(ctx);
        try {
            own.confirmTwoFactor(me.actor(ctx.ip()), me.staffId(), ctx.formParam("code"), clock.instant());
        } catch (Refused r) {
            enrol(ctx, 400, r.getMessage());
            return;
        }
        redirect(ctx, "/newsroom/account?notice=two-factor-on");
    }

    public void turnOffTwoFactor(Context ctx) {
        Visitor.SignedIn me = me(ctx);
        try {
            own.turnOffTwoFactor(me.actor(ctx.ip()), me.staffId(), ctx.formParam("password"), ctx.formParam("code"), clock.instant());
        } catch (Refused r) {
            show(ctx, 400, Map.of("off-" + (r.field() == null ? "password" : r.field()), r.getMessage()), null);
            return;
        }
        redirect(ctx, "/newsroom/account?notice=two-factor-off");
    }

    private void enrol(Context ctx, int status, String problem) {
        Visitor.SignedIn me = me(ctx);
        Instant now = clock.instant();
        var secret = own.pendingSecret(me.staffId(), now);
        boolean required = mustSetUpTwoFactor.test(me.staff());
        // the access check sends such a person here from every other page, so there is nothing else to press
        if (secret.isEmpty() && required) secret = Optional.of(own.startTwoFactor(me.staffId(), now));
        if (secret.isEmpty() || me.staff().twoFactor()) {
            redirect(ctx, "/newsroom/account");
            return;
        }
        String svg = TwoFactor.qrSvg(TwoFactor.uri(frames.siteName(), me.staff().email(), secret.get()));
        String image = "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
        ctx.status(status);
        pages.html(ctx, TWO_FACTOR, new EnrolView(frames.of(ctx, "account"), image, grouped(secret.get()), problem, required),
                CachePolicy.NO_STORE, List.of());
    }

    private void show(Context ctx, int status, Map<String, String> problems, String notice) {
        ctx.status(status);
        pages.html(ctx, ACCOUNT, new View(frames.of(ctx, "account"), me(ctx).staff(), problems, notice,
                mustSetUpTwoFactor.test(me(ctx).staff())),
                CachePolicy.NO_STORE, List.of());
    }

    /** The secret in groups of four letters, easier to type; authenticator apps ignore the spaces. */
    static String grouped(String secret) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < secret.length(); i += 4) {
            if (i > 0) sb.append(' ');
            sb.append(secret, i, Math.min(secret.length(), i + 4));
        }
        return sb.toString();
    }

    private static String notice(String word) {
        if (word == null) return null;
        return switch (word) {
            case "password" -> "Your password is changed. You are still signed in here; everywhere else you have been signed out.";
            case "two-factor-on" -> "Two-factor sign-in is on. From now on, signing in asks for a code from your app.";
            case "two-factor-off" -> "Two-factor sign-in is off.";
            default -> null;
        };
    }

    private static Visitor.SignedIn me(Context ctx) {
        return (Visitor.SignedIn) Access.visitor(ctx);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static void redirect(Context ctx, String to) {
        ctx.header("Cache-Control", CachePolicy.NO_STORE.header());
        ctx.redirect(to, HttpStatus.SEE_OTHER);
    }
}
