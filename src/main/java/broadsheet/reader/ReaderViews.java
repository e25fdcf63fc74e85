package broadsheet.reader;

import broadsheet.web.Meta;
import broadsheet.web.Site;
import java.util.List;

/** What the readers' account templates receive. Each page is framed by the public site's layout. */
public final class ReaderViews {
    private ReaderViews() {}

    /** What a reader typed that was refused: the field's name and the message shown beside it; {@link #NONE} when nothing was. */
    public record Problem(String field, String message) {
        public static final Problem NONE = new Problem("", null);

        /** The message for this field, or null. */
        public String on(String name) {
            return field.equals(name) ? message : null;
        }
    }

    public record SignUpView(Site site, Meta meta, String formToken, String next, String email, String name, Problem problem) {}

    /**
     * @param error a sign-in refused, or null
     * @param unconfirmed the account's address is still to be confirmed: offer to send the link again
     */
    public record SignInView(Site site, Meta meta, String formToken, String next, String email, String error, boolean unconfirmed) {}

    public record ForgotView(Site site, Meta meta, String formToken) {}

    /** The page a mailed link opens: one button that uses the link (a POST, so mail scanners following links do not). */
    public record LinkView(Site site, Meta meta, String formToken, String action, String token, String next, String heading,
                           String text, String button) {}

    public record ResetView(Site site, Meta meta, String formToken, String token, Problem problem) {}

    /** A page that only says something, with one link onwards. */
    public record MessageView(Site site, Meta meta, String heading, String text, String linkHref, String linkText) {}

    /** One of the reader's sessions as the account page lists it. */
    public record SessionRow(String started, String lastSeen, String browser, boolean current) {}

    /** One of the yes-or-no choices on the account page, as it stands for the reader. */
    public record ChoiceRow(String name, String path, String heading, String label, boolean on) {}

    /**
     * @param form the form a problem belongs to ({@code email}, {@code password}, {@code delete}), or empty
     * @param notice what was just done, or null
     */
    /** @param access what the reader may read beyond the free articles, in one line, or null for nothing more */
    public record AccountView(Site site, Meta meta, String csrf, String email, String name, boolean confirmed, boolean hasPassword,
                              String access, List<SessionRow> sessions, String form, Problem problem, String notice,
                              List<ChoiceRow> choices) {
        public Problem problemIn(String formName) {
            return form.equals(formName) ? problem : Problem.NONE;
        }
    }
}
