package broadsheet.section;

import broadsheet.newsroom.Frame;
import broadsheet.newsroom.Frames;
import broadsheet.shared.AuditLog;
import broadsheet.web.Access;
import broadsheet.web.CachePolicy;
import broadsheet.web.HttpProblem;
import broadsheet.web.Pages;
import broadsheet.web.Template;
import gg.jte.generated.precompiled.section.JtefrontpageGenerated;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/**
 * The newsroom's "Front page" page: the home page's top stories as they stand (the editors' picks in order, then the
 * newest), with forms to pick a story (from the latest published ones, or those a search finds), move a pick up or
 * down, remove it, or clear them all. Every form works without a script. The rules are {@link FrontArrangement}'s;
 * this class reads forms and picks pages, and who may use it is the route table's. After a change it empties this
 * instance's caches at once, so the very next home page shows it; other instances hear of it through the change feed.
 */
public final class FrontPagePages {
    private static final Template<View> PAGE = JtefrontpageGenerated::render;
    private final FrontArrangement arrangement;
    private final Runnable refresh;
    private final Frames frames;
    private final Pages pages;
    private final Clock clock;
    private final ZoneId zone;

    /** {@code refresh} empties this instance's page cache after a change. */
    public FrontPagePages(FrontArrangement arrangement, Runnable refresh, Frames frames, Pages pages, Clock clock, ZoneId zone) {
        this.arrangement = arrangement;
        this.refresh = refresh;
        this.frames = frames;
        this.pages = pages;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * What the page shows: the picks in order, the stories to pick from (the search's {@code words}, or the latest),
     * a notice after a change, and {@code problem}, why a change was refused.
     */
    public record View(Frame frame, List<FrontArrangement.Story> picks, List<FrontArrangement.Story> candidates, String words,
                       String notice, String problem, ZoneId zone) {
        public int max() {
            return FrontArrangement.MAX_PICKS;
        }

        public boolean full() {
            return picks.size() >= FrontArrangement.MAX_PICKS;
        }

        public String published(FrontArrangement.Story s) {
            return broadsheet.article.Dateline.day(s.published(), zone);
        }
    }

    /** {@code GET /newsroom/front-page}, with {@code q}: words to find in headlines. */
    public void show(Context ctx) {
        String words = ctx.queryParam("q");
        words = words == null ? "" : words.strip();
        if (words.length() > FrontArrangement.MAX_QUERY) words = words.substring(0, FrontArrangement.MAX_QUERY);
        render(ctx, 200, words, notice(ctx.queryParam("notice")), null);
    }

    /** {@code POST /newsroom/front-page/pick} with {@code article}: the story's number. */
    public void pick(Context ctx) {
        long id = articleId(ctx.formParam("article"));
        if (id < 0) {
            render(ctx, 400, "", null, "Choose a story to add: the form did not say which (a story's number is a whole number).");
            return;
        }
        answer(ctx, arrangement.pick(actor(ctx), id, clock.instant()), "picked");
    }

    /** {@code POST /newsroom/front-page/{id}/move} with {@code direction=up} or {@code down}. */
    public void move(Context ctx) {
        long id = pathId(ctx);
        String direction = ctx.formParam("direction");
        if (!"up".equals(direction) && !"down".equals(direction)) {
            render(ctx, 400, "", null, "Move a story up or down: the form did not say which.");
            return;
        }
        answer(ctx, arrangement.move(actor(ctx), id, direction.equals("up"), clock.instant()), "moved");
    }

    /** {@code POST /newsroom/front-page/{id}/remove}. */
    public void remove(Context ctx) {
        answer(ctx, arrangement.remove(actor(ctx), pathId(ctx), clock.instant()), "removed");
    }

    /** {@code POST /newsroom/front-page/clear}: back to the newest stories first. */
    public void clear(Context ctx) {
        answer(ctx, arrangement.clear(actor(ctx), clock.instant()), "cleared");
    }

    private void answer(Context ctx, FrontArrangement.Outcome outcome, String notice) {
        switch (outcome) {
            case FrontArrangement.Outcome.Done d -> {
                refresh.run();
                ctx.header("Cache-Control", CachePolicy.NO_STORE.header());
                ctx.redirect("/newsroom/front-page?notice=" + notice, HttpStatus.SEE_OTHER);
            }
            case FrontArrangement.Outcome.Refused r -> render(ctx, 409, "", null, r.message());
        }
    }

    private void render(Context ctx, int status, String words, String notice, String problem) {
        ctx.status(status);
        pages.html(ctx, PAGE, new View(frames.of(ctx, "front-page"), arrangement.picks(), arrangement.candidates(words), words, notice,
                problem, zone), CachePolicy.NO_STORE, List.of());
    }

    /** A story's number from a form, or -1 when it is not one. */
    private static long articleId(String raw) {
        if (raw == null || !raw.strip().matches("[1-9][0-9]{0,17}")) return -1;
        return Long.parseLong(raw.strip());
    }

    private static long pathId(Context ctx) {
        long id = articleId(ctx.pathParam("id"));
        if (id < 0) throw HttpProblem.notFound();
        return id;
    }

    private static AuditLog.Actor actor(Context ctx) {
        return Access.visitor(ctx).actor(ctx.ip());
    }

    private static String notice(String word) {
        if (word == null) return null;
        return switch (word) {
            case "picked" -> "Added. The home page shows it among the top stories now.";
            case "moved" -> "Moved. The home page shows the top stories in this order now.";
            case "removed" -> "Removed from the picks. The home page shows it only if it is among the newest stories.";
            case "cleared" -> "Cleared. The home page leads with the newest stories again.";
            default -> null;
        };
    }
}
