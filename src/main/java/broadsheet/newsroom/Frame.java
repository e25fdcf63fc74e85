package broadsheet.newsroom;

import broadsheet.shared.Staff;
import broadsheet.shared.StaffRole;
import java.util.function.LongSupplier;

/**
 * What every newsroom page shows around its content: the paper's name, who is signed in, the CSRF token
 * for the page's forms, which part of the newsroom is open, the stylesheet and script to load, and how many
 * readers' comments wait for a moderator (asked only when the menu shows it, to those who moderate).
 */
public record Frame(String siteName, Staff staff, String csrf, String current, String stylesheet, String script,
                    LongSupplier pendingComments) {
    public Frame {
        pendingComments = pendingComments == null ? () -> 0 : pendingComments;
    }

    public boolean atLeast(StaffRole role) {
        return staff != null && staff.role().atLeast(role);
    }

    public boolean isEditor() {
        return atLeast(StaffRole.EDITOR);
    }

    public boolean isAdmin() {
        return atLeast(StaffRole.ADMIN);
    }

    public Frame at(String section) {
        return new Frame(siteName, staff, csrf, section, stylesheet, script, pendingComments);
    }
}
