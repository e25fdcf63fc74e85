package broadsheet.api.admin;

import broadsheet.shared.AuditLog;
import broadsheet.media.ImageStore;
import broadsheet.media.MediaLibrary;
import broadsheet.media.PictureException;
import broadsheet.media.Uploads;
import broadsheet.web.Access;
import broadsheet.web.BodyLimits;
import broadsheet.web.CachePolicy;
import broadsheet.web.HttpProblem;
import broadsheet.shared.Json;
import broadsheet.web.SiteInfo;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * Pictures into the media library from the Admin API: the picture as the whole body (its media type as
 * {@code Content-Type}, words in the query), or as the {@code file} part of a multipart form (words as
 * fields). The declared type only says the body is meant as a picture: what it is, whether it is sound and
 * what is kept is decided by {@link Uploads}, which leaves nothing behind when it refuses one.
 */
public final class AdminImagesApi {
    private static final List<String> PICTURE_TYPES = List.of("image/jpeg", "image/png", "image/webp", "image/gif");
    private final Uploads uploads;
    private final ImageStore images;
    private final SiteInfo siteInfo;
    private final Clock clock;

    public AdminImagesApi(Uploads uploads, ImageStore images, SiteInfo siteInfo, Clock clock) {
        this.uploads = uploads;
        this.images = images;
        this.siteInfo = siteInfo;
        this.clock = clock;
    }

    public void upload(Context ctx) {
        try {
            long id = add(ctx);
            var picture = images.picture(id).orElseThrow(() -> new IllegalStateException("picture " + id + " has no renditions"));
            ctx.status(201);
            ctx.header("Cache-Control", CachePolicy.NO_STORE.header());
            ctx.contentType("application/json");
            ctx.result(Json.bytes(new AdminJson(siteInfo.site()).picture(picture)));
        } catch (AdminProblem p) {
            p.write(ctx, siteInfo.site().baseUrl());
        }
    }

    private long add(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT).split(";")[0].strip();
        var actor = Access.visitor(ctx).actor(ctx.ip());
        if (type.equals("multipart/form-data")) {
            UploadedFile file = part(ctx);
            if (file == null) throw AdminProblem.badRequest("Send the picture as the form's \"file\" part.");
            if (file.size() > uploads.maxBytes()) throw tooLarge();
            // the part waits where the parser put it (on disk past 1 MB) until the upload's turn comes
            return store(file::content, words(ctx), actor, file.filename());
        }
        if (!PICTURE_TYPES.contains(type)) {
            throw new AdminProblem(415, "Unsupported media type", "Send a JPEG, PNG, WebP or GIF picture as the body with its type "
                    + "(Content-Type: image/jpeg, image/png, image/webp or image/gif), or as the \"file\" part of multipart/form-data.");
        }
        if (ctx.req().getContentLengthLong() > uploads.maxBytes()) throw tooLarge();
        // The body goes to a temporary file as it arrives, so a slow client holds disk rather than memory,
        // and no turn: the picture comes into memory only in its turn.
        Path body = null;
        try {
            body = Files.createTempFile("broadsheet-upload-", ".part");
            try (InputStream in = ctx.req().getInputStream(); OutputStream out = Files.newOutputStream(body)) {
                byte[] buffer = new byte[64 * 1024];
                long total = 0;
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    total += n;
                    if (total > uploads.maxBytes()) throw tooLarge();
                    out.write(buffer, 0, n);
                }
            }
            Path stored = body;
            return store(() -> Files.newInputStream(stored), words(ctx), actor, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (body != null) body.toFile().delete();
        }
    }

    private long store(Uploads.Source source, MediaLibrary.Words words, AuditLog.Actor actor, String fileName) {
        try {
            return uploads.add(source, words, actor, fileName, clock.instant()).id();
        } catch (PictureException e) {
            throw AdminProblem.badRequest("The picture was refused: " + e.getMessage() + ". Nothing was stored.");
        } catch (Uploads.Busy e) {
            throw AdminProblem.busy(Uploads.Busy.RETRY_AFTER_SECONDS, "Other pictures are being processed just now. Send this one again in a "
                    + "few seconds; nothing was stored.");
        }
    }

    /** The form's file part; a form the parser cannot read (no boundary, cut short, too large) is a problem. */
    private static UploadedFile part(Context ctx) {
        try {
            return ctx.uploadedFile("file");
        } catch (Exception e) { // Jetty's ServletException arrives undeclared, through Kotlin
            HttpProblem p = BodyLimits.unreadable(e).orElseGet(() -> HttpProblem.badRequest(
                    "The form could not be read: send multipart/form-data with its boundary, ended by the closing boundary."));
            throw new AdminProblem(p.status(), p.title(), p.detail());
        }
    }

    private static MediaLibrary.Words words(Context ctx) {
        return new MediaLibrary.Words(word(ctx, "caption"), word(ctx, "credit"), word(ctx, "alt"));
    }

    private AdminProblem tooLarge() {
        return new AdminProblem(413, "Too large", "The picture is larger than the limit of " + uploads.maxBytes() / (1024 * 1024)
                + " MB. Nothing was stored.");
    }

    /** A word for the picture: a form field of a multipart upload, or a query parameter. */
    private static String word(Context ctx, String name) {
        String value = ctx.isMultipartFormData() ? ctx.formParam(name) : null;
        if (value == null) value = ctx.queryParam(name);
        return value == null ? "" : value.strip();
    }
}
