package broadsheet.text;

/** Small helpers for words shown to readers. */
public final class Texts {
    private Texts() {}

    /** The text cut at a word boundary to at most {@code max} characters, with an ellipsis when cut. */
    public static String shorten(String text, int max) {
        String s = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        if (s.length() <= max) return s;
        int cut = s.lastIndexOf(' ', max - 1);
        if (cut < max / 2) cut = max - 1;
        return s.substring(0, cut).replaceAll("[\\s,;:.\u2013\u2014-]+$", "") + "\u2026";
    }
}
