package broadsheet.newsroom;

import broadsheet.account.Passwords;
import broadsheet.shared.AuditLog;
import broadsheet.shared.Staff;
import broadsheet.account.StaffAccounts;
import broadsheet.account.StaffAccounts.Refused;
import broadsheet.shared.StaffRole;
import broadsheet.account.StaffStore;
import broadsheet.web.Access;
import broadsheet.web.CachePolicy;
import broadsheet.web.HttpProblem;
import broadsheet.web.Pages;
import broadsheet.web.Template;
import broadsheet.web.Visitor;
import gg.jte.generated.precompiled.newsroom.JtestaffGenerated;
import gg.jte.generated.precompiled.newsroom.JtestaffmemberGenerated;
import gg.jte.generated.precompiled.newsroom.JtestaffnewGenerated;
import gg.jte.generated.precompiled.newsroom.JtestaffpasswordGenerated;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * An admin's pages for staff accounts: the list, adding a member, and one member's role, password and
 * access. The rules (and the refusals, such as changing one's own role) are {@link StaffAccounts}'; this
 * class reads forms and shows the answers. A password made here is shown once, on the page that answers
 * the form, and never again.
 */
public final class StaffPages {
    private static final Template<ListView> LIST = JtestaffGenerated::render;
    private static final Template<FormView> NEW = JtestaffnewGenerated::render;
    private static final Template<MemberView> MEMBER = JtestaffmemberGenerated::render;
    private static final Template<PasswordView> PASSWORD = JtestaffpasswordGenerated::render;
    private final StaffAccounts accounts;
    private final StaffStore staff;
    private final Frames frames;
    private final Pages pages;
    private final Clock clock;
    private final ZoneId zone;

    public StaffPages(StaffAccounts accounts, StaffStore staff, Frames frames, Pages pages, Clock clock, ZoneId zone) {
        this.accounts = accounts;
        this.staff = staff;
        this.frames = frames;
        this.pages = pages;
        this.clock = clock;
        this.zone = zone;
    }

    public record ListView(Frame frame, List<Staff> staff, ZoneId zone) {}

    /** The form to add a member; problems are keyed by field ("email", "name", "role", "password"). */
    public record FormView(Frame frame, String email, String name, StaffRole role, Map<String, String> problems) {
        public List<StaffRole> roles() {
            return List.of(StaffRole.values());
        }

        public String problem(String field) {
            return problems.get(field);
        }
    }

    /** One member; problems are keyed by form ("role", "password", "access", "two-factor"). */
    public record MemberView(Frame frame, Staff member, boolean self, Map<String, String> problems, String notice, ZoneId zone) {
        public List<StaffRole> roles() {
            return List.of(StaffRole.values());
        }

        public String problem(String form) {
            return problems.get(form);
        }
    }

    /** The one time a password made here is shown. */
    public record PasswordView(Frame frame, Staff member, String password, boolean created) {}

    public void list(Context ctx) {
        show(ctx, 200, LIST, new ListView(frames.of(ctx, "staff"), staff.all(), zone));
    }

    public void newForm(Context ctx) {
        show(ctx, 200, NEW, new FormView(frames.of(ctx, "staff"), "", "", StaffRole.REPORTER, Map.of()));
    }

    public void create(Context ctx) {
        String email = nz(ctx.formParam("email"));
        String name = nz(ctx.formParam("name"));
        StaffRole role = StaffRole.fromWord(nz(ctx.formParam("role"))).orElse(null);
        String typed = ctx.formParam("password");
        boolean generated = typed == null || typed.isEmpty();
        String password = generated ? Passwords.generate() : typed;
        try {
            if (role == null) throw new Refused("role", "Choose a role.");
            long id = accounts.create(actor(ctx), email, name, role, password, clock.instant());
            Staff member = staff.byId(id).orElseThrow();
            show(ctx, 200, PASSWORD,
                    new PasswordView(frames.of(ctx, "staff"), member, generated ? password : null, true));
        } catch (Refused r) {
            show(ctx, 400, NEW, new FormView(frames.of(ctx, "staff"), email, name,
                    role == null ? StaffRole.REPORTER : role, Map.of(r.field() == null ? "email" : r.field(), r.getMessage())));
        }
    }

    public void member(Context ctx) {
        Staff member = find(ctx);
        showMember(ctx, 200, member, Map.of(), notice(ctx.queryParam("notice")));
    }

    public void changeRole(Context ctx) {
        Staff member = find(ctx);
        StaffRole role = StaffRole.fromWord(nz(ctx.formParam("role"))).orElse(null);
        if (role == null) {
            showMember(ctx, 400, member, Map.of("role", "Choose a role."), null);
            return;
        }
        if (role == member.role() && !isSelf(ctx, member)) {
            redirect(ctx, member, "role-same");
            return;
        }
        act(ctx, member, "role", "role", () -> accounts.changeRole(actor(ctx), member.id(), role, clock.instant()));
    }

    public void resetPassword(Context ctx) {
        Staff member = find(ctx);
        if (isSelf(ctx, member)) {
            showMember(ctx, 400, member, Map.of("password", "Change your own password on your account page, where it needs the current one."), null);
            return;
        }
        String password = Passwords.generate();
        try {
            accounts.setPassword(actor(ctx), member.id(), password, clock.instant());
        } catch (Refused r) {
            showMember(ctx, 400, member, Map.of("password", r.getMessage()), null);
            return;
        }
        show(ctx, 200, PASSWORD, new PasswordView(frames.of(ctx, "staff"), member, password, false));
    }

    public void disable(Context ctx) {
        Staff member = find(ctx);
        act(ctx, member, "access", "disabled", () -> accounts.setDisabled(actor(ctx), member.id(), true, clock.instant()));
    }

    public void enable(Context ctx) {
        Staff member = find(ctx);
        act(ctx, member, "access", "enabled", () -> accounts.setDisabled(actor(ctx), member.id(), false, clock.instant()));
    }

    /** For someone who has lost their authenticator app: they sign in with the password alone, and can turn it on again. */
    public void turnOffTwoFactor(Context ctx) {
        Staff member = find(ctx);
        if (!member.twoFactor()) {
            redirect(ctx, member, "two-factor-off");
            return;
        }
        act(ctx, member, "two-factor", "two-factor-off", () -> accounts.setTwoFactor(actor(ctx), member.id(), null, clock.instant()));
    }

    /** Makes a change, then shows the member with a notice, or with the refusal beside the form. */
    private void act(Context ctx, Staff member, String form, String notice, Runnable change) {
        try {
            change.run();
        } catch (Refused r) {
            showMember(ctx, 400, member, Map.of(form, r.getMessage()), null);
            return;
        }
        redirect(ctx, member, notice);
    }

    private void showMember(Context ctx, int status, Staff member, Map<String, String> problems, String notice) {
        show(ctx, status, MEMBER,
                new MemberView(frames.of(ctx, "staff"), member, isSelf(ctx, member), problems, notice, zone));
    }

    private Staff find(Context ctx) {
        String raw = ctx.pathParam("id");
        if (!raw.matches("[0-9]{1,18}")) throw HttpProblem.notFound();
        return staff.byId(Long.parseLong(raw)).orElseThrow(HttpProblem::notFound);
    }

    private static boolean isSelf(Context ctx, Staff member) {
        Long me = Access.visitor(ctx).staffId();
        return me != null && me == member.id();
    }

    private static AuditLog.Actor actor(Context ctx) {
        return Access.visitor(ctx).actor(ctx.ip());
    }

    private static String notice(String word) {
        if (word == null) return null;
        return switch (word) {
            case "role" -> "Role changed. Their sessions have ended; they sign in again with the new role.";
            case "role-same" -> "They already have that role; nothing changed.";
            case "disabled" -> "Account disabled. They cannot sign in, and their sessions have ended.";
            case "enabled" -> "Account enabled. They can sign in again.";
            case "two-factor-off" -> "Two-factor sign-in is off for them. They sign in with their password alone until they turn it on again.";
            default -> null;
        };
    }

    private <V> void show(Context ctx, int status, Template<V> template, V view) {
        ctx.status(status);
        pages.html(ctx, template, view, CachePolicy.NO_STORE, List.of());
    }

    private static void redirect(Context ctx, Staff member, String notice) {
        ctx.header("Cache-Control", CachePolicy.NO_STORE.header());
        ctx.redirect("/newsroom/staff/" + member.id() + "?notice=" + notice, HttpStatus.SEE_OTHER);
    }

    private static String nz(String s) {
        return s == null ? "" : s.strip();
    }
}
