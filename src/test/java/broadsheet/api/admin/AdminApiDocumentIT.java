package broadsheet.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import broadsheet.shared.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The OpenAPI document against the route table: every Admin API route is described, and nothing else. */
@ExtendWith(TestDatabase.class)
class AdminApiDocumentIT {
    private static final String PREFIX = "/api/admin/v1";

    @RegisterExtension
    static final TestApp app = new TestApp();

    private static JsonNode document() throws Exception {
        return Json.MAPPER.readTree(AdminApiDocs.load());
    }

    /** "get /articles/{id}" for every Admin API route (HEAD is answered with GET's handler). */
    private static List<String> routes() {
        return app.app().routes().stream()
                .filter(r -> r.split(" ", 2)[1].startsWith(PREFIX + "/") && !r.startsWith("HEAD "))
                .map(r -> r.split(" ", 2)[0].toLowerCase(Locale.ROOT) + " " + r.split(" ", 2)[1].substring(PREFIX.length()))
                .distinct().toList();
    }

    @Test
    void theDocumentIsOpenApi31() throws Exception {
        JsonNode doc = document();
        assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
        assertThat(doc.at("/servers/0/url").asText()).isEqualTo(PREFIX);
        assertThat(doc.at("/components/securitySchemes/bearerAuth/scheme").asText()).isEqualTo("bearer");
    }

    @Test
    void everyRouteIsDescribedAndEveryDescriptionIsARoute() throws Exception {
        JsonNode paths = document().get("paths");
        List<String> routes = routes();
        assertThat(routes).contains("post /articles", "put /articles/{id}", "post /images", "get /openapi.json");
        for (String route : routes) {
            String method = route.split(" ")[0];
            String path = route.split(" ")[1];
            assertThat(paths.path(path).has(method)).as(route + " in the OpenAPI document").isTrue();
        }
        List<String> described = new ArrayList<>();
        paths.fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> {
            if (!m.equals("parameters")) described.add(m + " " + p.getKey());
        }));
        assertThat(routes).containsExactlyInAnyOrderElementsOf(described);
    }

    @Test
    void everyReferenceResolves() throws Exception {
        JsonNode doc = document();
        List<String> refs = new ArrayList<>();
        collect(doc, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).startsWith("#/");
            assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        }
    }

    private static void collect(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("$ref")) refs.add(e.getValue().asText());
                else collect(e.getValue(), refs);
            });
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, refs));
        }
    }
}
