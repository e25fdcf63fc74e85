package broadsheet.api.admin;

import broadsheet.media.ImageStore;
import broadsheet.media.MediaLibrary;
import broadsheet.media.PictureException;
import broadsheet.media.Uploads;
import broadsheet.web.Access;
import broadsheet.web.CachePolicy;
import broadsheet.web.Json;
import broadsheet.web.SiteInfo;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
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
        byte[] bytes;
        String fileName;
        if (type.equals("multipart/form-data")) {
            UploadedFile file = ctx.uploadedFile("file");
            if (file == null) throw AdminProblem.badRequest("Send the picture as the form's \"file\" part.");
            if (file.size() > uploads.maxBytes()) throw tooLarge();
            try (InputStream in = file.content()) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw AdminProblem.badRequest("The picture could not be read from the form.");
            }
            fileName = file.filename();
        } else if (PICTURE_TYPES.contains(type)) {
            bytes = ctx.bodyAsBytes();
            fileName = "";
        } else {
            throw new AdminProblem(415, "Unsupported media type", "Send a JPEG, PNG, WebP or GIF picture as the body with its type "
                    + "(Content-Type: image/jpeg, image/png, image/webp or image/gif), or as the \"file\" part of multipart/form-data.");
        }
        if (bytes.length > uploads.maxBytes()) throw tooLarge();
        var words = new MediaLibrary.Words(word(ctx, "caption"), word(ctx, "credit"), word(ctx, "alt"));
        try {
            return uploads.add(bytes, words, Access.visitor(ctx).actor(ctx.ip()), fileName, clock.instant());
        } catch (PictureException e) {
            throw AdminProblem.badRequest("The picture was refused: " + e.getMessage() + ". Nothing was stored.");
        }
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
