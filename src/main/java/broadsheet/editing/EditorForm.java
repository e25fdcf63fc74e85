package broadsheet.editing;

import broadsheet.article.ArticleContent;
import broadsheet.article.LeadPicture;
import broadsheet.article.SearchFields;
import broadsheet.content.AccessLevel;
import broadsheet.content.CommentPolicy;
import broadsheet.web.HttpProblem;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/** Reads the editor form: the article's content, the version it was based on, and for published articles the kind of change. */
final class EditorForm {
    private EditorForm() {}

    static ArticleContent draft(Context ctx) {
        return draft(ctx, AccessLevel.FREE, CommentPolicy.OPEN);
    }

    /** The content, with the given access and comment policy where the form has none (the paper's defaults, for a new article). */
    static ArticleContent draft(Context ctx, AccessLevel access, CommentPolicy comments) {
        return ArticleContent.builder()
                .headline(oneLine(ctx.formParam("headline"))).standfirst(ctx.formParam("standfirst")).slug(ctx.formParam("slug"))
                .section(ctx.formParam("section")).bylines(lines(ctx.formParam("bylines"))).topics(lines(ctx.formParam("topics")))
                .lead(new LeadPicture(imageId(ctx.formParam("leadImageId")), ctx.formParam("leadImageCaption"),
                        ctx.formParam("leadImageCredit"), ctx.formParam("leadImageAlt")))
                .body(ctx.formParam("body"))
                .access(AccessLevel.fromWord(nz(ctx.formParam("access"))).orElse(access))
                .comments(CommentPolicy.fromWord(nz(ctx.formParam("comments"))).orElse(comments))
                .search(new SearchFields(ctx.formParam("seoTitle"), ctx.formParam("seoDescription")))
                .build();
    }

    static int version(Context ctx) {
        String v = ctx.formParam("version");
        if (v == null || !v.matches("[0-9]{1,9}")) throw HttpProblem.badRequest("The form is missing the article's version; reload the editor.");
        return Integer.parseInt(v);
    }

    static ChangeKind kind(Context ctx) {
        return ChangeKind.fromWord(nz(ctx.formParam("change"))).orElse(ChangeKind.MINOR);
    }

    static String note(Context ctx) {
        return nz(ctx.formParam("note"));
    }

    /** A time typed in the paper's zone ({@code 2025-12-08T07:00}), for scheduling. */
    static Instant localTime(String value, ZoneId zone) {
        try {
            return LocalDateTime.parse(nz(value)).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw HttpProblem.badRequest("Give the publication time as a date and time, such as 2025-12-08T07:00.");
        }
    }

    /** One name per line (commas also separate), in order. */
    static List<String> lines(String text) {
        if (text == null) return List.of();
        return Arrays.stream(text.split("[\\r\\n,]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * The headline as one line: its field grows to show every line it wraps to, so a line break pasted into it
     * (from a document or a mail) is a space, as the reader will see it; the content's own check still refuses one
     * sent by the API.
     */
    static String oneLine(String text) {
        return text == null ? null : text.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    private static Long imageId(String raw) {
        if (raw == null || raw.isBlank()) return null;
        if (!raw.strip().matches("[0-9]{1,18}")) throw HttpProblem.badRequest("The lead picture must be chosen from the media library.");
        return Long.parseLong(raw.strip());
    }

    private static String nz(String s) {
        return s == null ? "" : s.strip();
    }
}
