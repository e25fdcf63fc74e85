package broadsheet.web;

import io.javalin.http.Context;

/**
 * The one access check, run before every matched route: a route must name a role, and the visitor must
 * hold it. A route without a role is refused, so forgetting one fails closed.
 */
public final class Access {
    private Access() {}

    public static void check(Context ctx) {
        var roles = ctx.routeRoles();
        if (roles.contains(Role.ANYONE)) return;
        throw new HttpProblem(403, "Forbidden", "You may not use this address.");
    }
}
