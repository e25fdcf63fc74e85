package broadsheet.web;

import broadsheet.account.ApiTokens;
import broadsheet.shared.AuditLog;
import broadsheet.account.Sessions;
import broadsheet.shared.StaffRole;

/** Who is making a newsroom or Admin API request: a signed-in member of staff, or an API token. */
public sealed interface Visitor {
    StaffRole role();

    /** The actor for the audit log. */
    AuditLog.Actor actor(String ip);

    /** The staff id, or null for a token. */
    Long staffId();

    record Staff(Sessions.Session session) implements Visitor {
        public broadsheet.account.Staff staff() {
            return session.staff();
        }

        @Override
        public StaffRole role() {
            return session.staff().role();
        }

        @Override
        public AuditLog.Actor actor(String ip) {
            return AuditLog.Actor.of(session.staff(), ip);
        }

        @Override
        public Long staffId() {
            return session.staff().id();
        }

        public String csrf() {
            return session.csrfToken();
        }
    }

    record Token(ApiTokens.Token token) implements Visitor {
        @Override
        public StaffRole role() {
            return token.role();
        }

        @Override
        public AuditLog.Actor actor(String ip) {
            return new AuditLog.Actor(null, "API token: " + token.name(), ip);
        }

        @Override
        public Long staffId() {
            return null;
        }
    }
}
