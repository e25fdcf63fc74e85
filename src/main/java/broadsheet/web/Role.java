package broadsheet.web;

import io.javalin.security.RouteRole;

/**
 * Who may use a route. Every route in {@link Routes} names one; a route without a role is refused.
 * Newsroom roles arrive with the newsroom.
 */
public enum Role implements RouteRole {
    /** Readers, robots and anyone else. */
    ANYONE
}
