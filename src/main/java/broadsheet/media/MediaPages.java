package broadsheet.media;

import broadsheet.storage.BlobStore;
import broadsheet.web.ByteRange;
import broadsheet.web.CachePolicy;
import broadsheet.web.HttpProblem;
import io.javalin.http.Context;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/**
 * Serves picture files at {@code /media/{key}}. Keys are named by content, so files are cached for a year
 * and never change; a CDN in front takes nearly all of this traffic. One range of bytes is served on request
 * ({@code Range}, with {@code If-Range} naming the ETag), so a CDN or a browser can finish what it began.
 */
public final class MediaPages {
    private static final Pattern KEY = Pattern.compile("^images/[0-9a-f]{2}/[0-9a-f]{64}(-[0-9]{1,5}(-dense)?)?\\.(jpg|png|webp|gif)$");
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
        ctx.header("Accept-Ranges", "bytes");
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(mediaType(key));
        switch (ByteRange.of(ctx.header("Range"), ctx.header("If-Range"), etag, blob.size())) {
            case ByteRange.Whole whole -> {
                ctx.header("Content-Length", String.valueOf(blob.size()));
                ctx.result(blob.open());
            }
            case ByteRange.Part part -> {
                ctx.status(206);
                ctx.header("Content-Range", part.contentRange());
                ctx.header("Content-Length", String.valueOf(part.length()));
                ctx.result(slice(blob, part));
            }
            case ByteRange.Unsatisfiable none -> {
                // about this request's range, not the file: no cache may keep it in the file's place
                ctx.header("Cache-Control", CachePolicy.NO_STORE.header());
                ctx.status(416);
                ctx.header("Content-Range", none.contentRange());
                ctx.result(new byte[0]);
            }
        }
    }

    /** The bytes of the part, read from the file as they are sent. */
    private static InputStream slice(BlobStore.Blob blob, ByteRange.Part part) {
        InputStream in = blob.open();
        try {
            in.skipNBytes(part.first());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FilterInputStream(in) {
            private long left = part.length();

            @Override
            public int read() throws IOException {
                if (left <= 0) return -1;
                int b = super.read();
                if (b >= 0) left--;
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (left <= 0) return -1;
                int n = super.read(buffer, offset, (int) Math.min(length, left));
                if (n > 0) left -= n;
                return n;
            }
        };
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
