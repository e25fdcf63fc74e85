package broadsheet.newsroom;

import broadsheet.shared.AuditLog;
import broadsheet.account.Sessions;
import broadsheet.account.SetupToken;
import broadsheet.account.SignIn;
import broadsheet.account.StaffAccounts;
import broadsheet.shared.Staff;
import broadsheet.shared.StaffRole;
import broadsheet.web.Access;
import broadsheet.web.CachePolicy;
import broadsheet.web.Cookies;
import broadsheet.web.FormTokens;
import broadsheet.web.HttpProblem;
import broadsheet.web.NextAddress;
import broadsheet.web.Pages;
import broadsheet.web.Template;
import broadsheet.web.Visitor;
import gg.jte.generated.precompiled.newsroom.JtecodeGenerated;
import gg.jte.generated.precompiled.newsroom.JteloginGenerated;
import gg.jte.generated.precompiled.newsroom.JtemessageGenerated;
import gg.jte.generated.precompiled.newsroom.JtesetupGenerated;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Signing in and out of the newsroom, the second-factor step, and the one-time setup page that creates the
 * first admin. Forms here are posted before there is a session, so they carry a form token matched to a
 * cookie this server issued ({@link FormTokens}). After sign-in, visitors go back to the newsroom address they first asked for (never elsewhere).
 */
public final class SignInPages {
    private static final Template<LoginView> LOGIN = JteloginGenerated::render;
    private static final Template<CodeView> CODE = JtecodeGenerated::render;
    private static final Template<SetupView> SETUP = JtesetupGenerated::render;
    private static final Template<MessageView> MESSAGE = JtemessageGenerated::render;
    private final SignIn signIn;
    private final FormTokens formTokens;
    private final Sessions sessions;
    private final SetupToken setupToken;
    private final StaffAccounts accounts;
    private final AuditLog audit;
    private final Frames frames;
    private final Pages pages;
    private final Clock clock;

    public SignInPages(SignIn signIn, FormTokens formTokens, Sessions sessions, SetupToken setupToken, StaffAccounts accounts, AuditLog audit,
                       Frames frames, Pages pages, Clock clock) {
        this.audit = audit;
        this.signIn = signIn;
        this.formTokens = formTokens;
        this.sessions = sessions;
        this.setupToken = setupToken;
        this.accounts = accounts;
        this.frames = frames;
        this.pages = pages;
        this.clock = clock;
    }

    public record LoginView(Frame frame, String formToken, String email, String next, String error) {}

    public record CodeView(Frame frame, String formToken, String next, String error, String siteName) {}

    public record SetupView(Frame frame, String formToken, String token, String name, String email, String error) {}

    public void loginForm(Context ctx) {
        String next = safeNext(ctx.queryParam("next"));
        if (sessions.find(ctx.cookie(Cookies.SESSION), clock.instant()).filter(s -> !s.pendingTotp()).isPresent()) {
            redirect(ctx, next);
            return;
        }
        show(ctx, LOGIN, new LoginView(frames.signedOut(), formTokens.issue(ctx), "", next, null));
    }

    public void login(Context ctx) {
        formTokens.require(ctx);
        String next = safeNext(ctx.formParam("next"));
        String email = nz(ctx.formParam("email"));
        var outcome = signIn.withPassword(email, ctx.formParam("password"), ctx.ip(), ctx.userAgent(), clock.instant());
        if (outcome instanceof SignIn.Outcome.SignedIn || outcome instanceof SignIn.Outcome.NeedsCode) {
            // whatever session this browser had before is replaced, so it must not live on unseen
            sessions.end(ctx.cookie(Cookies.SESSION));
        }
        switch (outcome) {
            case SignIn.Outcome.SignedIn s -> {
                Cookies.set(ctx, Cookies.SESSION, s.sessionToken(), (int) Sessions.LONGEST.toSeconds());
                redirect(ctx, landing(next, s.staff()));
            }
            case SignIn.Outcome.NeedsCode c -> {
                Cookies.set(ctx, Cookies.SESSION, c.sessionToken(), (int) Sessions.LONGEST.toSeconds());
                redirect(ctx, "/newsroom/login/code?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            }
            case SignIn.Outcome.Refused r -> {
                ctx.status(401);
                show(ctx, LOGIN, new LoginView(frames.signedOut(), formTokens.issue(ctx), email, next, r.message()));
            }
            case SignIn.Outcome.Throttled t -> throttled(ctx, t);
        }
    }

    public void codeForm(Context ctx) {
        show(ctx, CODE, new CodeView(frames.signedOut(), formTokens.issue(ctx), safeNext(ctx.queryParam("next")), null,
                frames.siteName()));
    }

    public void code(Context ctx) {
        formTokens.require(ctx);
        String next = safeNext(ctx.formParam("next"));
        var outcome = signIn.withCode(ctx.cookie(Cookies.SESSION), ctx.formParam("code"), ctx.ip(), ctx.userAgent(), clock.instant());
        switch (outcome) {
            case SignIn.Outcome.SignedIn s -> {
                Cookies.set(ctx, Cookies.SESSION, s.sessionToken(), (int) Sessions.LONGEST.toSeconds());
                redirect(ctx, landing(next, s.staff()));
            }
            case SignIn.Outcome.Refused r -> {
                ctx.status(401);
                show(ctx, CODE, new CodeView(frames.signedOut(), formTokens.issue(ctx), next, r.message(), frames.siteName()));
            }
            case SignIn.Outcome.Throttled t -> throttled(ctx, t);
            case SignIn.Outcome.NeedsCode c -> throw new IllegalStateException("a code step cannot need another code");
        }
    }

    public void logout(Context ctx) {
        Visitor v = Access.visitor(ctx);
        sessions.end(ctx.cookie(Cookies.SESSION));
        Cookies.clear(ctx, Cookies.SESSION);
        if (v instanceof Visitor.SignedIn s) {
            audit.record(v.actor(ctx.ip()), "signed out", s.staff().email(), Map.of(), clock.instant());
        }
        redirect(ctx, "/newsroom/login");
    }

    public void setupForm(Context ctx) {
        String token = ctx.queryParam("token");
        if (!setupToken.matches(token)) throw HttpProblem.notFound();
        show(ctx, SETUP, new SetupView(frames.signedOut(), formTokens.issue(ctx), token, "", "", null));
    }

    public void setup(Context ctx) {
        formTokens.require(ctx);
        String token = ctx.formParam("token");
        if (!setupToken.matches(token)) throw HttpProblem.notFound();
        String name = nz(ctx.formParam("name"));
        String email = nz(ctx.formParam("email"));
        try {
            accounts.create(AuditLog.Actor.system("setup page"), email, name, StaffRole.ADMIN, ctx.formParam("password"), clock.instant());
        } catch (StaffAccounts.Refused e) {
            ctx.status(400);
            show(ctx, SETUP, new SetupView(frames.signedOut(), formTokens.issue(ctx), token, name, email, e.getMessage()));
            return;
        }
        setupToken.spend();
        var outcome = signIn.withPassword(email, ctx.formParam("password"), ctx.ip(), ctx.userAgent(), clock.instant());
        if (outcome instanceof SignIn.Outcome.SignedIn s) {
            Cookies.set(ctx, Cookies.SESSION, s.sessionToken(), (int) Sessions.LONGEST.toSeconds());
        }
        redirect(ctx, "/newsroom/");
    }

    private void throttled(Context ctx, SignIn.Outcome.Throttled t) {
        long minutes = Math.max(1, (t.retryAfter().toSeconds() + 59) / 60);
        ctx.header("Retry-After", String.valueOf(Math.max(1, t.retryAfter().toSeconds())));
        ctx.status(429);
        show(ctx, MESSAGE, new MessageView(frames.signedOut(), "Too many attempts",
                "There have been too many attempts to sign in. Try again in " + minutes + " minute" + (minutes == 1 ? "" : "s") + ".",
                "/newsroom/login", "Back to sign in"));
    }

    private <V> void show(Context ctx, Template<V> template, V view) {
        pages.html(ctx, template, view, CachePolicy.NO_STORE, List.of());
    }

    private static void redirect(Context ctx, String to) {
        ctx.header("Cache-Control", CachePolicy.NO_STORE.header());
        ctx.redirect(to, HttpStatus.SEE_OTHER);
    }

    /** Where someone signing in goes: the page they asked for, or a moderator without one to the comment queues. */
    static String landing(String next, Staff staff) {
        return next.equals("/newsroom/") && staff != null && staff.role() == StaffRole.MODERATOR ? "/newsroom/comments/" : next;
    }

    /** Only plain newsroom addresses on this site (not signing in or out again); anything else goes to the newsroom's front page. */
    static String safeNext(String next) {
        if (!plainNewsroomAddress(next) || next.startsWith("/newsroom/login") || next.startsWith("/newsroom/logout")) return "/newsroom/";
        return next;
    }

    /** A plain address on this site ({@link NextAddress#plain}) in the newsroom. */
    private static boolean plainNewsroomAddress(String next) {
        if (!NextAddress.plain(next)) return false;
        String path = NextAddress.path(next);
        return path.equals("/newsroom") || path.startsWith("/newsroom/");
    }

    private static String nz(String s) {
        return s == null ? "" : s.strip();
    }

}
