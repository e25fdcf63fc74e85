package broadsheet.api.admin;

import broadsheet.editing.ArticleEditing;
import broadsheet.editing.EditingException;
import broadsheet.editing.Editor;
import broadsheet.editing.Publishing;
import broadsheet.web.SiteInfo;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Moving articles through the workflow from the Admin API: submit, publish, schedule and unpublish, each
 * with the version the client last saw. {@link Publishing} checks the role, the article's status and the
 * version, and writes the revision and the audit entry in the same transaction; this class reads the
 * request and answers with the article as it now is.
 */
public final class AdminWorkflowApi {
    private final Publishing publishing;
    private final AdminAnswers answers;
    private final Clock clock;

    public AdminWorkflowApi(Publishing publishing, ArticleEditing editing, SiteInfo siteInfo, Clock clock) {
        this.publishing = publishing;
        this.answers = new AdminAnswers(editing, siteInfo);
        this.clock = clock;
    }

    private interface Move {
        Publishing.Moved apply(Editor who, long id, int version, Instant now);
    }

    public void submit(Context ctx) {
        move(ctx, List.of("version"), r -> publishing::submit);
    }

    public void publish(Context ctx) {
        move(ctx, List.of("version"), r -> publishing::publish);
    }

    public void unpublish(Context ctx) {
        move(ctx, List.of("version"), r -> publishing::unpublish);
    }

    public void schedule(Context ctx) {
        move(ctx, List.of("at", "version"), r -> {
            Instant at = time(r);
            return (who, id, version, now) -> publishing.schedule(who, id, version, at, now);
        });
    }

    /**
     * Reads the request's members ({@code read} takes what the move needs besides the version), makes the
     * move, and answers with the article. Only a move that needs more than the version needs a body.
     */
    private void move(Context ctx, List<String> fields, Function<AdminRequest, Move> read) {
        answers.run(ctx, who -> {
            long id = AdminAnswers.id(ctx);
            Instant now = clock.instant();
            AdminRequest r = AdminRequest.of(ctx, fields.size() == 1, new LinkedHashMap<>());
            r.onlyKnown(fields, List.of());
            Move move = read.apply(r);
            int version = r.version(ctx);
            switch (move.apply(who, id, version, now)) {
                case Publishing.Moved.Done done -> {
                    try {
                        answers.current(ctx, 200, who, id);
                    } catch (EditingException e) {
                        // moved, but no longer this token's to open: say where it stands
                        answers.send(ctx, 200, Map.of("id", id, "version", done.version()));
                    }
                }
                case Publishing.Moved.Stale stale -> throw AdminProblem.versionConflict(version, stale.currentVersion(), null);
            }
        });
    }

    private static Instant time(AdminRequest r) {
        JsonNode v = r.body().get("at");
        if (v == null || v.isNull() || !v.isTextual()) {
            r.error("at", "When to publish, as an ISO-8601 time with its offset, such as 2025-12-08T07:00:00Z.");
            return null;
        }
        try {
            return OffsetDateTime.parse(v.textValue().strip()).toInstant();
        } catch (DateTimeParseException e) {
            r.error("at", "\"" + v.textValue() + "\" is not an ISO-8601 time with an offset, such as 2025-12-08T07:00:00Z.");
            return null;
        }
    }
}
