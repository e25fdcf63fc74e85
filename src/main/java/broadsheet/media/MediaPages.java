package broadsheet.media;

import broadsheet.storage.BlobStore;
import broadsheet.web.CachePolicy;
import broadsheet.web.HttpProblem;
import io.javalin.http.Context;
import java.util.regex.Pattern;

/**
 * Serves picture files at {@code /media/{key}}. Keys are named by content, so files are cached for a year
 * and never change; a CDN in front takes nearly all of this traffic.
 */
public final class MediaPages {
    private static final Pattern KEY = Pattern.compile("^images/[0-9a-f]{2}/[0-9a-f]{64}(-[0-9]{1,5})?\\.(jpg|png|webp|gif)$");
    private final BlobStore blobs;

    public MediaPages(BlobStore blobs) {
        this.blobs = blobs;
    }

    public void serve(Context ctx) {
        String key = ctx.path().substring(ImageStore.URL_PREFIX.length());
        if (!KEY.matcher(key).matches()) throw HttpProblem.notFound();
        BlobStore.Blob blob = blobs.get(key).orElseThrow(HttpProblem::notFound);
        String etag = "\"" + key.substring(key.lastIndexOf('/') + 1) + "\"";
        ctx.header("Cache-Control", CachePolicy.IMMUTABLE.header());
        ctx.header("ETag", etag);
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(mediaType(key));
        ctx.header("Content-Length", String.valueOf(blob.size()));
        ctx.result(blob.open());
    }

    private static String mediaType(String key) {
        String ext = key.substring(key.lastIndexOf('.') + 1);
        return switch (ext) {
            case "jpg" -> "image/jpeg";
            case "png" -> "image/png";
            case "webp" -> "image/webp";
            case "gif" -> "image/gif";
            default -> "application/octet-stream";
        };
    }
}
