package broadsheet.web;

import java.util.Locale;

/**
 * The part of a file a {@code Range} header asks for (RFC 9110, section 14), for files that never change:
 * one range of bytes ({@code bytes=0-499}, {@code bytes=500-}, {@code bytes=-500}). A request for several
 * ranges, in another unit or malformed is answered with the whole file, as the RFC allows; so is one whose
 * {@code If-Range} does not name the file's current validator.
 */
public sealed interface ByteRange {
    /** The whole file, as if no range had been asked for. */
    record Whole() implements ByteRange {}

    /** Bytes {@code first} to {@code last} inclusive of a file of {@code size} bytes. */
    record Part(long first, long last, long size) implements ByteRange {
        public long length() {
            return last - first + 1;
        }

        public String contentRange() {
            return "bytes " + first + "-" + last + "/" + size;
        }
    }

    /** A range that starts past the end of the file: 416, with {@link #contentRange()}. */
    record Unsatisfiable(long size) implements ByteRange {
        public String contentRange() {
            return "bytes */" + size;
        }
    }

    /**
     * What to send of a file of {@code size} bytes whose strong {@code ETag} is {@code etag}, given the request's
     * {@code Range} and {@code If-Range} headers (either may be null).
     */
    static ByteRange of(String range, String ifRange, String etag, long size) {
        if (range == null || (ifRange != null && !ifRange.strip().equals(etag))) return new Whole();
        String spec = range.strip().toLowerCase(Locale.ROOT);
        if (!spec.startsWith("bytes=")) return new Whole();
        String[] ends = spec.substring("bytes=".length()).split("-", -1);
        if (ends.length != 2) return new Whole();
        String from = ends[0].strip();
        String to = ends[1].strip();
        if (!from.matches("[0-9]{0,18}") || !to.matches("[0-9]{0,18}") || (from.isEmpty() && to.isEmpty())) return new Whole();
        if (from.isEmpty()) {
            long suffix = Long.parseLong(to);
            if (suffix == 0 || size == 0) return new Unsatisfiable(size);
            return new Part(Math.max(0, size - suffix), size - 1, size);
        }
        long first = Long.parseLong(from);
        if (!to.isEmpty() && Long.parseLong(to) < first) return new Whole();
        if (first >= size) return new Unsatisfiable(size);
        return new Part(first, to.isEmpty() ? size - 1 : Math.min(Long.parseLong(to), size - 1), size);
    }
}
