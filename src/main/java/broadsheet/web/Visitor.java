package broadsheet.web;

import broadsheet.shared.AuditLog;
import broadsheet.shared.Staff;
import broadsheet.shared.StaffRole;
import java.time.Instant;
import java.util.Optional;

/** Who is making a newsroom or Admin API request: a signed-in member of staff, or an API token. */
public sealed interface Visitor {
    StaffRole role();

    /** The actor for the audit log. */
    AuditLog.Actor actor(String ip);

    /** The staff id, or null for a token. */
    Long staffId();

    /** A member of staff signed in to the newsroom, and the CSRF token of their session. */
    record SignedIn(Staff staff, String csrf) implements Visitor {
        @Override
        public StaffRole role() {
            return staff.role();
        }

        @Override
        public AuditLog.Actor actor(String ip) {
            return AuditLog.Actor.of(staff, ip);
        }

        @Override
        public Long staffId() {
            return staff.id();
        }
    }

    /** An Admin API token: its id, the name it was given and its role. */
    record Token(long id, String name, StaffRole role) implements Visitor {
        @Override
        public AuditLog.Actor actor(String ip) {
            return new AuditLog.Actor(null, "API token: " + name, ip);
        }

        @Override
        public Long staffId() {
            return null;
        }
    }

    /**
     * How the access check learns who is asking, answered by the staff accounts (wired by the composition
     * root): the newsroom session a cookie names, and the Admin API token a bearer value names.
     */
    interface Lookup {
        /** The member of staff fully signed in with this session cookie (password and, when on, code), or empty. */
        Optional<SignedIn> session(String cookie, Instant now);

        /** The live token with this bearer value, or empty. */
        Optional<Token> token(String bearer, Instant now);
    }
}
