package broadsheet.media;

import java.util.Optional;

/**
 * The picture formats the media library accepts, and how to recognise each from its first bytes.
 * Sniffing looks only at the content's magic bytes, never at a file name or a declared media type,
 * because both come from people and may lie. Whether the rest of the file is sound is left to
 * {@link PictureProcessor}, which decodes it.
 */
public enum PictureType {
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    GIF("image/gif", "gif"),
    WEBP("image/webp", "webp");

    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] GIF87_MAGIC = {'G', 'I', 'F', '8', '7', 'a'};
    private static final byte[] GIF89_MAGIC = {'G', 'I', 'F', '8', '9', 'a'};
    private static final byte[] RIFF_MAGIC = {'R', 'I', 'F', 'F'};
    private static final byte[] WEBP_MAGIC = {'W', 'E', 'B', 'P'};

    private final String mediaType;
    private final String extension;

    PictureType(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The IANA media type, for {@code Content-Type} headers, e.g. {@code image/jpeg}. */
    public String mediaType() {
        return mediaType;
    }

    /** The usual file name extension without the dot, e.g. {@code jpg}. */
    public String extension() {
        return extension;
    }

    /** The name people know the format by, for messages: {@code JPEG}, {@code WebP}. */
    String displayName() {
        return this == WEBP ? "WebP" : name();
    }

    /**
     * The type whose signature starts {@code bytes}, or empty when there is none (or {@code bytes} is null).
     * WebP is a RIFF container: {@code RIFF}, a four-byte length, then {@code WEBP}.
     */
    public static Optional<PictureType> sniff(byte[] bytes) {
        if (bytes == null) {
            return Optional.empty();
        }
        if (startsWith(bytes, 0, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (startsWith(bytes, 0, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(bytes, 0, GIF87_MAGIC) || startsWith(bytes, 0, GIF89_MAGIC)) {
            return Optional.of(GIF);
        }
        if (startsWith(bytes, 0, RIFF_MAGIC) && startsWith(bytes, 8, WEBP_MAGIC)) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] magic) {
        if (bytes.length < offset + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (bytes[offset + i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
