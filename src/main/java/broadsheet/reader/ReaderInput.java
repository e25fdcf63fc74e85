package broadsheet.reader;

import broadsheet.account.Passwords;
import java.util.regex.Pattern;

/** The checks on what readers type: lengths, the shape of an email, no control characters. */
public final class ReaderInput {
    public static final int EMAIL_MAX = 254;
    public static final int NAME_MAX = 80;
    public static final int PASSWORD_MAX = 1000;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private ReaderInput() {}

    /** What a reader typed that cannot be used; {@code field} names the form field. */
    public static final class Refused extends RuntimeException {
        private final String field;

        public Refused(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** The email, trimmed; refused unless it looks like one. */
    public static String email(String raw) {
        String e = raw == null ? "" : raw.strip();
        if (e.isEmpty()) throw new Refused("email", "Enter your email address.");
        if (e.length() > EMAIL_MAX) throw new Refused("email", "An email address has at most " + EMAIL_MAX + " characters.");
        if (hasControl(e) || !EMAIL.matcher(e).matches()) throw new Refused("email", "Enter an email address such as ann@example.com.");
        return e;
    }

    /** The name, trimmed; may be empty. */
    public static String name(String raw) {
        String n = raw == null ? "" : raw.strip();
        if (n.length() > NAME_MAX) throw new Refused("name", "A name has at most " + NAME_MAX + " characters.");
        if (hasControl(n)) throw new Refused("name", "A name cannot contain control characters.");
        return n;
    }

    /** A new password, as the newsroom's rules want it; refused with the reason. */
    public static String newPassword(String raw, String email) {
        if (raw != null && hasControl(raw)) throw new Refused("password", "A password cannot contain control characters.");
        String problem = Passwords.problem(raw, email);
        if (problem != null) throw new Refused("password", problem);
        return raw;
    }

    /** A password typed to be checked: anything up to the limit (longer ones are refused unchecked). */
    public static String typedPassword(String raw) {
        return raw == null || raw.length() > PASSWORD_MAX ? "" : raw;
    }

    static boolean hasControl(String s) {
        return s.chars().anyMatch(Character::isISOControl);
    }
}
