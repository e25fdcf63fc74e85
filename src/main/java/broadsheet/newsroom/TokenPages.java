package broadsheet.newsroom;

import broadsheet.account.ApiTokens;
import broadsheet.shared.StaffRole;
import broadsheet.web.Access;
import broadsheet.web.CachePolicy;
import broadsheet.web.HttpProblem;
import broadsheet.web.Pages;
import broadsheet.web.Template;
import gg.jte.generated.precompiled.newsroom.JtetokensGenerated;
import gg.jte.generated.precompiled.newsroom.JtetokenscreatedGenerated;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/**
 * The admin's page of Admin API tokens: the list (never a token's value), the form that makes one and
 * shows its value once, and revoking. Making and revoking, with their audit entries, is {@link ApiTokens}'s
 * job; that only admins come here is the route table's.
 */
public final class TokenPages {
    private static final Template<ListView> LIST = JtetokensGenerated::render;
    private static final Template<CreatedView> CREATED = JtetokenscreatedGenerated::render;
    private final ApiTokens tokens;
    private final Frames frames;
    private final Pages pages;
    private final Clock clock;
    private final ZoneId zone;

    public TokenPages(ApiTokens tokens, Frames frames, Pages pages, Clock clock, ZoneId zone) {
        this.tokens = tokens;
        this.frames = frames;
        this.pages = pages;
        this.clock = clock;
        this.zone = zone;
    }

    /** The list with the form for a new token; {@code name}, {@code role} and {@code error} re-show a refused form. */
    public record ListView(Frame frame, List<ApiTokens.Token> tokens, List<StaffRole> roles, String name, String role,
                           String error, String notice, ZoneId zone) {}

    /** The one page that shows a token's value. */
    public record CreatedView(Frame frame, ApiTokens.Token token, String value) {}

    public void list(Context ctx) {
        show(ctx, 200, view(ctx, "", StaffRole.EDITOR.word(), null, notice(ctx.queryParam("notice"))));
    }

    public void create(Context ctx) {
        String name = ctx.formParam("name");
        String roleWord = ctx.formParam("role") == null ? "" : ctx.formParam("role");
        StaffRole role = StaffRole.fromWord(roleWord).orElse(null);
        if (role == null) {
            show(ctx, 400, view(ctx, nz(name), StaffRole.EDITOR.word(), "Choose the role the token acts with.", null));
            return;
        }
        try {
            var issued = tokens.issue(Access.visitor(ctx).actor(ctx.ip()), name, role, clock.instant());
            pages.html(ctx, CREATED, new CreatedView(frames.of(ctx, "tokens"), issued.token(), issued.value()),
                    CachePolicy.NO_STORE, List.of());
        } catch (ApiTokens.Refused e) {
            show(ctx, 400, view(ctx, nz(name), role.word(), e.getMessage(), null));
        }
    }

    public void revoke(Context ctx) {
        String raw = ctx.pathParam("id");
        if (!raw.matches("[0-9]{1,18}")) throw HttpProblem.notFound();
        boolean revoked = tokens.revoke(Access.visitor(ctx).actor(ctx.ip()), Long.parseLong(raw), clock.instant()).isPresent();
        ctx.header("Cache-Control", CachePolicy.NO_STORE.header());
        ctx.redirect("/newsroom/tokens/?notice=" + (revoked ? "revoked" : "gone"), HttpStatus.SEE_OTHER);
    }

    private ListView view(Context ctx, String name, String role, String error, String notice) {
        List<StaffRole> roles = Arrays.asList(StaffRole.values());
        return new ListView(frames.of(ctx, "tokens"), tokens.all(), roles, name, role, error, notice, zone);
    }

    private void show(Context ctx, int status, ListView view) {
        ctx.status(status);
        pages.html(ctx, LIST, view, CachePolicy.NO_STORE, List.of());
    }

    private static String notice(String word) {
        if (word == null) return null;
        return switch (word) {
            case "revoked" -> "The token was revoked. Programs using it are refused from now on.";
            case "gone" -> "That token was already revoked.";
            default -> null;
        };
    }

    private static String nz(String s) {
        return s == null ? "" : s.strip();
    }
}
