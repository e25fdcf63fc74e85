package broadsheet.web;

import broadsheet.shared.StaffRole;
import io.javalin.security.RouteRole;

/**
 * Who may use a route. Every route in {@link Routes} names one; a route without a role is refused.
 * {@link #ANYONE} routes are public and never look at who is asking; {@link #READER} routes need a signed-in
 * reader of the public site; the others need a signed-in member of staff (or an Admin API token) holding at least
 * that role. The two kinds never stand in for each other: a reader is no staff role, and staff are no reader.
 */
public enum Role implements RouteRole {
    /** Readers, robots and anyone else. */
    ANYONE(null),
    /** A reader signed in to the public site (never a member of staff as such). */
    READER(null),
    CONTRIBUTOR(StaffRole.CONTRIBUTOR),
    /** Readers' comments: moderators, editors and admins. */
    MODERATOR(StaffRole.MODERATOR),
    REPORTER(StaffRole.REPORTER),
    EDITOR(StaffRole.EDITOR),
    ADMIN(StaffRole.ADMIN);

    private final StaffRole staffRole;

    Role(StaffRole staffRole) {
        this.staffRole = staffRole;
    }

    /** The least staff role that may use the route, or null for anyone and for readers. */
    public StaffRole staffRole() {
        return staffRole;
    }
}
