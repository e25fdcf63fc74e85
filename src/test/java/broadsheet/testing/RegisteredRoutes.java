package broadsheet.testing;

import broadsheet.App;
import io.javalin.Javalin;
import io.javalin.router.ParsedEndpoint;
import io.javalin.security.Roles;
import io.javalin.security.RouteRole;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The routes a running server actually registered, read from its Javalin router, so tests can check the
 * route table as it is rather than as a test believes it to be. The App keeps its Javalin to itself; it is
 * read here by reflection, which only tests do.
 */
public final class RegisteredRoutes {
    /** One registered route: the method, the path as written in the table, and the roles it names. */
    public record Route(String method, String path, Set<String> roles) {
        public String key() {
            return method + " " + path;
        }
    }

    private RegisteredRoutes() {}

    /** The routes for HTTP methods (not before and after handlers), by path then method. */
    public static List<Route> of(App app) {
        Javalin javalin = javalin(app);
        return javalin.unsafe.internalRouter.allHttpHandlers().stream()
                .filter(e -> e.endpoint.method.isHttpMethod())
                .map(RegisteredRoutes::route)
                .sorted(Comparator.comparing(Route::path).thenComparing(Route::method))
                .toList();
    }

    private static Route route(ParsedEndpoint parsed) {
        var endpoint = parsed.endpoint;
        Roles roles = endpoint.metadata(Roles.class);
        Set<String> names = new TreeSet<>();
        if (roles != null) for (RouteRole r : roles.getRoles()) names.add(r.toString());
        return new Route(endpoint.method.name(), endpoint.path, names);
    }

    private static Javalin javalin(App app) {
        try {
            var field = App.class.getDeclaredField("server");
            field.setAccessible(true);
            return (Javalin) field.get(app);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the App no longer keeps its Javalin in a field named server", e);
        }
    }
}
