package broadsheet.importing;

import static broadsheet.importing.FrontMatterValues.quoted;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the pictures an article names from files beside it. Owns where a picture may come from (the article's
 * folder and the folders below it, never another server), the 20 MB limit and a first look at the bytes (JPEG,
 * PNG, GIF or WebP); leaves captions, credits and alt text to its callers and renditions to the media library.
 */
final class PictureFiles {
    static final long MAX_BYTES = 20L * 1024 * 1024;

    /** A URL scheme such as {@code https:} or {@code data:}, or a drive letter such as {@code C:}. */
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    /** A picture file as read: where it was found (for messages) and its bytes. */
    record Picture(String origin, byte[] bytes) {
    }

    private final Path article;
    private final Path folder;

    PictureFiles(Path article) {
        this.article = article;
        Path absolute = article.toAbsolutePath().normalize();
        this.folder = absolute.getParent() == null ? absolute.getRoot() : absolute.getParent();
    }

    /** Reads the picture at {@code destination}; errors are reported at {@code line} and {@code key} (may be null). */
    Picture load(String destination, int line, String key) {
        String name = "picture " + quoted(destination);
        if (destination.isBlank()) {
            throw fail(line, key, "a picture needs the name of a file beside the article");
        }
        Path relative = beside(destination, line, key, name);
        Path path = article.resolveSibling(relative).normalize();
        if (!Files.exists(path)) {
            throw fail(line, key, name + " was not found beside the article (looked for " + path + ")");
        }
        if (!Files.isRegularFile(path)) {
            throw fail(line, key, name + " is not a file");
        }
        try {
            long size = Files.size(path);
            byte[] bytes = size > MAX_BYTES ? new byte[0] : Files.readAllBytes(path);
            if (size > MAX_BYTES || bytes.length > MAX_BYTES) {
                throw fail(line, key, name + " is " + megabytes(Math.max(size, bytes.length))
                        + "; a picture may be at most 20 MB");
            }
            if (!isPicture(bytes)) {
                throw fail(line, key, name + " is not a JPEG, PNG, GIF or WebP picture");
            }
            return new Picture(path.toString(), bytes);
        } catch (AccessDeniedException e) {
            throw fail(line, key, name + " cannot be read: permission denied");
        } catch (IOException e) {
            throw fail(line, key, name + " cannot be read: " + e.getClass().getSimpleName());
        }
    }

    /** The destination as a path inside the article's folder tree, or an error if it points anywhere else. */
    private Path beside(String destination, int line, String key, String name) {
        String refused = name + ": pictures must be files beside the article; nothing may load from another server";
        if (SCHEME.matcher(destination).find() || destination.startsWith("/") || destination.startsWith("\\")) {
            throw fail(line, key, refused);
        }
        Path relative;
        try {
            relative = article.getFileSystem().getPath(destination);
        } catch (InvalidPathException e) {
            throw fail(line, key, name + " is not a file name");
        }
        if (relative.isAbsolute() || !folder.resolve(relative).normalize().startsWith(folder)) {
            throw fail(line, key, refused);
        }
        return relative;
    }

    private static boolean isPicture(byte[] b) {
        return startsWith(b, 0, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})
                || startsWith(b, 0, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})
                || startsWith(b, 0, ascii("GIF87a")) || startsWith(b, 0, ascii("GIF89a"))
                || startsWith(b, 0, ascii("RIFF")) && startsWith(b, 8, ascii("WEBP"));
    }

    private static boolean startsWith(byte[] bytes, int from, byte[] prefix) {
        return bytes.length >= from + prefix.length
                && Arrays.equals(bytes, from, from + prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private ImportException fail(int line, String key, String problem) {
        return new ImportException(article.toString(), line, key, problem);
    }
}
