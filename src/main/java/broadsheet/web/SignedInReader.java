package broadsheet.web;

import java.time.Instant;
import java.util.Optional;

/**
 * A reader signed in to the public site: never a member of staff, and never let into the newsroom. Carries
 * what pages show of them (the name in the header), and the CSRF token of their session for the forms they post.
 *
 * @param name how the reader is greeted; may be empty, when pages use the email's local part
 */
public record SignedInReader(long id, String name, String email, String csrf) {

    /** The name to show: the reader's own, or the part of the email before {@code @}. */
    public String shownName() {
        return name.isBlank() ? email.substring(0, Math.max(0, email.indexOf('@'))) : name;
    }

    /**
     * How the site learns which reader a cookie names, answered by the reader accounts (wired by the composition
     * root), so the toolkit knows no feature.
     */
    public interface Lookup {
        /** The reader signed in with this session cookie, or empty. */
        Optional<SignedInReader> session(String cookie, Instant now);
    }
}
