package broadsheet.web;

/**
 * The {@code next} address a sign-in comes back to: only ever a plain path on this site, never a way off it.
 */
public final class NextAddress {
    private NextAddress() {}

    /**
     * An address as the access check writes it (the path and query a browser sent): printable ASCII, without
     * backslashes, a path from the root without empty or dot segments (so never {@code //host}). Nothing else is
     * followed, however harmless it may look: a browser drops some characters and reads a backslash as a slash.
     */
    public static boolean plain(String next) {
        if (next == null || !next.startsWith("/") || next.chars().anyMatch(c -> c <= ' ' || c >= 0x7f || c == '\\')) return false;
        String path = next.split("\\?", 2)[0];
        String[] segments = path.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.equals(".") || segment.equals("..") || (segment.isEmpty() && i < segments.length - 1)) return false;
        }
        return true;
    }

    /** The path of a plain address (without its query). */
    public static String path(String next) {
        return next.split("\\?", 2)[0];
    }
}
