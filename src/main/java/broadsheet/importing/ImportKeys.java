package broadsheet.importing;

import broadsheet.media.ContentHash;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The keys that tell which article an import file is, across imports (kept in {@code articles.import_key}).
 * A file that gives an {@code id} in its front matter is {@code id:ID}, the same article from whatever folder it
 * is imported. Any other file is {@code file:HASH}, the SHA-256 of its real absolute path, so files with the same
 * name in different folders are different articles, and the same file is found again wherever it is given from.
 * Keys written by earlier versions (a path within the folder imported, which collided across folders) were
 * marked {@code relative:} by a migration and are never matched; those articles are found again by their address.
 */
public final class ImportKeys {
    private static final String ID = "id:";
    private static final Pattern ID_VALUE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}");

    private ImportKeys() {}

    /** The key of a file whose front matter says {@code id: value}; the value is checked by {@link #isId(String)}. */
    static String ofId(String id) {
        return ID + id;
    }

    /** Whether {@code value} may be an article's id: letters, digits and {@code . _ : / -}, at most 200. */
    static boolean isId(String value) {
        return ID_VALUE.matcher(value).matches();
    }

    /** The key of a file that gives no id. */
    public static String ofFile(Path file) {
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            throw new ImportException(file.toString(), 0, null, "cannot be read: " + e.getClass().getSimpleName());
        }
        return "file:" + ContentHash.sha256Hex(real.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the key comes from an {@code id} in the front matter. */
    static boolean fromId(String key) {
        return key.startsWith(ID);
    }
}
