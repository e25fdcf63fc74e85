package broadsheet.gift;

import broadsheet.newsroom.Frame;
import broadsheet.newsroom.Frames;
import broadsheet.web.Access;
import broadsheet.web.CachePolicy;
import broadsheet.web.Pages;
import broadsheet.web.Template;
import gg.jte.generated.precompiled.gift.JtenewsroomGenerated;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** The newsroom's list of gift links (admins), the latest first, each with a button to withdraw it. */
public final class GiftNewsroomPages {
    private static final Template<View> PAGE = JtenewsroomGenerated::render;
    private final GiftLinks links;
    private final Frames frames;
    private final Pages pages;
    private final Clock clock;
    private final ZoneId zone;

    public GiftNewsroomPages(GiftLinks links, Frames frames, Pages pages, Clock clock, ZoneId zone) {
        this.links = links;
        this.frames = frames;
        this.pages = pages;
        this.clock = clock;
        this.zone = zone;
    }

    public record View(Frame frame, List<GiftLinks.Summary> gifts, String notice, ZoneId zone, Instant now) {}

    /** {@code GET /newsroom/gifts/}. */
    public void list(Context ctx) {
        String notice = "revoked".equals(ctx.queryParam("notice")) ? "The gift link is withdrawn." : null;
        pages.html(ctx, PAGE, new View(frames.of(ctx, "gifts"), links.latest(clock.instant()), notice, zone, clock.instant()),
                CachePolicy.NO_STORE, List.of());
    }

    /** {@code POST /newsroom/gifts/{id}/revoke}. */
    public void revoke(Context ctx) {
        String raw = ctx.pathParam("id");
        boolean done = raw.matches("[0-9]{1,18}")
                && links.revokeAsStaff(Access.visitor(ctx).actor(ctx.ip()), Long.parseLong(raw), clock.instant());
        ctx.header("Cache-Control", CachePolicy.NO_STORE.header());
        ctx.redirect(done ? "/newsroom/gifts/?notice=revoked" : "/newsroom/gifts/", HttpStatus.SEE_OTHER);
    }
}
