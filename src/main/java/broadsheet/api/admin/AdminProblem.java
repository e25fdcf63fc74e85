package broadsheet.api.admin;

import broadsheet.web.CachePolicy;
import broadsheet.web.ProblemJson;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An Admin API request refused, answered as RFC 9457 problem JSON. Problems with members beyond the
 * standard ones (the field errors of a 422, the current version of a 409) have their own {@code type},
 * which points into the OpenAPI document where they are described; the others are {@code about:blank}.
 * Refusals of the access check (401, and 403 for a role too low) are written by the site's error pages;
 * both write through {@link ProblemJson}, so every refusal has the same shape.
 */
final class AdminProblem extends RuntimeException {
    static final String DOCS = "/api/admin/v1/openapi.json";
    private final int status;
    private final String title;
    private final String type;
    private final Map<String, Object> members;
    private final int retryAfterSeconds;

    AdminProblem(int status, String title, String detail) {
        this(status, title, detail, null, Map.of(), 0);
    }

    private AdminProblem(int status, String title, String detail, String type, Map<String, Object> members, int retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.title = title;
        this.type = type;
        this.members = members;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static AdminProblem badRequest(String detail) {
        return new AdminProblem(400, "Bad request", detail);
    }

    static AdminProblem notFound(String detail) {
        return new AdminProblem(404, "Not found", detail);
    }

    /** 503: busy for the moment; {@code Retry-After} says when to try again. */
    static AdminProblem busy(int retryAfterSeconds, String detail) {
        return new AdminProblem(503, "Busy", detail, null, Map.of(), retryAfterSeconds);
    }

    /** 422 with one message per field, keyed by the field's name in the request (nested as {@code leadImage.id}). */
    static AdminProblem invalid(Map<String, String> errors) {
        String detail = errors.size() == 1 ? "One field needs correcting; nothing was saved." : errors.size() + " fields need correcting; nothing was saved.";
        return new AdminProblem(422, "Invalid request", detail, "#/components/schemas/ValidationProblem", Map.of("errors", errors), 0);
    }

    /** 409: the article changed since the version the client sent; {@code current} is the article as it is now. */
    static AdminProblem versionConflict(int sent, int currentVersion, Object current) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("currentVersion", currentVersion);
        if (current != null) members.put("current", current);
        return new AdminProblem(409, "Version conflict", "The article changed since version " + sent + "; it is now at version "
                + currentVersion + ". Nothing was saved. Fetch it, merge your changes and send them with the current version.",
                "#/components/schemas/VersionConflictProblem", members, 0);
    }

    /** Answers the request with this problem; {@code baseUrl} is the site's, which the problem's own {@code type} is under. */
    void write(Context ctx, String baseUrl) {
        if (retryAfterSeconds > 0) ctx.header("Retry-After", String.valueOf(retryAfterSeconds));
        new ProblemJson(type == null ? "about:blank" : baseUrl + DOCS + type, title, status, getMessage(), members)
                .send(ctx, CachePolicy.NO_STORE);
    }
}
