package broadsheet.media;

import broadsheet.web.Access;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the library's upload form ({@code multipart/form-data}: file, caption, credit, alt, syndicatable)
 * and hands the picture to {@link Uploads}. A file over the limit is refused by its declared size, before its
 * bytes are read into memory; anything else that is not a usable picture is refused with the processor's
 * words. Refusals carry what was typed, so the form is shown again as it was.
 */
final class UploadForm {
    static final String FILE_FIELD = "file";
    private static final int MAX_FILE_NAME = 200;

    private UploadForm() {}

    sealed interface Result {
        /** Stored, or found already in the library ({@code existed}). */
        record Stored(long id, boolean existed) implements Result {}

        /** Not stored: the status to answer with (400; 413 for a file over the limit; 503 when busy), the form and its problems. */
        record Refused(int status, MediaLibrary.Words form, Map<String, String> problems) implements Result {}
    }

    static Result receive(Context ctx, Uploads uploads, Instant now) {
        MediaLibrary.Words form = words(ctx);
        Map<String, String> problems = new LinkedHashMap<>(PictureWords.problems(form));
        UploadedFile file = ctx.isMultipartFormData() ? ctx.uploadedFile(FILE_FIELD) : null;
        if (file == null || (file.size() == 0 && blank(file.filename()))) {
            problems.put(FILE_FIELD, "Choose a picture file to upload.");
            return new Result.Refused(400, form, problems);
        }
        if (file.size() == 0) {
            problems.put(FILE_FIELD, "The file is empty. Nothing was stored.");
            return new Result.Refused(400, form, problems);
        }
        if (file.size() > uploads.maxBytes()) {
            problems.put(FILE_FIELD, "The file is " + megabytes(file.size()) + " MB; the limit is " + megabytes(uploads.maxBytes())
                    + " MB. Nothing was stored.");
            return new Result.Refused(413, form, problems);
        }
        if (!problems.isEmpty()) return new Result.Refused(400, form, problems);
        try {
            // the file waits where the parser put it (on disk past 1 MB) until the upload's turn comes
            Uploads.Added added = uploads.add(file::content, form, Access.visitor(ctx).actor(ctx.ip()), fileName(file.filename()), now);
            return new Result.Stored(added.id(), added.existed());
        } catch (PictureException e) {
            problems.put(FILE_FIELD, "This file cannot be used: " + e.getMessage() + ". Nothing was stored.");
            return new Result.Refused(400, form, problems);
        } catch (Uploads.Busy e) {
            ctx.header("Retry-After", String.valueOf(Uploads.Busy.RETRY_AFTER_SECONDS));
            problems.put(FILE_FIELD, "Other pictures are being processed just now. Send this one again in a few seconds; nothing was stored.");
            return new Result.Refused(503, form, problems);
        }
    }

    /** The words as typed, each made one line (runs of spaces and line breaks become one space), from an upload or the picture page. */
    static MediaLibrary.Words words(Context ctx) {
        return new MediaLibrary.Words(field(ctx, "caption"), field(ctx, "credit"), field(ctx, "alt"), ctx.formParam("syndicatable") != null);
    }

    private static String field(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null ? "" : v.replaceAll("\\s+", " ").strip();
    }

    private static String fileName(String name) {
        if (name == null) return "";
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        return base.length() > MAX_FILE_NAME ? base.substring(0, MAX_FILE_NAME) : base;
    }

    private static long megabytes(long bytes) {
        return (bytes + 1024 * 1024 - 1) / (1024 * 1024);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
