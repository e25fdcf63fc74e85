package broadsheet.settings;

import broadsheet.shared.AuditLog;
import broadsheet.newsroom.Frame;
import broadsheet.newsroom.Frames;
import broadsheet.web.Access;
import broadsheet.web.CachePolicy;
import broadsheet.web.Pages;
import broadsheet.web.Template;
import broadsheet.web.Visitor;
import gg.jte.generated.precompiled.settings.JtesettingsGenerated;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The newsroom's settings page: the form with the settings in effect, and saving it. Checking and storing
 * are {@link SettingsStore}'s; who may use the page is the route table's (admins). After a save it empties
 * this instance's caches at once, so the very next page shows the change; other instances hear of it
 * through the change feed.
 */
public final class SettingsPages {
    private static final Template<View> PAGE = JtesettingsGenerated::render;
    private final SettingsStore store;
    private final String configuredName;
    private final Runnable refresh;
    private final Frames frames;
    private final Pages pages;
    private final Clock clock;

    /** {@code refresh} empties this instance's page cache and settings after a save. */
    public SettingsPages(SettingsStore store, String configuredName, Runnable refresh, Frames frames, Pages pages, Clock clock) {
        this.store = store;
        this.configuredName = configuredName;
        this.refresh = refresh;
        this.frames = frames;
        this.pages = pages;
        this.clock = clock;
    }

    /**
     * The settings form; problems are keyed by field. {@code ownTwoFactor}: whether the admin looking at it has
     * two-factor sign-in, since requiring it of editors and admins includes them.
     */
    public record View(Frame frame, SettingsStore.Form form, String configuredName, boolean ownTwoFactor,
                       Map<String, String> problems, String notice) {
        public String problem(String field) {
            return problems.get(field);
        }
    }

    /** {@code GET /newsroom/settings}. */
    public void show(Context ctx) {
        show(ctx, 200, SettingsStore.Form.of(store.read(), configuredName), Map.of(), notice(ctx.queryParam("notice")));
    }

    /** {@code POST /newsroom/settings}. */
    public void save(Context ctx) {
        var form = new SettingsStore.Form(ctx.formParam("name"), ctx.formParam("tagline"), ctx.formParam("access"),
                ctx.formParam("comments"), ctx.formParam("requireTwoFactor"), ctx.formParam("idleHours"),
                new SettingsStore.ReaderFields(ctx.formParam("previewParagraphs"), ctx.formParam("anonymousMeter"),
                        ctx.formParam("registeredMeter"), ctx.formParam("giftsPerMonth"), ctx.formParam("giftExpiryDays"),
                        ctx.formParam("giftCap")),
                new SettingsStore.CommentFields(ctx.formParam("commentsWho"), ctx.formParam("commentsCloseDays"),
                        ctx.formParam("commentsEditMinutes"), ctx.formParam("commentsMinSeconds"), ctx.formParam("commentsPerHour"),
                        ctx.formParam("commentsLinksAfter"), ctx.formParam("commentsPremoderateFirst"),
                        ctx.formParam("commentsPremoderateAll"), ctx.formParam("commentsOnDeletion")),
                // an unticked box sends nothing: full text off
                java.util.Objects.requireNonNullElse(ctx.formParam("feedsFullText"), ""),
                ctx.formParam("searchRecency"), ctx.formParam("searchHalfLife"));
        AuditLog.Actor actor = Access.visitor(ctx).actor(ctx.ip());
        switch (store.save(actor, form, configuredName, clock.instant())) {
            case SettingsStore.Outcome.Saved s -> {
                if (s.changes().isEmpty()) {
                    redirect(ctx, "/newsroom/settings?notice=unchanged");
                    return;
                }
                refresh.run();
                redirect(ctx, "/newsroom/settings?notice=saved");
            }
            case SettingsStore.Outcome.Invalid i -> show(ctx, 400, form, i.problems(), null);
        }
    }

    private void show(Context ctx, int status, SettingsStore.Form form, Map<String, String> problems, String notice) {
        Visitor.SignedIn me = (Visitor.SignedIn) Access.visitor(ctx);
        ctx.status(status);
        pages.html(ctx, PAGE, new View(frames.of(ctx, "settings"), form, configuredName, me.staff().twoFactor(),
                problems, notice), CachePolicy.NO_STORE, List.of());
    }

    private static String notice(String word) {
        if (word == null) return null;
        return switch (word) {
            case "saved" -> "Saved. The site and the newsroom use the new settings now.";
            case "unchanged" -> "Nothing was changed.";
            default -> null;
        };
    }

    private static void redirect(Context ctx, String to) {
        ctx.header("Cache-Control", CachePolicy.NO_STORE.header());
        ctx.redirect(to, HttpStatus.SEE_OTHER);
    }
}
