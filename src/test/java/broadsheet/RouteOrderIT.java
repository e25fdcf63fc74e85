package broadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The busiest pages' routes come first in the table ({@link Routes#FIRST}), ahead of routes that were written before them.
 * That is only safe while no other route can match a path of their shapes: this holds the table to it, so a route added
 * later with such a shape (five segments and a slash, say) fails here rather than being shadowed in silence.
 */
@ExtendWith(TestDatabase.class)
class RouteOrderIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    /** The file routes: their names never end in a slash, which every first route's paths do. */
    private static final List<String> FILES = List.of("/assets/<name>", "/media/<key>");

    @Test
    void theFirstRoutesAreTriedFirstAndNoOtherRouteMatchesTheirPaths() {
        List<String> routes = app.app().routes();
        List<String> gets = routes.stream().filter(r -> r.startsWith("GET ")).map(r -> r.substring(4)).toList();
        assertThat(gets.subList(0, Routes.FIRST.size())).isEqualTo(Routes.FIRST);
        for (String first : Routes.FIRST) {
            for (String route : routes) {
                String path = route.substring(route.indexOf(' ') + 1);
                if (path.equals(first) || FILES.contains(path)) continue;
                assertThat(overlap(first, path)).as(first + " and " + route + " could both match one path").isFalse();
            }
        }
    }

    @Test
    void theOverlapCheckSeesWhatOverlaps() {
        assertThat(overlap("/{section}/{yyyy}/{mm}/{dd}/{slug}/", "/newsroom/{a}/{b}/{c}/{d}/")).isTrue();
        assertThat(overlap("/{section}/{yyyy}/{mm}/{dd}/{slug}/", "/files/<rest>")).isTrue();
        assertThat(overlap("/{section}/{yyyy}/{mm}/{dd}/{slug}/", "/newsroom/articles/{id}/revisions/{n}")).isFalse();
        assertThat(overlap("/", "/{section}/")).isFalse();
        assertThat(overlap("/{section}/", "/topics/")).isTrue();
    }

    @Test
    void aFileRoutesPathEndingInASlashIsNoArticle() {
        assertThat(app.get("/media/2025/12/07/harbour/").statusCode()).isEqualTo(404);
        assertThat(app.get("/assets/2025/12/07/site/").statusCode()).isEqualTo(404);
    }

    /**
     * Whether two route paths as Javalin writes them could match one request path: segment by segment, literals equal
     * or either a {@code {parameter}}; a {@code <wildcard>} (which may take slashes) matches whatever follows it.
     */
    private static boolean overlap(String a, String b) {
        String[] x = a.split("/", -1);
        String[] y = b.split("/", -1);
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            boolean xWild = i < x.length && x[i].startsWith("<");
            boolean yWild = i < y.length && y[i].startsWith("<");
            if (xWild || yWild) return true;
            if (i >= x.length || i >= y.length) return false;
            if (x[i].startsWith("{") || y[i].startsWith("{")) {
                // a parameter takes one whole segment, never an empty one
                if (x[i].isEmpty() || y[i].isEmpty()) return false;
                continue;
            }
            if (!x[i].equals(y[i])) return false;
        }
        return true;
    }
}
