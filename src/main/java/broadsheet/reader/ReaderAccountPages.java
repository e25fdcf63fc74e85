package broadsheet.reader;

import broadsheet.reader.ReaderViews.AccountView;
import broadsheet.reader.ReaderViews.ChoiceRow;
import broadsheet.reader.ReaderViews.MessageView;
import broadsheet.reader.ReaderViews.Problem;
import broadsheet.reader.ReaderViews.SessionRow;
import broadsheet.shared.Json;
import broadsheet.web.CachePolicy;
import broadsheet.web.Cookies;
import broadsheet.web.HttpProblem;
import broadsheet.web.Meta;
import broadsheet.web.Pages;
import broadsheet.web.ReaderAccess;
import broadsheet.web.SignedInReader;
import broadsheet.web.SiteInfo;
import broadsheet.web.Template;
import gg.jte.generated.precompiled.reader.JteaccountGenerated;
import gg.jte.generated.precompiled.reader.JtemessageGenerated;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A signed-in reader's account page ({@code /account}): change the email (confirmed from the new address) or the
 * password (which signs out every other browser), download their data as JSON, delete the account. Only
 * {@code Role.READER} routes lead here, so the access check has already matched each form's CSRF token to the
 * reader's session.
 */
public final class ReaderAccountPages {
    private static final Template<AccountView> ACCOUNT = JteaccountGenerated::render;
    private static final Template<MessageView> MESSAGE = JtemessageGenerated::render;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm");
    /** What each {@code ?done=} after a change says. */
    private static final Map<String, String> NOTICES = Map.of(
            "email", "Check your new address: the mail we sent there has a link to confirm it. Until then the account keeps this one.",
            "password", "Your password is changed, and every other browser is signed out.",
            "choice", "Your choice is saved.");
    private final ReaderAccounts accounts;
    private final ReaderStore store;
    private final ReaderSessions sessions;
    private final ReaderData data;
    private final SiteInfo siteInfo;
    private final Pages pages;
    private final Clock clock;
    private final ZoneId zone;

    private final BiFunction<Long, Instant, Optional<String>> access;
    private final List<ReaderChoice> choices;

    /**
     * {@code access} says in one line what the reader may read now beyond the free articles ("Subscriber: Monthly,
     * renews 3 January"), or nothing; the subscriptions answer it, wired by the composition root. {@code choices}:
     * the yes-or-no choices other features keep, each with its own form on the page.
     */
    public ReaderAccountPages(ReaderAccounts accounts, ReaderStore store, ReaderSessions sessions, ReaderData data, SiteInfo siteInfo,
                              Pages pages, Clock clock, ZoneId zone, BiFunction<Long, Instant, Optional<String>> access,
                              List<ReaderChoice> choices) {
        this.access = access;
        this.choices = List.copyOf(choices);
        this.accounts = accounts;
        this.store = store;
        this.sessions = sessions;
        this.data = data;
        this.siteInfo = siteInfo;
        this.pages = pages;
        this.clock = clock;
        this.zone = zone;
    }

    public void show(Context ctx) {
        String done = ctx.queryParam("done");
        page(ctx, "", Problem.NONE, done == null ? null : NOTICES.get(done));
    }

    public void changeEmail(Context ctx) {
        change(ctx, "email", reader -> accounts.changeEmail(reader, ctx.formParam("email"), ctx.formParam("password"), ctx.ip(),
                clock.instant()));
    }

    public void changePassword(Context ctx) {
        change(ctx, "password", reader -> accounts.changePassword(reader, ctx.formParam("current"), ctx.formParam("password"),
                ctx.cookie(Cookies.READER), ctx.ip(), clock.instant()));
    }

    /** Saves one of the {@link ReaderChoice}s, the one whose address was posted to: ticked is on, anything else off. */
    public void choose(Context ctx) {
        ReaderChoice choice = choices.stream().filter(c -> c.path().equals(ctx.path())).findFirst()
                .orElseThrow(() -> new HttpProblem(404, "Not found", "There is no such choice on the account page."));
        choice.change().set(account(ctx).id(), "yes".equals(ctx.formParam("on")));
        ReaderSignInPages.redirect(ctx, "/account?done=choice#" + choice.name());
    }

    /** Makes a change from one of the page's forms, then shows the page again: with what was done, or the form's problem. */
    private void change(Context ctx, String form, java.util.function.Consumer<ReaderAccount> action) {
        try {
            action.accept(account(ctx));
        } catch (ReaderInput.Refused e) {
            refused(ctx, form, e);
            return;
        }
        ReaderSignInPages.redirect(ctx, "/account?done=" + form);
    }

    /** The reader's data as a JSON download. */
    public void download(Context ctx) {
        ReaderAccount reader = account(ctx);
        byte[] json = Json.bytes(data.of(reader, ctx.cookie(Cookies.READER)));
        ctx.header("Content-Disposition", "attachment; filename=\"my-data.json\"");
        pages.send(ctx, json, "application/json", CachePolicy.NO_STORE, List.of(), Map.of());
    }

    public void delete(Context ctx) {
        ReaderAccount reader = account(ctx);
        var session = sessions.find(ctx.cookie(Cookies.READER), clock.instant()).orElseThrow(() -> signedOut());
        try {
            accounts.delete(reader, ctx.formParam("password"), session.createdAt(), ctx.ip(), clock.instant());
        } catch (ReaderInput.Refused e) {
            refused(ctx, "delete", e);
            return;
        }
        Cookies.clear(ctx, Cookies.READER);
        ctx.header("Clear-Site-Data", "\"cache\"");
        // the reader is gone: this answer is an anonymous visitor's
        ReaderAccess.forget(ctx);
        pages.html(ctx, MESSAGE, new MessageView(siteInfo.site(), meta("Account deleted"), "Account deleted",
                "Your account and everything we kept with it are gone. Thank you for reading.", "/", "Go to the front page"),
                CachePolicy.NO_STORE, List.of());
    }

    private void refused(Context ctx, String form, ReaderInput.Refused e) {
        ctx.status(400);
        page(ctx, form, new Problem(e.field(), e.getMessage()), null);
    }

    private void page(Context ctx, String form, Problem problem, String notice) {
        ReaderAccount reader = account(ctx);
        SignedInReader signedIn = ReaderAccess.current(ctx).orElseThrow();
        List<SessionRow> rows = sessions.list(reader.id(), ctx.cookie(Cookies.READER)).stream()
                .map(s -> new SessionRow(when(s.createdAt()), when(s.lastSeenAt()), s.userAgent().isBlank() ? "Unknown browser" : s.userAgent(),
                        s.current()))
                .toList();
        pages.html(ctx, ACCOUNT, new AccountView(siteInfo.site(), meta("Your account"), signedIn.csrf(), reader.email(), reader.name(),
                reader.verified(), reader.hasPassword(), access.apply(reader.id(), clock.instant()).orElse(null), rows, form, problem, notice,
                choices.stream().map(c -> new ChoiceRow(c.name(), c.path(), c.heading(), c.label(), c.current().test(reader.id()))).toList()),
                CachePolicy.NO_STORE, List.of());
    }

    private ReaderAccount account(Context ctx) {
        SignedInReader r = ReaderAccess.current(ctx).orElseThrow(ReaderAccountPages::signedOut);
        return store.byId(r.id()).orElseThrow(ReaderAccountPages::signedOut);
    }

    private static HttpProblem signedOut() {
        return new HttpProblem(403, "Signed out", "You are not signed in, or your session has ended. Sign in again; nothing was changed.");
    }

    private Meta meta(String title) {
        return Meta.of(title + " - " + siteInfo.name(), ReaderSignInPages.description(siteInfo.name()), siteInfo.site().absolute("/account")).asNoindex();
    }

    private String when(Instant t) {
        return WHEN.format(t.atZone(zone));
    }
}
