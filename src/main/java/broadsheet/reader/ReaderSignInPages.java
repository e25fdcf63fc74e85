package broadsheet.reader;

import broadsheet.reader.ReaderTokens.Purpose;
import broadsheet.reader.ReaderViews.ForgotView;
import broadsheet.reader.ReaderViews.LinkView;
import broadsheet.reader.ReaderViews.MessageView;
import broadsheet.reader.ReaderViews.Problem;
import broadsheet.reader.ReaderViews.ResetView;
import broadsheet.reader.ReaderViews.SignInView;
import broadsheet.reader.ReaderViews.SignUpView;
import broadsheet.account.Sessions;
import broadsheet.web.CachePolicy;
import broadsheet.web.Cookies;
import broadsheet.web.FormTokens;
import broadsheet.web.Meta;
import broadsheet.web.NextAddress;
import broadsheet.web.Pages;
import broadsheet.web.ReaderAccess;
import broadsheet.web.SignedInReader;
import broadsheet.web.Site;
import broadsheet.web.SiteInfo;
import broadsheet.web.Template;
import gg.jte.generated.precompiled.reader.JteforgotGenerated;
import gg.jte.generated.precompiled.reader.JtelinkGenerated;
import gg.jte.generated.precompiled.reader.JtemessageGenerated;
import gg.jte.generated.precompiled.reader.JteresetGenerated;
import gg.jte.generated.precompiled.reader.JtesigninGenerated;
import gg.jte.generated.precompiled.reader.JtesignupGenerated;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.function.BiConsumer;
import java.util.List;

/**
 * Readers signing up, in and out: with a password, or with a link sent by mail; confirming an address;
 * resetting a forgotten password. Forms here are posted before there is a session, so they carry a form token
 * ({@link FormTokens}). A mailed link opens a page whose button uses it (a POST), so a mail scanner following the
 * link does not spend it; those pages send no referrer. After signing in, a reader goes back to {@code next}, a
 * path on this site and never anywhere else.
 */
public final class ReaderSignInPages {
    private static final Template<SignUpView> SIGN_UP = JtesignupGenerated::render;
    private static final Template<SignInView> SIGN_IN = JtesigninGenerated::render;
    private static final Template<ForgotView> FORGOT = JteforgotGenerated::render;
    private static final Template<LinkView> LINK = JtelinkGenerated::render;
    private static final Template<ResetView> RESET = JteresetGenerated::render;
    private static final Template<MessageView> MESSAGE = JtemessageGenerated::render;
    private static final String CHECK_MAIL = "Check your email";
    private final ReaderAccounts accounts;
    private final ReaderSessions sessions;
    private final FormTokens formTokens;
    private final SiteInfo siteInfo;
    private final Pages pages;
    private final Clock clock;
    private final BiConsumer<Context, Long> afterSignUp;

    /**
     * {@code afterSignUp} is told of each new account with the request that made it, for features that note where a
     * reader came from (a gift link they opened).
     */
    public ReaderSignInPages(ReaderAccounts accounts, ReaderSessions sessions, FormTokens formTokens, SiteInfo siteInfo, Pages pages,
                             Clock clock, BiConsumer<Context, Long> afterSignUp) {
        this.afterSignUp = afterSignUp;
        this.accounts = accounts;
        this.sessions = sessions;
        this.formTokens = formTokens;
        this.siteInfo = siteInfo;
        this.pages = pages;
        this.clock = clock;
    }

    /** How the site learns which reader a {@code bs_reader} cookie names (for {@code ReaderAccess}). */
    public static SignedInReader.Lookup lookup(ReaderSessions sessions) {
        return (cookie, now) -> sessions.find(cookie, now)
                .map(s -> new SignedInReader(s.reader().id(), s.reader().name(), s.reader().email(), s.csrfToken()));
    }

    public void signUpForm(Context ctx) {
        show(ctx, SIGN_UP, new SignUpView(site(), meta("Sign up", "/account/signup"), formTokens.issue(ctx), next(ctx.queryParam("next")),
                "", "", Problem.NONE));
    }

    public void signUp(Context ctx) {
        formTokens.require(ctx);
        String next = next(ctx.formParam("next"));
        try {
            accounts.signUp(ctx.formParam("email"), ctx.formParam("name"), ctx.formParam("password"), next, ctx.ip(), clock.instant())
                    .ifPresent(id -> afterSignUp.accept(ctx, id));
        } catch (ReaderInput.Refused e) {
            ctx.status(400);
            show(ctx, SIGN_UP, new SignUpView(site(), meta("Sign up", "/account/signup"), formTokens.issue(ctx), next,
                    shown(ctx.formParam("email")), shown(ctx.formParam("name")), new Problem(e.field(), e.getMessage())));
            return;
        }
        message(ctx, CHECK_MAIL, "We have sent a mail to the address you gave. Open the link in it to confirm the address, then sign in.",
                "/account/signin" + nextQuery(next), "Sign in");
    }

    public void signInForm(Context ctx) {
        String next = next(ctx.queryParam("next"));
        if (ReaderAccess.current(ctx).isPresent()) {
            redirect(ctx, next);
            return;
        }
        signInPage(ctx, next, "", null, false);
    }

    public void signIn(Context ctx) {
        formTokens.require(ctx);
        String next = next(ctx.formParam("next"));
        String email = shown(ctx.formParam("email"));
        switch (accounts.signIn(email, ctx.formParam("password"), ctx.ip(), ctx.userAgent(), clock.instant())) {
            case ReaderAccounts.Outcome.SignedIn s -> signedIn(ctx, s.sessionToken(), next);
            case ReaderAccounts.Outcome.Refused r -> {
                ctx.status(401);
                signInPage(ctx, next, email, r.message(), false);
            }
            case ReaderAccounts.Outcome.Unconfirmed u -> {
                ctx.status(403);
                signInPage(ctx, next, email, "Confirm your email address first, with the link we mailed you when you signed up.", true);
            }
            case ReaderAccounts.Outcome.Throttled t -> {
                long minutes = Math.max(1, (t.retryAfter().toSeconds() + 59) / 60);
                ctx.header("Retry-After", String.valueOf(Math.max(1, t.retryAfter().toSeconds())));
                ctx.status(429);
                message(ctx, "Too many attempts", "There have been too many attempts to sign in. Try again in " + minutes + " minute"
                        + (minutes == 1 ? "" : "s") + ", or have a sign-in link mailed to you.", "/account/signin" + nextQuery(next), "Back to sign in");
            }
        }
    }

    public void sendLink(Context ctx) {
        formTokens.require(ctx);
        String next = next(ctx.formParam("next"));
        accounts.sendSignInLink(ctx.formParam("email"), next, ctx.ip(), clock.instant());
        message(ctx, CHECK_MAIL, "If that address has an account here, a sign-in link is on its way to it. It works once, for 20 minutes.",
                "/account/signin" + nextQuery(next), "Back to sign in");
    }

    public void resendConfirmation(Context ctx) {
        formTokens.require(ctx);
        accounts.resendConfirmation(ctx.formParam("email"), ctx.ip(), clock.instant());
        message(ctx, CHECK_MAIL, "If that address has an account still to be confirmed, a new link to confirm it is on its way.",
                "/account/signin", "Back to sign in");
    }

    public void linkPage(Context ctx) {
        linkLanding(ctx, Purpose.SIGN_IN, "/account/link", "Sign in", "Press the button to sign in.", "Sign in");
    }

    public void useLink(Context ctx) {
        formTokens.require(ctx);
        noReferrer(ctx);
        var session = accounts.signInWithLink(ctx.formParam("token"), ctx.ip(), ctx.userAgent(), clock.instant());
        if (session.isEmpty()) {
            unusable(ctx);
            return;
        }
        signedIn(ctx, session.get(), next(ctx.formParam("next")));
    }

    public void verifyPage(Context ctx) {
        linkLanding(ctx, Purpose.VERIFY, "/account/verify", "Confirm your email address", "Press the button to confirm this address.",
                "Confirm my address");
    }

    public void verify(Context ctx) {
        formTokens.require(ctx);
        noReferrer(ctx);
        if (!accounts.confirm(ctx.formParam("token"), clock.instant())) {
            unusable(ctx);
            return;
        }
        message(ctx, "Address confirmed", "Thank you: your email address is confirmed. You can sign in now.",
                "/account/signin" + nextQuery(next(ctx.formParam("next"))), "Sign in");
    }

    public void forgotForm(Context ctx) {
        show(ctx, FORGOT, new ForgotView(site(), meta("Forgot your password?", "/account/forgot"), formTokens.issue(ctx)));
    }

    public void forgot(Context ctx) {
        formTokens.require(ctx);
        accounts.sendReset(ctx.formParam("email"), ctx.ip(), clock.instant());
        message(ctx, CHECK_MAIL, "If that address has an account here, a link to choose a new password is on its way to it. It works once, for an hour.",
                "/account/signin", "Back to sign in");
    }

    public void resetForm(Context ctx) {
        noReferrer(ctx);
        String token = ctx.queryParam("token");
        if (!accounts.usable(token, Purpose.RESET, clock.instant())) {
            unusable(ctx);
            return;
        }
        show(ctx, RESET, new ResetView(site(), meta("Choose a new password", "/account/reset"), formTokens.issue(ctx), token, Problem.NONE));
    }

    public void reset(Context ctx) {
        formTokens.require(ctx);
        noReferrer(ctx);
        String token = ctx.formParam("token");
        try {
            var session = accounts.reset(token, ctx.formParam("password"), ctx.ip(), ctx.userAgent(), clock.instant());
            if (session.isEmpty()) {
                unusable(ctx);
                return;
            }
            signedIn(ctx, session.get(), "/account");
        } catch (ReaderInput.Refused e) {
            ctx.status(400);
            show(ctx, RESET, new ResetView(site(), meta("Choose a new password", "/account/reset"), formTokens.issue(ctx), token,
                    new Problem(e.field(), e.getMessage())));
        }
    }

    public void emailConfirmPage(Context ctx) {
        linkLanding(ctx, Purpose.CHANGE_EMAIL, "/account/email/confirm", "Confirm your new email address",
                "Press the button to move your account to this address.", "Use this address");
    }

    public void confirmEmail(Context ctx) {
        formTokens.require(ctx);
        noReferrer(ctx);
        switch (accounts.confirmEmail(ctx.formParam("token"), clock.instant())) {
            case CHANGED -> message(ctx, "Address changed", "Your account now uses this email address.", "/account", "Your account");
            case TAKEN -> {
                ctx.status(409);
                message(ctx, "Address already in use", "Another account uses that address now, so yours stays as it was.", "/account",
                        "Your account");
            }
            case UNUSABLE -> unusable(ctx);
        }
    }

    public void signOut(Context ctx) {
        sessions.end(ctx.cookie(Cookies.READER));
        Cookies.clear(ctx, Cookies.READER);
        forgetCachedPages(ctx);
        redirect(ctx, "/");
    }

    private void linkLanding(Context ctx, Purpose purpose, String action, String heading, String text, String button) {
        noReferrer(ctx);
        String token = ctx.queryParam("token");
        if (!accounts.usable(token, purpose, clock.instant())) {
            unusable(ctx);
            return;
        }
        show(ctx, LINK, new LinkView(site(), meta(heading, action), formTokens.issue(ctx), action, token, next(ctx.queryParam("next")),
                heading, text, button));
    }

    private void unusable(Context ctx) {
        ctx.status(410);
        message(ctx, "This link cannot be used", "The link has expired or has already been used. Ask for a new one: links work once, "
                + "and only for a while.", "/account/signin", "Sign in or ask for a new link");
    }

    private void signInPage(Context ctx, String next, String email, String error, boolean unconfirmed) {
        show(ctx, SIGN_IN, new SignInView(site(), meta("Sign in", "/account/signin"), formTokens.issue(ctx), next, email, error, unconfirmed));
    }

    private void signedIn(Context ctx, String sessionToken, String next) {
        // whatever reader session this browser had before is replaced, so it must not live on unseen
        sessions.end(ctx.cookie(Cookies.READER));
        Cookies.set(ctx, Cookies.READER, sessionToken, (int) Sessions.LONGEST.toSeconds());
        forgetCachedPages(ctx);
        redirect(ctx, next);
    }

    private void message(Context ctx, String heading, String text, String href, String linkText) {
        show(ctx, MESSAGE, new MessageView(site(), meta(heading, "/account/signin"), heading, text, href, linkText));
    }

    private <V> void show(Context ctx, Template<V> template, V view) {
        pages.html(ctx, template, view, CachePolicy.NO_STORE, List.of());
    }

    private Site site() {
        return siteInfo.site();
    }

    /** What the readers' account pages say of themselves to search results and shared links. */
    static String description(String paper) {
        return "Your account with " + paper + ": sign in to read on, subscribe, and give articles to friends.";
    }

    private Meta meta(String title, String path) {
        return Meta.of(title + " - " + siteInfo.name(), description(siteInfo.name()), siteInfo.site().absolute(path)).asNoindex();
    }

    /** Pages this browser keeps showed it signed out (or in): it drops them, so the masthead is right at once. */
    private static void forgetCachedPages(Context ctx) {
        ctx.header("Clear-Site-Data", "\"cache\"");
    }

    /** A page whose address holds a one-time token tells no other site where it came from. */
    private static void noReferrer(Context ctx) {
        ctx.header("Referrer-Policy", "no-referrer");
    }

    static void redirect(Context ctx, String to) {
        ctx.header("Cache-Control", CachePolicy.NO_STORE.header());
        ctx.redirect(to, HttpStatus.SEE_OTHER);
    }

    /** Where to go after signing in: a plain path on this site other than the sign-in pages themselves, else the front page. */
    static String next(String next) {
        if (!NextAddress.plain(next)) return "/";
        String path = NextAddress.path(next);
        return path.startsWith("/account/sign") || path.equals("/account/link") ? "/" : next;
    }

    private static String nextQuery(String next) {
        return next.equals("/") ? "" : "?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String shown(String typed) {
        if (typed == null) return "";
        String s = typed.strip();
        return s.length() > ReaderInput.EMAIL_MAX ? s.substring(0, ReaderInput.EMAIL_MAX) : s;
    }
}
