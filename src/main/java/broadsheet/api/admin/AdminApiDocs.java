package broadsheet.api.admin;

import broadsheet.web.CachePolicy;
import broadsheet.web.Pages;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The Admin API's OpenAPI 3.1 document, written by hand in {@code src/main/resources/api/admin-openapi.json}
 * and served as is to anyone: it describes the API, it opens nothing.
 */
public final class AdminApiDocs {
    public static final String RESOURCE = "/api/admin-openapi.json";
    private final byte[] document;
    private final Pages pages;

    public AdminApiDocs(Pages pages) {
        this.pages = pages;
        this.document = load();
    }

    public void openApi(Context ctx) {
        pages.send(ctx, document, "application/json", CachePolicy.PUBLIC_API, List.of("admin-api-docs"), Map.of());
    }

    /** The document's bytes, from the class path. */
    public static byte[] load() {
        try (InputStream in = AdminApiDocs.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing " + RESOURCE);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
