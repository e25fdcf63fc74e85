package broadsheet.cli;

import broadsheet.RunningServer;
import broadsheet.shared.AuditLog;
import broadsheet.account.Passwords;
import broadsheet.account.Sessions;
import broadsheet.account.StaffAccounts;
import broadsheet.shared.StaffRole;
import broadsheet.account.StaffStore;
import broadsheet.storage.Database;
import java.io.Console;
import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code broadsheet admin}: staff accounts from the command line, for the first admin and for anyone
 * locked out. A password is asked for when there is a terminal; otherwise (or when the answer is empty)
 * one is generated and printed once. There is no default password anywhere.
 */
@Command(name = "admin", description = "Manage staff accounts from the command line.",
        subcommands = {AdminCommand.Create.class, AdminCommand.Password.class})
public final class AdminCommand implements Runnable {
    @Override
    public void run() {
        picocli.CommandLine.usage(this, System.out);
    }

    @Command(name = "create", description = "Create a staff account (an admin unless --role says otherwise).")
    static final class Create implements Runnable {
        @Mixin
        CommonOptions options;

        @Option(names = "--email", required = true, description = "Email address to sign in with.")
        String email;

        @Option(names = "--name", description = "The person's name, shown in the newsroom and offered as their byline "
                + "(without it the part of the email before @ stands in, in the newsroom only).")
        String name;

        @Option(names = "--role", defaultValue = "admin", description = "contributor, reporter, editor or admin (default admin).")
        String role;

        @Override
        public void run() {
            StaffRole r = StaffRole.fromWord(role).orElseThrow(() -> new IllegalArgumentException(
                    "--role must be contributor, reporter, editor or admin, not \"" + role + "\""));
            String given = name != null && !name.isBlank() ? name : null;
            var config = options.config();
            try (Database db = config.openDatabase()) {
                var accounts = new StaffAccounts(db.jdbi(), new Passwords(), new Sessions(db.jdbi()));
                Chosen password = choosePassword(email);
                long id = accounts.create(AuditLog.Actor.system("command line"), email, given, r, password.value(), Clock.systemUTC().instant());
                String who = new StaffStore(db.jdbi()).byId(id).orElseThrow().name();
                System.out.println("Created " + r.word() + " " + email + " (" + who + ").");
                if (password.generated()) System.out.println("Password (shown once; change it after signing in): " + password.value());
                System.out.println("Sign in at " + RunningServer.address(config) + "/newsroom/login");
            } catch (StaffAccounts.Refused e) {
                throw new IllegalArgumentException(e.getMessage());
            }
        }
    }

    @Command(name = "password", description = "Give a staff account a new password (and sign it out everywhere).")
    static final class Password implements Runnable {
        @Mixin
        CommonOptions options;

        @Option(names = "--email", required = true, description = "The account's email address.")
        String email;

        @Option(names = "--no-two-factor", description = "Also turn off two-factor sign-in (for a lost authenticator app).")
        boolean noTwoFactor;

        @Override
        public void run() {
            try (Database db = options.config().openDatabase()) {
                var staff = new StaffStore(db.jdbi()).byEmail(email)
                        .orElseThrow(() -> new IllegalArgumentException("there is no account for " + email));
                var accounts = new StaffAccounts(db.jdbi(), new Passwords(), new Sessions(db.jdbi()));
                Chosen password = choosePassword(email);
                var now = Clock.systemUTC().instant();
                accounts.setPassword(AuditLog.Actor.system("command line"), staff.id(), password.value(), now);
                System.out.println("New password set for " + staff.email() + "; its sessions have ended.");
                if (noTwoFactor && staff.twoFactor()) {
                    accounts.setTwoFactor(AuditLog.Actor.system("command line"), staff.id(), null, now);
                    System.out.println("Two-factor sign-in is off; they can turn it on again on their account page.");
                }
                if (password.generated()) System.out.println("Password (shown once): " + password.value());
            } catch (StaffAccounts.Refused e) {
                throw new IllegalArgumentException(e.getMessage());
            }
        }
    }

    record Chosen(String value, boolean generated) {}

    static Chosen choosePassword(String email) {
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("Password for %s (at least %d characters; empty to generate one): ", email, Passwords.MIN_LENGTH);
            if (typed != null && typed.length > 0) {
                char[] again = console.readPassword("The same password again: ");
                if (again == null || !new String(typed).equals(new String(again))) throw new IllegalArgumentException("the two passwords differ");
                String problem = Passwords.problem(new String(typed), email);
                if (problem != null) throw new IllegalArgumentException(problem);
                return new Chosen(new String(typed), false);
            }
        }
        return new Chosen(Passwords.generate(), true);
    }
}
