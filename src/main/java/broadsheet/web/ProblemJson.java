package broadsheet.web;

import broadsheet.shared.Json;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RFC 9457 problem details ({@code application/problem+json}), the one shape of every refusal under {@code /api/}:
 * the site's error answers, the Admin API's own refusals and the errors Jetty raises before a request reaches the
 * site are all written here. Members beyond the standard five (the field errors of a 422, the current version of
 * a 409) follow them. Which problem to answer is the caller's; how it is cached is too.
 *
 * @param type    a URI describing the kind of problem, or {@code about:blank}
 * @param members further members, in order; empty for none
 */
public record ProblemJson(String type, String title, int status, String detail, Map<String, Object> members) {
    public static final String CONTENT_TYPE = "application/problem+json";

    /** A problem with only the standard members ({@code about:blank}). */
    public static ProblemJson of(int status, String title, String detail) {
        return new ProblemJson("about:blank", title, status, detail, Map.of());
    }

    /** The JSON body, about the request for {@code instance} (its path). */
    public byte[] bytes(String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", instance);
        body.putAll(members);
        return Json.bytes(body);
    }

    /** Answers the request with this problem: its status and body, sent as every error answer is ({@link Pages#sendError}). */
    public void send(Context ctx, CachePolicy cache) {
        ctx.status(status);
        Pages.sendError(ctx, bytes(ctx.path()), CONTENT_TYPE, cache);
    }
}
