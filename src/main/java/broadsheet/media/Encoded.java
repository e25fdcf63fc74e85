package broadsheet.media;

import java.util.Objects;

/**
 * One encoded picture file, ready to be stored under {@link ContentHash#sha256Hex(byte[])} of its bytes
 * and served with {@code type.mediaType()}. The byte array is shared, not copied, to keep large pictures
 * cheap to pass around: whoever receives it must not change it.
 *
 * @param type  the format of {@code bytes}
 * @param bytes the file's content
 */
public record Encoded(PictureType type, byte[] bytes) {

    public Encoded {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(bytes, "bytes");
    }

    @Override
    public String toString() {
        return "Encoded[" + type + ", " + bytes.length + " bytes]";
    }
}
