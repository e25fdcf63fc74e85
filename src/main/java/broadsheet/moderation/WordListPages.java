package broadsheet.moderation;

import broadsheet.newsroom.Frame;
import broadsheet.newsroom.Frames;
import broadsheet.web.Access;
import broadsheet.web.CachePolicy;
import broadsheet.web.Pages;
import broadsheet.web.Template;
import gg.jte.generated.precompiled.moderation.JtewordsGenerated;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The word lists' page ({@code /newsroom/comments/words}): the banned and suspect words in two text areas, one entry a
 * line, and saving them. Checking and storing are {@link WordLists}'.
 */
public final class WordListPages {
    private static final Template<View> PAGE = JtewordsGenerated::render;
    private final WordLists lists;
    private final Frames frames;
    private final Pages pages;
    private final Clock clock;

    public WordListPages(WordLists lists, Frames frames, Pages pages, Clock clock) {
        this.lists = lists;
        this.frames = frames;
        this.pages = pages;
        this.clock = clock;
    }

    /** The form: the lists as text, the problems keyed by field ("banned", "suspect"). */
    public record View(Frame frame, String banned, String suspect, Map<String, String> problems, String notice) {
        public String problem(String field) {
            return problems.get(field);
        }
    }

    /** {@code GET /newsroom/comments/words}. */
    public void show(Context ctx) {
        lists.refresh(); // what the database holds now, not what this instance last read
        var current = lists.current();
        String notice = switch (ctx.queryParam("notice") == null ? "" : ctx.queryParam("notice")) {
            case "saved" -> "Saved. New comments are checked against these lists now.";
            case "unchanged" -> "Nothing was changed.";
            default -> null;
        };
        show(ctx, 200, String.join("\n", current.bannedWords()), String.join("\n", current.suspectWords()), Map.of(), notice);
    }

    /** {@code POST /newsroom/comments/words} (fields {@code banned}, {@code suspect}). */
    public void save(Context ctx) {
        String banned = ctx.formParam("banned");
        String suspect = ctx.formParam("suspect");
        switch (lists.save(Access.visitor(ctx).actor(ctx.ip()), banned, suspect, clock.instant())) {
            case WordLists.Outcome.Saved s -> PageForm.redirect(ctx, "/newsroom/comments/words", s.changed() ? "saved" : "unchanged");
            case WordLists.Outcome.Invalid i -> show(ctx, 400, banned == null ? "" : banned, suspect == null ? "" : suspect, i.problems(), null);
        }
    }

    private void show(Context ctx, int status, String banned, String suspect, Map<String, String> problems, String notice) {
        ctx.status(status);
        pages.html(ctx, PAGE, new View(frames.of(ctx, "comments"), banned, suspect, problems, notice), CachePolicy.NO_STORE, List.of());
    }
}
