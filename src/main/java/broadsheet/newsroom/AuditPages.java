package broadsheet.newsroom;

import broadsheet.shared.AuditLog;
import broadsheet.shared.Page;
import broadsheet.web.CachePolicy;
import broadsheet.web.HttpProblem;
import broadsheet.shared.Json;
import broadsheet.web.Pages;
import broadsheet.web.Pagination;
import broadsheet.web.Template;
import com.fasterxml.jackson.databind.JsonNode;
import gg.jte.generated.precompiled.newsroom.JteauditGenerated;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The audit log for admins: newest first, a page at a time, narrowed to one action. What is written to
 * the log, and when, is {@link AuditLog}'s business and that of the services that record changes.
 */
public final class AuditPages {
    private static final Template<View> PAGE = JteauditGenerated::render;
    public static final int PAGE_SIZE = 50;
    private final AuditLog log;
    private final Frames frames;
    private final Pages pages;
    private final ZoneId zone;

    public AuditPages(AuditLog log, Frames frames, Pages pages, ZoneId zone) {
        this.log = log;
        this.frames = frames;
        this.pages = pages;
        this.zone = zone;
    }

    /** One line as shown: the entry, and its details as "key: value" lines. */
    public record Row(AuditLog.Entry entry, List<String> details) {}

    /** The page; {@code query} is the filter to carry into the pager's links ("" or "action=...&"). */
    public record View(Frame frame, Page<Row> page, List<String> actions, String action, String query, ZoneId zone) {}

    public void show(Context ctx) {
        String action = ctx.queryParam("action");
        action = action == null || action.isBlank() ? "" : action.strip();
        if (action.length() > 100) throw HttpProblem.badRequest("There is no such action.");
        int number = Pagination.page(ctx);
        Page<AuditLog.Entry> entries = log.page(number, PAGE_SIZE, action);
        Pagination.checkExists(number, entries.lastPage());
        List<Row> rows = entries.items().stream().map(e -> new Row(e, details(e.details()))).toList();
        List<String> actions = new ArrayList<>(log.actions());
        if (!action.isEmpty() && !actions.contains(action)) actions.add(action);
        String query = action.isEmpty() ? "" : "action=" + URLEncoder.encode(action, StandardCharsets.UTF_8) + "&";
        var view = new View(frames.of(ctx, "audit"), new Page<>(rows, entries.number(), entries.size(), entries.total()),
                actions, action, query, zone);
        pages.html(ctx, PAGE, view, CachePolicy.NO_STORE, List.of());
    }

    /** The details object as lines; anything that is not an object is shown as it is. */
    static List<String> details(String json) {
        if (json == null || json.isBlank()) return List.of();
        try {
            var node = Json.MAPPER.readTree(json);
            if (!node.isObject()) return List.of(json);
            List<String> lines = new ArrayList<>();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                var value = field.getValue();
                lines.add(field.getKey() + ": " + (value.isValueNode() ? value.asText() : value.toString()));
            }
            return lines;
        } catch (IOException e) {
            return List.of(json);
        }
    }
}
